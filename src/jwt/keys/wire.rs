//! [`KeyCheck`]: the keys module's answer, and its JSON for crossing between
//! the two wasm modules.
//!
//! The wire fails closed: a `state` this page does not know, or `valid`
//! without a public-key `alg`, reads as "nothing was checked", never as valid.

use super::check::Outcome;
use super::error::KeyError;
use super::is_public_key_alg;
use crate::jwt::header::Alg;
use crate::jwt::json::{self, Json};

/// What the key box shows about the pasted key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyState {
    /// A key was read and used (whether or not the signature matched).
    Used,
    /// The text holds no usable key, or none that fits the token.
    Unusable,
    /// Secret material was pasted and refused.
    Refused,
}

impl KeyState {
    /// The `data-state` of `#key-info`: `used`, `unusable` or `refused`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyState::Used => "used",
            KeyState::Unusable => "unusable",
            KeyState::Refused => "refused",
        }
    }

    fn from_str(s: &str) -> KeyState {
        match s {
            "used" => KeyState::Used,
            "refused" => KeyState::Refused,
            _ => KeyState::Unusable,
        }
    }
}

/// The outcome of checking a signature with a pasted key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyCheck {
    /// What the check came to.
    pub outcome: Outcome,
    /// Whether a key was used.
    pub key_state: KeyState,
    /// Label and value pairs about the key used: type, source, `kid`, …
    pub facts: Vec<(String, String)>,
    /// Warnings about the key: too short, expired certificate, …
    pub notes: Vec<String>,
}

impl KeyCheck {
    /// A key that could not be read; refused if it was secret material.
    pub fn unreadable(error: &KeyError) -> KeyCheck {
        let mut out = KeyCheck::unverified(error.to_string());
        if matches!(error, KeyError::Secret(_)) {
            out.key_state = KeyState::Refused;
        }
        out
    }

    /// Nothing checked, for `reason`, with no key used.
    pub fn unverified(reason: String) -> KeyCheck {
        KeyCheck {
            outcome: Outcome::Unusable(reason),
            key_state: KeyState::Unusable,
            facts: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// JSON for crossing from the keys module to the page's module.
    pub fn to_wire(&self) -> String {
        let (state, alg) = match &self.outcome {
            Outcome::Verified { alg } => ("valid", alg.to_string()),
            Outcome::WrongKeyType(_) => ("wrong-key-type", String::new()),
            Outcome::Mismatch(_) => ("mismatch", String::new()),
            Outcome::Refused(_) => ("refused", String::new()),
            Outcome::Unusable(_) => ("unusable", String::new()),
        };
        let mut out = String::from("{\"state\":");
        json::write_string(&mut out, state);
        out.push_str(",\"alg\":");
        json::write_string(&mut out, &alg);
        out.push_str(",\"reason\":");
        json::write_string(&mut out, self.outcome.text());
        out.push_str(",\"key\":");
        json::write_string(&mut out, self.key_state.as_str());
        out.push_str(",\"facts\":[");
        for (i, (label, value)) in self.facts.iter().enumerate() {
            out.push_str(if i == 0 { "[" } else { ",[" });
            json::write_string(&mut out, label);
            out.push(',');
            json::write_string(&mut out, value);
            out.push(']');
        }
        out.push_str("],\"notes\":[");
        for (i, note) in self.notes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::write_string(&mut out, note);
        }
        out.push_str("]}");
        out
    }

    /// Reads [`to_wire`](Self::to_wire)'s JSON; `None` if it is not that.
    /// Fails closed: an unknown `state`, or `valid` without an `alg` that is
    /// verified with a public key, becomes [`Outcome::Unusable`].
    pub fn from_wire(wire: &str) -> Option<KeyCheck> {
        let value = json::parse(wire).ok()?;
        let text = |name: &str| value.get(name).and_then(Json::as_str);
        let alg = Alg::parse(text("alg")?);
        let reason = text("reason")?.to_owned();
        let outcome = match text("state")? {
            "valid" if is_public_key_alg(&alg) => Outcome::Verified { alg },
            "valid" => Outcome::Unusable(format!(
                "the public-key verifier said valid for alg \"{alg}\", which it does not verify"
            )),
            "wrong-key-type" => Outcome::WrongKeyType(reason),
            "mismatch" => Outcome::Mismatch(reason),
            "refused" => Outcome::Refused(reason),
            "unusable" => Outcome::Unusable(reason),
            other => Outcome::Unusable(format!(
                "the public-key verifier answered \"{other}\", which this page does not know"
            )),
        };
        let strings = |v: &Json| match v {
            Json::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let facts = match value.get("facts") {
            Some(Json::Array(pairs)) => pairs
                .iter()
                .filter_map(|p| match strings(p).as_slice() {
                    [label, value] => Some((label.clone(), value.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(KeyCheck {
            outcome,
            key_state: KeyState::from_str(text("key")?),
            facts,
            notes: value.get("notes").map(strings).unwrap_or_default(),
        })
    }
}
