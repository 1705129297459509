//! What a successful decryption gives the page: the plaintext, the header
//! that applied, whether the plaintext is itself a token, and warnings.

use std::fmt;

use super::alg::{ContentAlg, KeyAlg};
use super::key::KeyReading;
use super::parse::Form;
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::json::{self, Json};

/// Why the plaintext is taken for a nested token (RFC 7519 §5.2, §11.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nested {
    /// The header says `cty: "JWT"` (any case, or `application/jwt`).
    Cty,
    /// No `cty`, but the plaintext has the shape of a compact JWS or JWE
    /// whose header names an `alg`.
    Shape,
}

/// Something to know about a token that did decrypt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// `RSA1_5` key encryption.
    Rsa1_5,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Rsa1_5 => f.write_str(
                "RSA1_5 (RSAES-PKCS1-v1_5) key encryption is broken: Bleichenbacher-style \
                 padding-oracle attacks recover the key from a server's error behaviour, and \
                 RFC 8725 §3.2 says not to use it; use RSA-OAEP-256 or ECDH-ES",
            ),
        }
    }
}

/// A decrypted JWE.
#[derive(Clone, Debug, PartialEq)]
pub struct Decrypted {
    /// Compact, general or flattened JSON.
    pub form: Form,
    /// The protected header decoded, exactly as written; empty when a JSON
    /// serialization has none.
    pub protected_header: String,
    /// The header that applied to the recipient that decrypted: protected,
    /// shared and per-recipient parameters together, pretty-printed.
    pub header: String,
    /// Key management used.
    pub alg: KeyAlg,
    /// Content encryption used.
    pub enc: ContentAlg,
    /// Which recipient decrypted, from 0, of how many.
    pub recipient: usize,
    /// The number of recipients.
    pub recipients: usize,
    /// The plaintext, inflated when `zip` was `DEF`.
    pub plaintext: Vec<u8>,
    /// Whether the plaintext was inflated.
    pub compressed: bool,
    /// Set when the plaintext is itself a token.
    pub nested: Option<Nested>,
    /// How the pasted key was read.
    pub key_reading: KeyReading,
    /// Warnings, such as a broken key encryption.
    pub warnings: Vec<Warning>,
}

impl Decrypted {
    /// The plaintext as text, when it is UTF-8.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.plaintext).ok()
    }
}

/// Whether the plaintext is a nested token: the header's `cty` says so, or
/// it has the shape of one.
pub fn nested(header: &Json, plaintext: &[u8]) -> Option<Nested> {
    let cty = header.get("cty").and_then(Json::as_str).unwrap_or_default();
    if cty.eq_ignore_ascii_case("JWT") || cty.eq_ignore_ascii_case("application/jwt") {
        return Some(Nested::Cty);
    }
    looks_like_compact(plaintext).then_some(Nested::Shape)
}

/// A compact JWS (3 segments) or JWE (5) whose first segment is a JSON
/// object with an `alg`.
fn looks_like_compact(plaintext: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(plaintext) else {
        return false;
    };
    let segments: Vec<&str> = text.trim().split('.').collect();
    if !matches!(segments.len(), 3 | 5) {
        return false;
    }
    let Some(Ok(header)) = segments
        .first()
        .map(|s| base64url::decode(s, Alphabet::Url))
    else {
        return false;
    };
    let Ok(header) = String::from_utf8(header.bytes) else {
        return false;
    };
    json::parse(&header).is_ok_and(|h| h.get("alg").and_then(Json::as_str).is_some())
}
