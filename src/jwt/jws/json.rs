//! Reading the JWS JSON serialization (RFC 7515 §7.2): general, with a
//! `signatures` array, and flattened, with one signature at the top level.

use super::error::JwsJsonError;
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::json::{self, Json};
use crate::jwt::report::{Report, Section};
use crate::jwt::verify::payload_is_encoded;

/// How the JWS JSON was serialized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwsForm {
    /// A `signatures` array (RFC 7515 §7.2.1).
    General,
    /// One signature's members at the top level (§7.2.2).
    Flattened,
}

/// One signature of a JWS JSON serialization.
#[derive(Clone, Debug, PartialEq)]
pub struct JwsSignature {
    /// Its position, from 0: the page's `li[data-index]`.
    pub index: usize,
    /// The protected header decoded, exactly as written; empty when absent.
    pub protected_text: String,
    /// The unprotected `header` member, pretty-printed; `None` when absent.
    pub unprotected_text: Option<String>,
    /// Protected and unprotected parameters together.
    pub header: Json,
    /// The `kid` of either header, to pick a key by.
    pub kid: Option<String>,
    /// The compact JWS this signature verifies as: `protected.payload.signature`,
    /// or `protected..signature` when the payload is detached or unencoded
    /// (`b64: false`), which [`payload`](Self::payload) then carries.
    pub compact: String,
    /// [`compact`](Self::compact), decoded: what the verify layer checks.
    pub report: Report,
    /// The payload to check `compact` against when it is detached: the
    /// serialization's own unencoded payload, or `None` when the user must
    /// give it (RFC 7515 Appendix F).
    pub payload: Option<Vec<u8>>,
    /// Why this signature cannot be checked, whatever the key.
    pub problem: Option<JwsJsonError>,
}

/// A JWS JSON serialization, read.
#[derive(Clone, Debug, PartialEq)]
pub struct JwsJson {
    /// General or flattened.
    pub form: JwsForm,
    /// The `payload` member as written; `None` when it is detached.
    pub payload: Option<String>,
    /// At least one signature.
    pub signatures: Vec<JwsSignature>,
}

impl JwsJson {
    /// Whether the signer's payload must be pasted: some signature has none.
    pub fn needs_payload(&self) -> bool {
        self.signatures
            .iter()
            .any(|s| s.payload.is_none() && s.report.segment_text(1) == Some(""))
    }
}

fn malformed(reason: impl Into<String>) -> JwsJsonError {
    JwsJsonError::Malformed {
        reason: reason.into(),
    }
}

fn string_member<'a>(object: &'a Json, name: &str) -> Result<Option<&'a str>, JwsJsonError> {
    match object.get(name) {
        None => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(other) => Err(malformed(format!(
            "\"{name}\" must be a string, it is {}",
            other.type_name()
        ))),
    }
}

/// Reads a JWS JSON serialization.
///
/// # Errors
///
/// [`JwsJsonError::Malformed`] when `text` is not one. Problems of one
/// signature are that signature's [`problem`](JwsSignature::problem).
pub fn parse(text: &str) -> Result<JwsJson, JwsJsonError> {
    let value = json::parse_unique_object(text).map_err(malformed)?;
    if value.get("ciphertext").is_some() {
        return Err(malformed(
            "it has a \"ciphertext\": this is an encrypted JWE, not a signed JWS",
        ));
    }
    let payload = string_member(&value, "payload")?.map(str::to_owned);
    let (form, entries) = match value.get("signatures") {
        Some(Json::Array(items)) if items.is_empty() => {
            return Err(malformed("\"signatures\" is empty"));
        }
        Some(Json::Array(items)) => (JwsForm::General, items.clone()),
        Some(other) => {
            return Err(malformed(format!(
                "\"signatures\" must be an array, it is {}",
                other.type_name()
            )));
        }
        None if value.get("signature").is_some() => (JwsForm::Flattened, vec![value.clone()]),
        None => return Err(malformed("it has neither \"signatures\" nor \"signature\"")),
    };
    let signatures = entries
        .iter()
        .enumerate()
        .map(|(index, entry)| signature(index, entry, payload.as_deref()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(JwsJson {
        form,
        payload,
        signatures,
    })
}

fn signature(
    index: usize,
    entry: &Json,
    payload: Option<&str>,
) -> Result<JwsSignature, JwsJsonError> {
    if entry.members().is_none() {
        return Err(malformed(format!(
            "signature {} is {}, not an object",
            index + 1,
            entry.type_name()
        )));
    }
    let protected_b64 = string_member(entry, "protected")?.unwrap_or_default();
    let Some(signature_b64) = string_member(entry, "signature")? else {
        return Err(malformed(format!(
            "signature {} has no \"signature\"",
            index + 1
        )));
    };
    let protected_text = base64url::decode(protected_b64, Alphabet::Url)
        .ok()
        .and_then(|d| String::from_utf8(d.bytes).ok())
        .unwrap_or_default();
    let protected = json::parse(&protected_text).unwrap_or(Json::Object(Vec::new()));
    let unprotected = match entry.get("header") {
        None => None,
        Some(h @ Json::Object(_)) => Some(h.clone()),
        Some(other) => {
            return Err(malformed(format!(
                "signature {}'s \"header\" must be an object, it is {}",
                index + 1,
                other.type_name()
            )));
        }
    };
    let mut merged = protected.members().unwrap_or_default().to_vec();
    let mut problem = None;
    for (name, value) in unprotected
        .as_ref()
        .and_then(Json::members)
        .unwrap_or_default()
    {
        if protected.get(name).is_some() {
            problem.get_or_insert(JwsJsonError::Duplicate { name: name.clone() });
        }
        if let Some(critical) = ["b64", "crit"].into_iter().find(|n| n == name) {
            problem.get_or_insert(JwsJsonError::Unprotected { name: critical });
        }
        merged.push((name.clone(), value.clone()));
    }
    let header = Json::Object(merged);
    // An unreadable b64 leaves the payload encoded here; the verify layer
    // refuses the token with the reason.
    let encoded = payload_is_encoded(&protected).unwrap_or(true);
    let (compact, detached) = match payload {
        Some(p) if encoded => (format!("{protected_b64}.{p}.{signature_b64}"), None),
        Some(p) => (
            format!("{protected_b64}..{signature_b64}"),
            Some(p.as_bytes().to_vec()),
        ),
        None => (format!("{protected_b64}..{signature_b64}"), None),
    };
    let mut report =
        crate::jwt::decode(&compact).ok_or_else(|| malformed("a signature is empty"))?;
    // RFC 7515 §7.2.1 allows `alg` in the unprotected header alone (RFC
    // 7520 §4.7 does so). The verify layer reads `alg` from the report, so
    // it is given the unprotected one; the signing input stays the empty
    // protected header and the payload. Changing such an `alg` forges
    // nothing: the signature must still verify under the new one, and
    // algorithm confusion is refused there as for any token.
    if protected.get("alg").is_none()
        && let Some(alg) = unprotected.as_ref().and_then(|h| h.get("alg"))
    {
        report.header = Some(Section {
            text: protected_text.clone(),
            json: Some(Json::Object(vec![("alg".to_owned(), alg.clone())])),
            pretty: None,
        });
    }
    Ok(JwsSignature {
        index,
        protected_text,
        unprotected_text: unprotected.as_ref().map(Json::pretty),
        kid: header.get("kid").and_then(Json::as_str).map(str::to_owned),
        header,
        compact,
        report,
        payload: detached,
        problem,
    })
}
