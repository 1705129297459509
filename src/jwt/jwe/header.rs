//! The JOSE Header parameters decryption reads (RFC 7516 §4.1, RFC 7518
//! §4.6.1, §4.7.1, §4.8.1), each checked for type before use.

use super::alg::{ContentAlg, KeyAlg};
use super::error::{JweError, JwePart};
use super::parse::bytes;
use crate::jwt::json::Json;

/// What the header says about decryption, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    /// `alg`: key management.
    pub alg: KeyAlg,
    /// `enc`: content encryption.
    pub enc: ContentAlg,
    /// `zip: "DEF"`, from the protected header.
    pub deflate: bool,
    /// `kid`, when it is a string.
    pub kid: Option<String>,
}

/// The string value of `name`; `None` when absent.
pub(super) fn string<'a>(
    header: &'a Json,
    name: &'static str,
) -> Result<Option<&'a str>, JweError> {
    match header.get(name) {
        None => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(other) => Err(JweError::BadParam {
            name,
            reason: format!("must be a string, it is {}", other.type_name()),
        }),
    }
}

/// The string value of `name`, which must be present.
pub(super) fn required<'a>(header: &'a Json, name: &'static str) -> Result<&'a str, JweError> {
    string(header, name)?.ok_or(JweError::MissingParam { name })
}

/// The bytes of base64url parameter `name`; `None` when absent.
pub(super) fn b64(header: &Json, name: &'static str) -> Result<Option<Vec<u8>>, JweError> {
    string(header, name)?
        .map(|text| bytes(text, JwePart::Param(name)))
        .transpose()
}

/// Reads and checks `alg`, `enc`, `zip` and `crit` from a recipient's
/// merged header; `protected` is the protected header alone, where `zip`
/// must be.
///
/// # Errors
///
/// A missing or mistyped parameter, an algorithm JWT Lens does not decrypt,
/// or a `crit` it cannot honour.
pub fn params(header: &Json, protected: &Json) -> Result<Params, JweError> {
    if let Some(crit) = header.get("crit") {
        // No JWE extension is implemented, so any `crit` is refused
        // (RFC 7516 §4.1.13, by reference to RFC 7515 §4.1.11).
        let names = match crit {
            Json::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        return Err(JweError::Crit { names });
    }
    let alg_name = required(header, "alg")?;
    let alg = KeyAlg::from_name(alg_name).ok_or_else(|| JweError::UnsupportedAlg {
        alg: alg_name.to_owned(),
    })?;
    let enc_name = required(header, "enc")?;
    let enc = ContentAlg::from_name(enc_name).ok_or_else(|| JweError::UnsupportedEnc {
        enc: enc_name.to_owned(),
    })?;
    let deflate = match (string(header, "zip")?, protected.get("zip")) {
        (None, _) => false,
        (Some(_), None) => return Err(JweError::ZipUnprotected),
        (Some("DEF"), Some(_)) => true,
        (Some(other), Some(_)) => {
            return Err(JweError::UnsupportedZip {
                zip: other.to_owned(),
            });
        }
    };
    Ok(Params {
        alg,
        enc,
        deflate,
        kid: header.get("kid").and_then(Json::as_str).map(str::to_owned),
    })
}
