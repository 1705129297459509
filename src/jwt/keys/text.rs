//! What the pasted text is, before any cryptography: PEM blocks, JSON, or
//! bare base64, and whether it is secret material that must be refused.
//!
//! This part is light on purpose: the page's own module runs
//! [`secret_material`] on every edit, before anything is kept.

use super::error::{KeyError, SecretKind};
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::json::{self, Json};

/// One PEM block: its label and the DER bytes it armours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pem {
    /// The text after `BEGIN ` and before `-----`, such as `PUBLIC KEY`.
    pub label: String,
    /// The decoded body.
    pub der: Vec<u8>,
}

/// Members of a private JWK (RFC 7518 §6.2.2, §6.3.2, RFC 8037 §2).
const PRIVATE_MEMBERS: [&str; 6] = ["d", "p", "q", "dp", "dq", "qi"];

/// The kind of secret material in `text`, if it is any: a PEM private key,
/// a JWK (alone or in a JWKS) with private members, or an HMAC `oct` JWK.
/// Cheap: it looks at PEM labels and JSON member names only.
pub fn secret_material(text: &str) -> Option<SecretKind> {
    let upper = text.contains("PRIVATE KEY-----") || text.contains("PuTTY-User-Key-File");
    if upper {
        return Some(SecretKind::PemPrivate);
    }
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        return None;
    }
    let value = json::parse(text).ok()?;
    let keys: Vec<&Json> = match value.get("keys") {
        Some(Json::Array(keys)) => keys.iter().collect(),
        _ => vec![&value],
    };
    keys.into_iter().find_map(jwk_secret)
}

fn jwk_secret(jwk: &Json) -> Option<SecretKind> {
    if PRIVATE_MEMBERS.iter().any(|m| jwk.get(m).is_some()) {
        return Some(SecretKind::JwkPrivate);
    }
    (jwk.get("kty").and_then(Json::as_str) == Some("oct") || jwk.get("k").is_some())
        .then_some(SecretKind::JwkSymmetric)
}

/// Whether `text` is a public key rather than a secret: a PEM public key or
/// certificate, or a JWK or JWKS of an asymmetric `kty`. Used to refuse an
/// HMAC "secret" that is really the issuer's public key.
pub fn looks_like_public_key(text: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(text) else {
        return false;
    };
    if text.contains("-----BEGIN PUBLIC KEY-----")
        || text.contains("-----BEGIN RSA PUBLIC KEY-----")
        || text.contains("-----BEGIN CERTIFICATE-----")
        || text.trim_start().starts_with("ssh-rsa ")
    {
        return true;
    }
    let Ok(value) = json::parse(text) else {
        return false;
    };
    let asymmetric = |k: &Json| {
        matches!(
            k.get("kty").and_then(Json::as_str),
            Some("RSA" | "EC" | "OKP")
        )
    };
    match value.get("keys") {
        Some(Json::Array(keys)) => keys.iter().any(asymmetric),
        _ => asymmetric(&value),
    }
}

/// Every PEM block in `text`, in order.
///
/// # Errors
///
/// [`KeyError::PemUnterminated`] for a block without its END line, and
/// [`KeyError::PemBase64`] for a body that is not base64.
pub fn pem_blocks(text: &str) -> Result<Vec<Pem>, KeyError> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = rest.get(start + "-----BEGIN ".len()..).unwrap_or_default();
        let Some(label_end) = after.find("-----") else {
            return Err(KeyError::NotAKey);
        };
        let label = after.get(..label_end).unwrap_or_default().trim().to_owned();
        let body_and_rest = after.get(label_end + 5..).unwrap_or_default();
        let end_line = format!("-----END {label}-----");
        let Some(body_end) = body_and_rest.find(&end_line) else {
            return Err(KeyError::PemUnterminated { label });
        };
        let body = body_and_rest.get(..body_end).unwrap_or_default();
        // RFC 7468 allows no headers, but legacy (RFC 1421) blocks carry some,
        // such as `Proc-Type:`; they are lines with a colon before the data.
        let base64: String = body
            .lines()
            .filter(|line| !line.contains(':'))
            .flat_map(|line| line.chars().filter(|c| !c.is_whitespace()))
            .collect();
        let der = base64url::decode(&base64, Alphabet::Standard)
            .map_err(|fault| KeyError::PemBase64 {
                label: label.clone(),
                fault,
            })?
            .bytes;
        blocks.push(Pem { label, der });
        rest = body_and_rest
            .get(body_end + end_line.len()..)
            .unwrap_or_default();
    }
    Ok(blocks)
}

/// The bytes of `text` if it is nothing but base64 (whitespace allowed) that
/// decodes to a DER SEQUENCE: a key copied without its PEM lines.
pub fn bare_der(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 16 {
        return None;
    }
    let bytes = base64url::decode(&compact, Alphabet::Lenient).ok()?.bytes;
    (bytes.first() == Some(&0x30)).then_some(bytes)
}
