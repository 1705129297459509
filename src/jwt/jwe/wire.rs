//! [`Answer`]: what decryption came to, and its JSON for crossing from the
//! decryption wasm module to the page's own.
//!
//! The wire fails closed: a `state` this page does not know reads as
//! `failed`, never as decrypted.

use super::error::{JweError, State};
use super::result::{Decrypted, Nested};
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::json::{self, Json};

/// The `data-state` of `#decryption-info` after an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerState {
    /// The plaintext is in the answer.
    Decrypted,
    /// Tried, or the token or key is unusable; `reason` says why.
    Failed,
    /// Not tried: a cap or an algorithm JWT Lens does not decrypt.
    Refused,
}

impl AnswerState {
    /// `decrypted`, `failed` or `refused`.
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerState::Decrypted => "decrypted",
            AnswerState::Failed => "failed",
            AnswerState::Refused => "refused",
        }
    }
}

/// Decryption's outcome, flat, as the page uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// Decrypted, failed or refused.
    pub state: AnswerState,
    /// Why it failed or was refused; empty when decrypted.
    pub reason: String,
    /// The header that applied (protected, shared and recipient's), pretty-printed.
    pub header: String,
    /// The protected header as written.
    pub protected_header: String,
    /// The `alg` used.
    pub alg: String,
    /// The `enc` used.
    pub enc: String,
    /// The plaintext bytes.
    pub plaintext: Vec<u8>,
    /// `cty` or `shape` when the plaintext is a nested token, else empty.
    pub nested: String,
    /// Whether `zip: "DEF"` was inflated.
    pub compressed: bool,
    /// How the key was read: [`KeyReading::id`](super::KeyReading::id).
    pub key_reading: String,
    /// The same, for people.
    pub key_reading_text: String,
    /// Warnings, for people.
    pub warnings: Vec<String>,
}

impl Answer {
    /// The answer for a decryption result.
    pub fn from_result(result: &Result<Decrypted, JweError>) -> Answer {
        match result {
            Ok(done) => Answer {
                state: AnswerState::Decrypted,
                reason: String::new(),
                header: done.header.clone(),
                protected_header: done.protected_header.clone(),
                alg: done.alg.name().to_owned(),
                enc: done.enc.name().to_owned(),
                plaintext: done.plaintext.clone(),
                nested: match done.nested {
                    Some(Nested::Cty) => "cty",
                    Some(Nested::Shape) => "shape",
                    None => "",
                }
                .to_owned(),
                compressed: done.compressed,
                key_reading: done.key_reading.id().to_owned(),
                key_reading_text: done.key_reading.to_string(),
                warnings: done.warnings.iter().map(ToString::to_string).collect(),
            },
            Err(e) => Answer::failed(
                match e.state() {
                    State::Failed => AnswerState::Failed,
                    State::Refused => AnswerState::Refused,
                },
                e.to_string(),
            ),
        }
    }

    /// An answer without plaintext: `state` (failed or refused) and why,
    /// for the page when the module itself could not answer.
    pub fn failed(state: AnswerState, reason: String) -> Answer {
        Answer {
            state,
            reason,
            header: String::new(),
            protected_header: String::new(),
            alg: String::new(),
            enc: String::new(),
            plaintext: Vec::new(),
            nested: String::new(),
            compressed: false,
            key_reading: String::new(),
            key_reading_text: String::new(),
            warnings: Vec::new(),
        }
    }

    /// The plaintext as text, when it is UTF-8.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.plaintext).ok()
    }

    /// JSON for the wire: `plaintext` is the UTF-8 text, or base64url
    /// (`plaintext_encoding` says which).
    pub fn to_wire(&self) -> String {
        let mut out = String::from("{");
        let mut field = |name: &str, value: &str| {
            if out.len() > 1 {
                out.push(',');
            }
            json::write_string(&mut out, name);
            out.push(':');
            json::write_string(&mut out, value);
        };
        let (plaintext, encoding) = match self.text() {
            Some(text) => (text.to_owned(), "utf8"),
            None => (base64url::encode(&self.plaintext), "base64url"),
        };
        field("state", self.state.as_str());
        field("reason", &self.reason);
        field("header", &self.header);
        field("protected_header", &self.protected_header);
        field("alg", &self.alg);
        field("enc", &self.enc);
        field("plaintext", &plaintext);
        field("plaintext_encoding", encoding);
        field("nested", &self.nested);
        field("key_reading", &self.key_reading);
        field("key_reading_text", &self.key_reading_text);
        out.push_str(",\"compressed\":");
        out.push_str(if self.compressed { "true" } else { "false" });
        out.push_str(",\"warnings\":[");
        for (i, w) in self.warnings.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::write_string(&mut out, w);
        }
        out.push_str("]}");
        out
    }

    /// Reads [`to_wire`](Self::to_wire)'s JSON; `None` if it is not that.
    /// An unknown `state` becomes `failed`.
    pub fn from_wire(wire: &str) -> Option<Answer> {
        let value = json::parse(wire).ok()?;
        let text = |name: &str| value.get(name).and_then(Json::as_str).map(str::to_owned);
        let state = match text("state")?.as_str() {
            "decrypted" => AnswerState::Decrypted,
            "refused" => AnswerState::Refused,
            "failed" => AnswerState::Failed,
            other => {
                return Some(Answer::failed(
                    AnswerState::Failed,
                    format!(
                        "the decryption module answered \"{other}\", which this page does not know"
                    ),
                ));
            }
        };
        let plaintext = match text("plaintext_encoding")?.as_str() {
            "utf8" => text("plaintext")?.into_bytes(),
            _ => {
                base64url::decode(&text("plaintext")?, Alphabet::Url)
                    .ok()?
                    .bytes
            }
        };
        let warnings = match value.get("warnings") {
            Some(Json::Array(items)) => items
                .iter()
                .filter_map(|w| w.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        Some(Answer {
            state,
            reason: text("reason")?,
            header: text("header")?,
            protected_header: text("protected_header")?,
            alg: text("alg")?,
            enc: text("enc")?,
            plaintext,
            nested: text("nested")?,
            compressed: value.get("compressed") == Some(&Json::Bool(true)),
            key_reading: text("key_reading")?,
            key_reading_text: text("key_reading_text")?,
            warnings,
        })
    }
}
