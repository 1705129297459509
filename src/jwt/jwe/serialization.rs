//! The JWE JSON serialization (RFC 7516 §7.2): general, with a
//! `recipients` array, and flattened, with one recipient at the top.

use super::error::{HeaderPlace, JweError, JwePart};
use super::parse::{Form, Jwe, Recipient, bytes, check_object, header_segment, merge};
use crate::jwt::json::{self, Json};

fn malformed(reason: impl Into<String>) -> JweError {
    JweError::Serialization {
        reason: reason.into(),
    }
}

/// A member that must be a base64url string, decoded; `None` when absent.
fn member_bytes(
    object: &Json,
    name: &'static str,
    part: JwePart,
) -> Result<Option<Vec<u8>>, JweError> {
    match object.get(name) {
        None => Ok(None),
        Some(Json::String(text)) => bytes(text, part).map(Some),
        Some(other) => Err(malformed(format!(
            "\"{name}\" must be a base64url string, it is {}",
            other.type_name()
        ))),
    }
}

/// A member that must be a JSON object; `None` when absent.
fn member_object(object: &Json, name: &str, what: &str) -> Result<Option<Json>, JweError> {
    object
        .get(name)
        .map(|v| check_object(v.clone(), what))
        .transpose()
}

/// Reads the JSON serialization in `text`.
///
/// # Errors
///
/// [`JweError::Serialization`] for a malformed object, and the errors of
/// the headers and base64url parts it holds.
pub(super) fn parse_json(text: &str) -> Result<Jwe, JweError> {
    let value = json::parse_unique_object(text).map_err(malformed)?;
    if value.get("payload").is_some() || value.get("signatures").is_some() {
        return Err(malformed(
            "it has \"payload\" or \"signatures\": this is a signed JWS, not an encrypted JWE",
        ));
    }
    let Some(ciphertext) = member_bytes(&value, "ciphertext", JwePart::Ciphertext)? else {
        return Err(malformed("the \"ciphertext\" member is missing"));
    };
    let (protected_b64, protected_text, protected) = match value.get("protected") {
        None => (String::new(), String::new(), Json::Object(Vec::new())),
        Some(Json::String(segment)) => {
            let (text, json) = header_segment(segment)?;
            (segment.clone(), text, json)
        }
        Some(other) => {
            return Err(malformed(format!(
                "\"protected\" must be a base64url string, it is {}",
                other.type_name()
            )));
        }
    };
    let shared = member_object(&value, "unprotected", "the shared unprotected header")?;
    let aad_b64 = match value.get("aad") {
        None => None,
        Some(Json::String(aad)) => {
            bytes(aad, JwePart::Aad)?;
            Some(aad.clone())
        }
        Some(other) => {
            return Err(malformed(format!(
                "\"aad\" must be a base64url string, it is {}",
                other.type_name()
            )));
        }
    };
    let (form, entries) = match value.get("recipients") {
        Some(Json::Array(items)) if items.is_empty() => {
            return Err(malformed("\"recipients\" is empty"));
        }
        Some(Json::Array(items)) => {
            if value.get("header").is_some() || value.get("encrypted_key").is_some() {
                return Err(malformed(
                    "it has both \"recipients\" and a top-level \"header\" or \"encrypted_key\"",
                ));
            }
            (Form::General, items.clone())
        }
        Some(other) => {
            return Err(malformed(format!(
                "\"recipients\" must be an array, it is {}",
                other.type_name()
            )));
        }
        None => (Form::Flattened, vec![value.clone()]),
    };
    let mut recipients = Vec::with_capacity(entries.len());
    for entry in &entries {
        if entry.members().is_none() {
            return Err(malformed(format!(
                "each recipient must be an object, one is {}",
                entry.type_name()
            )));
        }
        let own = member_object(entry, "header", "the recipient's header")?;
        let empty = Json::Object(Vec::new());
        let header = merge(&[
            (HeaderPlace::Protected, &protected),
            (HeaderPlace::Shared, shared.as_ref().unwrap_or(&empty)),
            (HeaderPlace::Recipient, own.as_ref().unwrap_or(&empty)),
        ])?;
        let encrypted_key =
            member_bytes(entry, "encrypted_key", JwePart::EncryptedKey)?.unwrap_or_default();
        recipients.push(Recipient {
            header,
            encrypted_key,
        });
    }
    Ok(Jwe {
        form,
        protected_b64,
        protected_text,
        protected,
        aad_b64,
        iv: member_bytes(&value, "iv", JwePart::Iv)?.unwrap_or_default(),
        ciphertext,
        tag: member_bytes(&value, "tag", JwePart::Tag)?.unwrap_or_default(),
        recipients,
    })
}
