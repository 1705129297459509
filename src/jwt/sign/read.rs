//! Reading the private key the user pastes into the encoder: PEM (PKCS #8,
//! PKCS #1, SEC 1) or a private JWK.
//!
//! This is the one place JWT Lens reads a private key on purpose; the
//! decoder's key box still refuses them (`keys::secret_material`).

use super::der;
use super::error::SignError;
use super::jwk;
use super::private::{PrivateKey, PrivateSource};
use crate::jwt::json::{self, Json};
use crate::jwt::keys::{self, KeyError, jwk_meta};

/// The private key in `text`.
///
/// # Errors
///
/// A [`SignError`] that says what the text is, if not a private key JWT
/// Lens reads, and where it is broken.
pub fn read_private_key(text: &str) -> Result<PrivateKey, SignError> {
    if text.trim().is_empty() {
        return Err(SignError::Empty);
    }
    if text.contains("PuTTY-User-Key-File") {
        return Err(SignError::OpenSsh);
    }
    if text.contains("-----BEGIN ") {
        return read_pem(text);
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let value = json::parse(text).map_err(|e| {
            let (line, column) = e.line_column(text);
            SignError::Json {
                line,
                column,
                reason: e.reason,
            }
        })?;
        if value.get("keys").is_some() || matches!(value, Json::Array(_)) {
            return Err(SignError::Jwks);
        }
        let secret = jwk::read(&value)?;
        let mut key = PrivateKey::new(secret, PrivateSource::Jwk);
        key.meta = jwk_meta(&value);
        return Ok(key);
    }
    if trimmed.starts_with("ssh-") || trimmed.starts_with("ecdsa-sha2-") {
        return Err(SignError::PublicOnly {
            what: "an OpenSSH public key",
        });
    }
    // A private key's DER pasted without its PEM lines is read as PKCS #8,
    // the form WebCrypto exports.
    if let Some(bytes) = keys::bare_der(text)
        && let Ok(secret) = der::from_pkcs8(&bytes)
    {
        return Ok(PrivateKey::new(secret, PrivateSource::Pkcs8));
    }
    Err(SignError::NotAKey)
}

fn read_pem(text: &str) -> Result<PrivateKey, SignError> {
    // Legacy OpenSSL encryption puts `Proc-Type: 4,ENCRYPTED` headers inside
    // an RSA or EC PRIVATE KEY block, over DER that only the password opens.
    if text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(SignError::Encrypted);
    }
    let blocks = keys::pem_blocks(text).map_err(|e| match e {
        KeyError::PemUnterminated { .. } | KeyError::PemBase64 { .. } => SignError::Pem(e),
        _ => SignError::NotAKey,
    })?;
    // The first block with a private key; EC PARAMETERS, which
    // `openssl ecparam -genkey` writes first, and certificates are skipped.
    let private = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"];
    let Some(block) = blocks
        .iter()
        .find(|b| private.contains(&b.label.as_str()))
        .or(blocks.first())
    else {
        return Err(SignError::NotAKey);
    };
    let (secret, source) = match block.label.as_str() {
        "PRIVATE KEY" => (der::from_pkcs8(&block.der)?, PrivateSource::Pkcs8),
        "RSA PRIVATE KEY" => (der::from_pkcs1(&block.der)?, PrivateSource::Pkcs1),
        "EC PRIVATE KEY" => (der::sec1_key(&block.der, None)?, PrivateSource::Sec1),
        "ENCRYPTED PRIVATE KEY" => return Err(SignError::Encrypted),
        "OPENSSH PRIVATE KEY" => return Err(SignError::OpenSsh),
        "PUBLIC KEY" | "RSA PUBLIC KEY" => {
            return Err(SignError::PublicOnly {
                what: "a PEM public key",
            });
        }
        "CERTIFICATE" => {
            return Err(SignError::PublicOnly {
                what: "a certificate",
            });
        }
        other => {
            return Err(SignError::PemLabel {
                label: other.to_owned(),
            });
        }
    };
    Ok(PrivateKey::new(secret, source))
}
