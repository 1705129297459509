//! What the pasted text is, beyond one compact token: a JWE to decrypt
//! (compact or JSON) or a JWS JSON serialization with its signatures.

use crate::jwt::clean;
use crate::jwt::jwe::{self, Form};
use crate::jwt::jws::{self, JwsJson};

/// The form of the pasted (or picked) text.
#[derive(Clone, Debug, PartialEq)]
pub enum Envelope {
    /// A compact JWS, or text the decoder reads as it is, with its errors.
    Compact,
    /// A JWE: `text` is what the decryption module is given (the cleaned
    /// compact token, or the JSON as pasted), `view` the compact token whose
    /// header the page shows ([`Jwe::compact_view`](jwe::Jwe::compact_view)
    /// for a JSON one).
    Jwe {
        /// The JWE for the decryption module.
        text: String,
        /// The JWE as a compact token, for display.
        view: String,
        /// Whether it was pasted as JSON.
        json: bool,
    },
    /// A JWS JSON serialization (RFC 7515 §7.2).
    JwsJson(Box<JwsJson>),
}

impl Envelope {
    /// Reads `text` (the picked token of a paste, if `from_paste`). JSON is
    /// read as a serialization only when it is the whole paste, not a token
    /// response holding tokens; a compact token is a JWE when it has the
    /// five segments the decoder reads as one.
    pub fn read(text: &str, from_paste: bool) -> Envelope {
        if !from_paste && text.trim_start().starts_with('{') {
            if let Ok(jws) = jws::parse(text) {
                return Envelope::JwsJson(Box::new(jws));
            }
            if let Ok(jwe) = jwe::parse(text)
                && jwe.form != Form::Compact
            {
                return Envelope::Jwe {
                    text: text.to_owned(),
                    view: jwe.compact_view(),
                    json: true,
                };
            }
        }
        // As `jwt::decode` counts: the segments before an SD-JWT's first `~`.
        let cleaned = clean(text).token;
        let head = cleaned.split('~').next().unwrap_or_default();
        if head.len() == cleaned.len() && head.matches('.').count() == 4 {
            return Envelope::Jwe {
                view: cleaned.clone(),
                text: cleaned,
                json: false,
            };
        }
        Envelope::Compact
    }

    /// The JWE text to decrypt, if this is a JWE.
    pub fn jwe_text(&self) -> Option<&str> {
        match self {
            Envelope::Jwe { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The JWS JSON serialization, if this is one.
    pub fn jws_json(&self) -> Option<&JwsJson> {
        match self {
            Envelope::JwsJson(j) => Some(j),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(text: &str, name: &str) -> String {
        let all: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        all[name].to_string()
    }

    #[test]
    fn rfc7515_a6_general_json_is_a_jws_json_serialization() {
        let text = fixture(
            include_str!("../../tests/fixtures/jws/rfc7515.json"),
            "a6_general",
        );
        let read = Envelope::read(&text, false);
        assert_eq!(read.jws_json().map(|j| j.signatures.len()), Some(2));
        // Found inside a paste of several tokens, JSON is that paste's.
        assert_eq!(Envelope::read(&text, true), Envelope::Compact);
    }

    #[test]
    fn rfc7520_json_jwe_is_decrypted_as_pasted_and_shown_compact() {
        let example = include_str!("../../tests/fixtures/jwe/rfc7520/5_13.json");
        let all: serde_json::Value = serde_json::from_str(example).unwrap_or_default();
        let text = all["output"]["json"].to_string();
        let Envelope::Jwe {
            text: sent,
            view,
            json,
        } = Envelope::read(&text, false)
        else {
            panic!("not read as a JWE");
        };
        assert!(json && sent == text);
        assert_eq!(view.matches('.').count(), 4);
    }

    #[test]
    fn five_segments_are_a_compact_jwe_and_three_are_not() {
        let jwe = Envelope::read(" Bearer a.b.c.d.e\n", false);
        assert_eq!(jwe.jwe_text(), Some("a.b.c.d.e"));
        assert_eq!(Envelope::read("a.b.c", false), Envelope::Compact);
        assert_eq!(
            Envelope::read("a.b.c.d.e~disclosure~", false),
            Envelope::Compact
        );
    }
}
