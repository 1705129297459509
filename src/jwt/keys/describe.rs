//! What the key box says about the key used: its facts, notes and thumbprint.

use sha2::{Digest, Sha256};

use super::material::{Material, RECOMMENDED_RSA_BITS};
use super::pick::How;
use super::read::{Entry, Source};
use crate::jwt::base64url;
use crate::jwt::json::{self, Json};
use crate::jwt::time::format_utc;

/// Label and value pairs about a key, and warnings about it.
pub(super) type Facts = (Vec<(String, String)>, Vec<String>);

/// The facts and notes about the entry used.
pub(super) fn describe(entry: &Entry, how: How, token_kid: Option<&str>, now: i64) -> Facts {
    let mut facts = Vec::new();
    let mut notes = Vec::new();
    let mut fact = |label: &str, value: String| facts.push((label.to_owned(), value));
    if let Ok(key) = &entry.key {
        fact("Key", key.describe());
    }
    fact("From", entry.source.describe());
    if let Some(kid) = &entry.meta.kid {
        let why = match (how, token_kid) {
            (How::Kid, _) => " (matches the token's kid)",
            (How::Tried, _) => " (the token has no kid; every key that fits was tried)",
            (How::Only, Some(t)) if t != kid => " (differs from the token's kid)",
            _ => "",
        };
        fact("kid", format!("{kid}{why}"));
    }
    if let Some(alg) = &entry.meta.alg {
        fact("JWK alg", alg.clone());
    }
    if let Source::Certificate(info) = &entry.source {
        fact("Subject", info.subject.clone());
        fact("Issuer", info.issuer.clone());
        fact(
            "Valid",
            format!(
                "{} to {}",
                format_utc(info.not_before),
                format_utc(info.not_after)
            ),
        );
        if now > info.not_after {
            notes.push(format!(
                "The certificate expired on {}: its key still checks the signature, but an issuer \
                 that follows its own certificate would no longer use it.",
                format_utc(info.not_after)
            ));
        } else if now < info.not_before {
            notes.push(format!(
                "The certificate is not valid until {}.",
                format_utc(info.not_before)
            ));
        }
    }
    if let Ok(key) = &entry.key {
        fact(
            "Thumbprint",
            format!("{} (RFC 7638, SHA-256)", thumbprint(key)),
        );
        if let Some(bits) = key.rsa_bits()
            && bits < RECOMMENDED_RSA_BITS
        {
            notes.push(format!(
                "This RSA key is {bits} bits, under the {RECOMMENDED_RSA_BITS} bits RFC 7518 §3.3 \
                 requires: keys this short can be factored, after which anyone can sign tokens."
            ));
        }
    }
    (facts, notes)
}

/// The RFC 7638 JWK thumbprint: SHA-256 of the required members in
/// lexicographic order, base64url.
pub fn thumbprint(key: &Material) -> String {
    thumbprint_of(&key.thumbprint_members())
}

/// The RFC 7638 thumbprint of a key's required members, given as
/// (name, string value) pairs in lexicographic order (§3.3). Also serves
/// kty AKP, whose members are `alg`, `kty` and `pub` (RFC 9964 §5).
pub fn thumbprint_of(members: &[(&str, String)]) -> String {
    let mut canonical = String::from("{");
    for (i, (name, value)) in members.iter().enumerate() {
        if i > 0 {
            canonical.push(',');
        }
        json::write_string(&mut canonical, name);
        canonical.push(':');
        json::write_string(&mut canonical, value);
    }
    canonical.push('}');
    base64url::encode(&Sha256::digest(canonical.as_bytes()))
}

/// What to say when the token's header names its own key: `jwk`, `x5c`
/// (a key inside the token) or `jku`, `x5u` (a URL to fetch one from).
pub fn embedded_key_note(header: &Json) -> Option<String> {
    let named: Vec<&str> = ["jwk", "x5c", "jku", "x5u"]
        .into_iter()
        .filter(|m| header.get(m).is_some())
        .collect();
    if named.is_empty() {
        return None;
    }
    Some(format!(
        "The token names its own key ({}). JWT Lens never fetches it and never verifies with it: \
         whoever forged a token would put their own key there, so a key only proves something when \
         it comes from the issuer, not from the token. Paste the issuer's published key instead.",
        named.join(", ")
    ))
}
