//! Reading the pasted decryption key: PEM, JWK, JWKS, bare DER, or raw text
//! whose reading (base64url, hex, password) the algorithm decides.

use std::fmt;

use super::alg::KeyKind;
use super::der;
use super::error::JweError;
use super::jwk;
use super::private::PrivateKey;
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::json::{self, Json};
use crate::jwt::keys;

/// How the pasted key text was read; the page says which.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyReading {
    /// One JWK.
    Jwk,
    /// Entry `index` (from 0) of a JWKS of `count` keys.
    Jwks { index: usize, count: usize },
    /// PEM `PRIVATE KEY` (PKCS #8).
    Pkcs8,
    /// PEM `RSA PRIVATE KEY` (PKCS #1).
    Pkcs1,
    /// PEM `EC PRIVATE KEY` (SEC 1).
    Sec1,
    /// Base64 DER of a private key, without PEM lines.
    BareDer,
    /// Raw key bytes written as base64url (or base64).
    Base64Url,
    /// Raw key bytes written as hex.
    Hex,
    /// A password: the text's UTF-8 bytes, exactly as pasted.
    Password,
}

impl KeyReading {
    /// A stable identifier for the page: `jwk`, `jwks`, `pkcs8`, `pkcs1`,
    /// `sec1`, `der`, `base64url`, `hex` or `password`.
    pub fn id(&self) -> &'static str {
        match self {
            KeyReading::Jwk => "jwk",
            KeyReading::Jwks { .. } => "jwks",
            KeyReading::Pkcs8 => "pkcs8",
            KeyReading::Pkcs1 => "pkcs1",
            KeyReading::Sec1 => "sec1",
            KeyReading::BareDer => "der",
            KeyReading::Base64Url => "base64url",
            KeyReading::Hex => "hex",
            KeyReading::Password => "password",
        }
    }
}

impl fmt::Display for KeyReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyReading::Jwk => f.write_str("JWK"),
            KeyReading::Jwks { index, count } => write!(f, "JWKS, key {} of {count}", index + 1),
            KeyReading::Pkcs8 => f.write_str("PEM private key (PKCS #8)"),
            KeyReading::Pkcs1 => f.write_str("PEM RSA private key (PKCS #1)"),
            KeyReading::Sec1 => f.write_str("PEM EC private key (SEC 1)"),
            KeyReading::BareDer => f.write_str("base64 DER private key without PEM lines"),
            KeyReading::Base64Url => f.write_str("key bytes as base64url"),
            KeyReading::Hex => f.write_str("key bytes as hex"),
            KeyReading::Password => f.write_str("password (the text's UTF-8 bytes)"),
        }
    }
}

/// One key read from the pasted text, or why it could not be.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub reading: KeyReading,
    pub kid: Option<String>,
    pub key: Result<PrivateKey, JweError>,
}

/// What the pasted text holds: keys, or text for the algorithm to read.
#[derive(Clone, Debug)]
pub(super) enum Pasted {
    /// PEM, a JWK or a JWKS.
    Keys(Vec<Candidate>),
    /// Anything else: raw key bytes, bare DER, or a password.
    Text(String),
}

fn unreadable(reason: impl Into<String>) -> JweError {
    JweError::KeyUnreadable {
        reason: reason.into(),
    }
}

/// Reads the pasted key text.
///
/// # Errors
///
/// [`JweError::KeyEmpty`] for blank text, and the errors of PEM and JSON
/// that cannot be read at all.
pub(super) fn read(text: &str) -> Result<Pasted, JweError> {
    if text.trim().is_empty() {
        return Err(JweError::KeyEmpty);
    }
    let one = |reading: KeyReading, key: Result<PrivateKey, JweError>| {
        Ok(Pasted::Keys(vec![Candidate {
            reading,
            kid: None,
            key,
        }]))
    };
    if text.contains("-----BEGIN ") {
        let blocks = keys::pem_blocks(text).map_err(|e| unreadable(e.to_string()))?;
        let Some(block) = blocks.iter().find(|b| b.label != "EC PARAMETERS") else {
            return Err(unreadable("no PEM block holds a key"));
        };
        return match block.label.as_str() {
            "PRIVATE KEY" => one(KeyReading::Pkcs8, der::pkcs8(&block.der)),
            "RSA PRIVATE KEY" => one(KeyReading::Pkcs1, der::pkcs1(&block.der)),
            "EC PRIVATE KEY" => one(KeyReading::Sec1, der::sec1(&block.der, None)),
            "ENCRYPTED PRIVATE KEY" => Err(unreadable(
                "an encrypted PEM private key; decrypt it first (openssl pkey -in key.pem)",
            )),
            "PUBLIC KEY" | "RSA PUBLIC KEY" => Err(JweError::PublicKeyOnly {
                what: "a PEM public key".to_owned(),
            }),
            "CERTIFICATE" => Err(JweError::PublicKeyOnly {
                what: "a certificate".to_owned(),
            }),
            other => Err(unreadable(format!(
                "a PEM {other} holds no private key; paste a PRIVATE KEY, RSA PRIVATE KEY or EC \
                 PRIVATE KEY"
            ))),
        };
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        // A password may look like JSON; only a JSON object is read as a key.
        let Ok(value) = json::parse(text) else {
            return Ok(Pasted::Text(text.to_owned()));
        };
        let kid = |v: &Json| v.get("kid").and_then(Json::as_str).map(str::to_owned);
        if let Some(entries) = value.get("keys") {
            let Json::Array(items) = entries else {
                return Err(unreadable("a JWKS's \"keys\" must be an array"));
            };
            if items.is_empty() || items.len() > keys::MAX_JWKS_KEYS {
                return Err(unreadable(format!(
                    "a JWKS needs 1 to {} keys, this one has {}",
                    keys::MAX_JWKS_KEYS,
                    items.len()
                )));
            }
            let count = items.len();
            return Ok(Pasted::Keys(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| Candidate {
                        reading: KeyReading::Jwks { index, count },
                        kid: kid(item),
                        key: jwk::key(item),
                    })
                    .collect(),
            ));
        }
        return Ok(Pasted::Keys(vec![Candidate {
            reading: KeyReading::Jwk,
            kid: kid(&value),
            key: jwk::key(&value),
        }]));
    }
    Ok(Pasted::Text(text.to_owned()))
}

/// The key `kind` needs from raw text: key bytes of `needed` length for a
/// symmetric algorithm (`what` names it in messages), the text itself as a
/// password, or a private key in bare base64 DER.
///
/// # Errors
///
/// [`JweError::KeyLength`] when no reading gives `needed` bytes, and
/// [`JweError::KeyUnreadable`] for text that is no private key.
pub(super) fn from_text(
    text: &str,
    kind: KeyKind,
    needed: usize,
    what: &str,
) -> Result<(PrivateKey, KeyReading), JweError> {
    match kind {
        KeyKind::Password => Ok((
            PrivateKey::Octets(text.as_bytes().to_vec()),
            KeyReading::Password,
        )),
        KeyKind::Symmetric => symmetric(text.trim(), needed, what),
        KeyKind::Rsa | KeyKind::Agreement => match keys::bare_der(text) {
            Some(bytes) => der::any(&bytes).map(|k| (k, KeyReading::BareDer)),
            None => Err(unreadable(
                "expected a PEM private key (BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE \
                 KEY) or a private JWK",
            )),
        },
    }
}

/// Raw key bytes: hex when its length fits, else base64url. The two
/// cannot both give `needed` bytes (hex takes 2 characters a byte,
/// base64url 4 for 3).
fn symmetric(text: &str, needed: usize, what: &str) -> Result<(PrivateKey, KeyReading), JweError> {
    let mut readings = Vec::new();
    if !text.is_empty()
        && text.len().is_multiple_of(2)
        && text.bytes().all(|b| b.is_ascii_hexdigit())
    {
        let bytes: Vec<u8> = text
            .as_bytes()
            .chunks(2)
            .filter_map(|pair| std::str::from_utf8(pair).ok())
            .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
            .collect();
        if bytes.len() == needed {
            return Ok((PrivateKey::Octets(bytes), KeyReading::Hex));
        }
        readings.push(("hex", bytes.len()));
    }
    if let Ok(decoded) = base64url::decode(text, Alphabet::Lenient) {
        if decoded.bytes.len() == needed {
            return Ok((PrivateKey::Octets(decoded.bytes), KeyReading::Base64Url));
        }
        readings.insert(0, ("base64url", decoded.bytes.len()));
    }
    Err(JweError::KeyLength {
        what: what.to_owned(),
        needed,
        readings,
    })
}
