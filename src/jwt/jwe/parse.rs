//! Reading a JWE, before any key: the compact serialization (RFC 7516
//! §7.1) and the JSON serializations (§7.2, general and flattened), with
//! each recipient's headers merged as §7.2.1 says.

use super::error::{HeaderPlace, JweError, JwePart};
use crate::jwt::MAX_TOKEN_BYTES;
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::json::{self, Json};
use crate::jwt::token;

/// How the JWE was serialized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Five dot-separated base64url segments (RFC 7516 §7.1).
    Compact,
    /// JSON with a `recipients` array (RFC 7516 §7.2.1).
    General,
    /// JSON with one recipient's `header` and `encrypted_key` at the top (§7.2.2).
    Flattened,
}

/// One recipient: the CEK encrypted for it, and the headers that apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Recipient {
    /// The union of the protected, shared unprotected and the recipient's
    /// own header (the JOSE Header of RFC 7516 §7.2.1): a JSON object.
    pub header: Json,
    /// The JWE Encrypted Key; empty for `dir` and `ECDH-ES`.
    pub encrypted_key: Vec<u8>,
}

/// A JWE as read, before any key.
#[derive(Clone, Debug, PartialEq)]
pub struct Jwe {
    /// Compact, general or flattened JSON.
    pub form: Form,
    /// The protected header's base64url exactly as written: part of the AAD.
    pub protected_b64: String,
    /// The protected header decoded, as written; empty when a JSON
    /// serialization has none.
    pub protected_text: String,
    /// The protected header, parsed (an empty object when absent).
    pub protected: Json,
    /// The JSON serialization's `aad` as written, if any.
    pub aad_b64: Option<String>,
    /// The initialization vector.
    pub iv: Vec<u8>,
    /// The ciphertext.
    pub ciphertext: Vec<u8>,
    /// The authentication tag.
    pub tag: Vec<u8>,
    /// At least one recipient; exactly one for the compact and flattened forms.
    pub recipients: Vec<Recipient>,
}

impl Jwe {
    /// The Additional Authenticated Data (RFC 7516 §5.1 step 14):
    /// `ASCII(BASE64URL(protected))`, then `.` and the `aad` when present.
    pub fn aad(&self) -> Vec<u8> {
        let mut out = self.protected_b64.as_bytes().to_vec();
        if let Some(aad) = &self.aad_b64 {
            out.push(b'.');
            out.extend_from_slice(aad.as_bytes());
        }
        out
    }

    /// A compact JWE standing for this one, for display only: the first
    /// recipient's whole header (protected, shared and its own, RFC 7516
    /// §7.2.1) as the first segment, then its encrypted key, the IV, the
    /// ciphertext and the tag. It lets the page show a JSON serialization's
    /// header as it shows any token's; it does not decrypt, since its AAD is
    /// not the serialization's.
    pub fn compact_view(&self) -> String {
        let (header, key) = match self.recipients.first() {
            Some(r) => (r.header.pretty(), r.encrypted_key.as_slice()),
            None => (self.protected.pretty(), &[][..]),
        };
        [
            base64url::encode(header.as_bytes()),
            base64url::encode(key),
            base64url::encode(&self.iv),
            base64url::encode(&self.ciphertext),
            base64url::encode(&self.tag),
        ]
        .join(".")
    }
}

/// Reads a JWE: JSON serialization when the text starts with `{`, compact
/// otherwise (after the cleaning the page does for any token: a `Bearer`
/// prefix, quotes and whitespace go).
///
/// # Errors
///
/// A [`JweError`] naming the part that cannot be read.
pub fn parse(text: &str) -> Result<Jwe, JweError> {
    if text.len() > MAX_TOKEN_BYTES {
        return Err(JweError::TooLarge {
            bytes: text.len(),
            limit: MAX_TOKEN_BYTES,
        });
    }
    if text.trim_start().starts_with('{') {
        return super::serialization::parse_json(text);
    }
    let cleaned = token::clean(text);
    let parts: Vec<&str> = cleaned.token.split('.').collect();
    let [protected, key, iv, ciphertext, tag] = parts.as_slice() else {
        return Err(JweError::Segments { found: parts.len() });
    };
    let (protected_text, protected_json) = header_segment(protected)?;
    let header = merge(&[(HeaderPlace::Protected, &protected_json)])?;
    Ok(Jwe {
        form: Form::Compact,
        protected_b64: (*protected).to_owned(),
        protected_text,
        protected: protected_json,
        aad_b64: None,
        iv: bytes(iv, JwePart::Iv)?,
        ciphertext: bytes(ciphertext, JwePart::Ciphertext)?,
        tag: bytes(tag, JwePart::Tag)?,
        recipients: vec![Recipient {
            header,
            encrypted_key: bytes(key, JwePart::EncryptedKey)?,
        }],
    })
}

/// The bytes of canonical unpadded base64url (RFC 7515 §2), or which part
/// is not.
pub(super) fn bytes(text: &str, part: JwePart) -> Result<Vec<u8>, JweError> {
    let decoded = base64url::decode(text, Alphabet::Url).map_err(|fault| JweError::Base64 {
        part,
        fault: Some(fault),
    })?;
    if decoded.padded || decoded.non_canonical {
        return Err(JweError::Base64 { part, fault: None });
    }
    Ok(decoded.bytes)
}

/// The protected header segment: its decoded text and its JSON object.
pub(super) fn header_segment(segment: &str) -> Result<(String, Json), JweError> {
    let raw = bytes(segment, JwePart::Protected)?;
    let text = String::from_utf8(raw).map_err(|_| JweError::Header {
        reason: "the protected header is not UTF-8 text".to_owned(),
    })?;
    let json = header_object(&text, "the protected header")?;
    Ok((text, json))
}

/// A header's JSON text as an object, with no name twice.
pub(super) fn header_object(text: &str, what: &str) -> Result<Json, JweError> {
    let value = json::parse(text).map_err(|e| {
        let (line, column) = e.line_column(text);
        JweError::Header {
            reason: format!(
                "{what} is not valid JSON at line {line}, column {column}: {}",
                e.reason
            ),
        }
    })?;
    check_object(value, what)
}

/// `value` if it is an object.
pub(super) fn check_object(value: Json, what: &str) -> Result<Json, JweError> {
    if value.members().is_none() {
        return Err(JweError::Header {
            reason: format!("{what} must be a JSON object, it is {}", value.type_name()),
        });
    }
    Ok(value)
}

/// The union of header objects, refusing a name that appears twice, in one
/// header or across two (RFC 7516 §4 and §7.2.1).
pub(super) fn merge(headers: &[(HeaderPlace, &Json)]) -> Result<Json, JweError> {
    let mut seen: Vec<(String, HeaderPlace)> = Vec::new();
    let mut merged = Vec::new();
    for (place, header) in headers {
        for (name, value) in header.members().unwrap_or_default() {
            if let Some((_, first)) = seen.iter().find(|(n, _)| n == name) {
                return Err(JweError::DuplicateHeader {
                    name: name.clone(),
                    first: *first,
                    second: *place,
                });
            }
            seen.push((name.clone(), *place));
            merged.push((name.clone(), value.clone()));
        }
    }
    Ok(Json::Object(merged))
}
