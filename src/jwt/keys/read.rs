//! Reading pasted text as keys: sniffing PEM, JWK, JWKS and bare DER.

use super::cert::{self, CertInfo};
use super::error::KeyError;
use super::jwk::{self, JwkMeta};
use super::material::Material;
use super::text::{self, secret_material};
use crate::jwt::json;

/// Where a key came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// PEM `PUBLIC KEY`: a SubjectPublicKeyInfo.
    Spki,
    /// PEM `RSA PUBLIC KEY`: PKCS #1.
    Pkcs1,
    /// PEM `CERTIFICATE`: its subject public key.
    Certificate(CertInfo),
    /// Base64 DER without PEM lines.
    BareDer,
    /// One JWK.
    Jwk,
    /// Entry `index` (from 0) of a JWKS of `count` keys.
    Jwks { index: usize, count: usize },
}

impl Source {
    pub(super) fn describe(&self) -> String {
        match self {
            Source::Spki => "PEM public key (SubjectPublicKeyInfo)".to_owned(),
            Source::Pkcs1 => "PEM RSA public key (PKCS #1)".to_owned(),
            Source::Certificate(_) => "PEM X.509 certificate".to_owned(),
            Source::BareDer => "base64 DER without PEM lines".to_owned(),
            Source::Jwk => "JWK".to_owned(),
            Source::Jwks { index, count } => format!("JWKS, key {} of {count}", index + 1),
        }
    }
}

/// One key read from the pasted text, or why it could not be.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Where it came from.
    pub source: Source,
    /// What a JWK said about itself; empty for PEM.
    pub meta: JwkMeta,
    /// The key.
    pub key: Result<Material, KeyError>,
}

/// Every key in `text`: one for PEM, DER or a JWK, several for a JWKS. A
/// second and later PEM block is ignored (a certificate chain starts with
/// the signer's own certificate).
///
/// # Errors
///
/// A [`KeyError`] when the text holds no usable key at all, including
/// [`KeyError::Secret`] for private keys and HMAC secrets.
pub fn read_keys(text: &str) -> Result<Vec<Entry>, KeyError> {
    if text.trim().is_empty() {
        return Err(KeyError::Empty);
    }
    if let Some(kind) = secret_material(text) {
        return Err(KeyError::Secret(kind));
    }
    let single = |source: Source, key: Result<Material, KeyError>| {
        key.map(|k| {
            vec![Entry {
                source,
                meta: JwkMeta::default(),
                key: Ok(k),
            }]
        })
    };
    if text.contains("-----BEGIN ") {
        let blocks = text::pem_blocks(text)?;
        // The first block with a key; others (EC PARAMETERS, a CA further
        // down a chain) are skipped.
        let supported = ["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE"];
        let Some(first) = blocks
            .iter()
            .find(|b| supported.contains(&b.label.as_str()))
            .or(blocks.first())
        else {
            return Err(KeyError::NotAKey);
        };
        return match first.label.as_str() {
            "PUBLIC KEY" => single(Source::Spki, Material::from_spki(&first.der)),
            "RSA PUBLIC KEY" => single(Source::Pkcs1, Material::from_pkcs1(&first.der)),
            "CERTIFICATE" => {
                let (info, spki) = cert::read(&first.der)?;
                single(Source::Certificate(info), Material::from_spki(&spki))
            }
            other => Err(KeyError::PemLabel {
                label: other.to_owned(),
            }),
        };
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let value = json::parse(text).map_err(|e| {
            let (line, column) = e.line_column(text);
            KeyError::Json {
                line,
                column,
                reason: e.reason,
            }
        })?;
        if let Some(set) = jwk::set(&value) {
            let set = set?;
            let count = set.len();
            return Ok(set
                .iter()
                .enumerate()
                .map(|(index, item)| Entry {
                    source: Source::Jwks { index, count },
                    meta: jwk::meta(item),
                    key: jwk::material(item),
                })
                .collect());
        }
        let key = jwk::material(&value)?;
        return Ok(vec![Entry {
            source: Source::Jwk,
            meta: jwk::meta(&value),
            key: Ok(key),
        }]);
    }
    if trimmed.starts_with("https://") || trimmed.starts_with("http://") {
        return Err(KeyError::Url);
    }
    if trimmed.starts_with("ssh-") || trimmed.starts_with("ecdsa-sha2-") {
        return Err(KeyError::OpenSsh);
    }
    if let Some(der) = text::bare_der(text) {
        // A PKCS #1 key's SEQUENCE starts with an INTEGER; SPKI and
        // certificates start with another SEQUENCE. The error shown is the
        // one for the structure the bytes look like.
        let pkcs1 = matches!(der.get(1), Some(l) if *l < 0x80 && der.get(2) == Some(&0x02))
            || matches!(der.get(1), Some(0x81) if der.get(3) == Some(&0x02))
            || matches!(der.get(1), Some(0x82) if der.get(4) == Some(&0x02));
        let key = if pkcs1 {
            Material::from_pkcs1(&der)
        } else {
            Material::from_spki(&der).or_else(|e| {
                cert::read(&der)
                    .and_then(|(_, spki)| Material::from_spki(&spki))
                    .map_err(|_| e)
            })
        };
        return single(Source::BareDer, key);
    }
    Err(KeyError::NotAKey)
}
