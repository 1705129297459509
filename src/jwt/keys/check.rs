//! Checking a signature with the pasted key(s): the keys module's own verdict.

use super::describe::describe;
use super::is_public_key_alg;
use super::material::Material;
use super::pick::pick;
use super::read::{Entry, read_keys};
use super::wire::{KeyCheck, KeyState};
use crate::jwt::header::Alg;

/// What checking with a pasted key came to. The verify layer turns it into
/// the page's signature status; this module knows nothing of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A key verified the signature under `alg`.
    Verified { alg: Alg },
    /// A key was read, but it is of the wrong type for the token's `alg`.
    WrongKeyType(String),
    /// The signature does not match the key, or has the wrong length for it.
    Mismatch(String),
    /// A key was read and refuses the token for another reason: restricted
    /// to another `alg` or use, or none of several keys verifies.
    Refused(String),
    /// Nothing was checked: no usable key, or none for the token's `kid`.
    Unusable(String),
}

impl Outcome {
    /// The sentence fragment for the page; empty for [`Outcome::Verified`].
    pub fn text(&self) -> &str {
        match self {
            Outcome::Verified { .. } => "",
            Outcome::WrongKeyType(t)
            | Outcome::Mismatch(t)
            | Outcome::Refused(t)
            | Outcome::Unusable(t) => t,
        }
    }
}

/// Checks a signature with the key(s) in `key_text`.
///
/// `alg` and `kid` are the token's header values, `signing_input` the bytes
/// the signature covers and `signature` its decoded bytes, both as the
/// verify layer checked them; `now` (seconds) judges a certificate's
/// validity. Never fails: every problem becomes the returned outcome.
pub fn check(
    alg: &Alg,
    kid: Option<&str>,
    signing_input: &[u8],
    signature: &[u8],
    key_text: &str,
    now: i64,
) -> KeyCheck {
    if !is_public_key_alg(alg) {
        return KeyCheck::unverified(format!("{alg} is not checked with a public key"));
    }
    let entries = match read_keys(key_text) {
        Ok(entries) => entries,
        Err(e) => return KeyCheck::unreadable(&e),
    };
    // No key to try is "not verified", not "invalid": nothing was checked.
    let candidates = match pick(&entries, alg, kid) {
        Ok(c) => c,
        Err(reason) => return KeyCheck::unverified(reason),
    };
    // The first candidate that verifies, else the first one's failure.
    let mut first_failure = None;
    for &(index, how) in &candidates {
        let Some(entry) = entries.get(index) else {
            continue;
        };
        let outcome = judge(entry, alg, signing_input, signature);
        let verified = matches!(outcome, Outcome::Verified { .. });
        if verified || first_failure.is_none() {
            let (facts, notes) = describe(entry, how, kid, now);
            let report = KeyCheck {
                outcome,
                key_state: if entry.key.is_ok() {
                    KeyState::Used
                } else {
                    KeyState::Unusable
                },
                facts,
                notes,
            };
            if verified {
                return report;
            }
            first_failure = Some(report);
        }
    }
    let mut report = first_failure.unwrap_or_else(|| KeyCheck {
        outcome: Outcome::Refused("no key to check it with".to_owned()),
        key_state: KeyState::Unusable,
        facts: Vec::new(),
        notes: Vec::new(),
    });
    if candidates.len() > 1 {
        report.outcome = Outcome::Refused(format!(
            "none of the {} keys that fit {alg} verifies it",
            candidates.len()
        ));
    }
    report
}

/// Verifies with one entry, or says why it cannot.
fn judge(entry: &Entry, alg: &Alg, message: &[u8], signature: &[u8]) -> Outcome {
    let key = match entry.key.as_ref() {
        Ok(key) => key,
        Err(e) => return Outcome::Unusable(e.to_string()),
    };
    if let (Material::RsaPss(_), Alg::Rsa(_)) = (key, alg) {
        return Outcome::WrongKeyType(format!(
            "this key is for RSASSA-PSS only (its SubjectPublicKeyInfo says id-RSASSA-PSS, \
             RFC 4055), and {alg} is RSASSA-PKCS1-v1_5"
        ));
    }
    if !key.fits(alg) {
        return Outcome::WrongKeyType(format!(
            "{} cannot verify {alg}, which needs {}: a key of the wrong type never verifies",
            article(&key.describe()),
            needed_key(alg)
        ));
    }
    if let Some(key_alg) = &entry.meta.alg
        && *key_alg != alg.to_string()
    {
        return Outcome::Refused(format!(
            "this JWK is for alg {key_alg} only (its \"alg\" member), and the token says {alg}"
        ));
    }
    if entry.meta.usage.as_deref() == Some("enc") {
        return Outcome::Refused(
            "this JWK is for encryption (\"use\": \"enc\"), not signatures".to_owned(),
        );
    }
    if let Some(ops) = &entry.meta.key_ops
        && !ops.iter().any(|o| o == "verify")
    {
        return Outcome::Refused(format!(
            "this JWK's \"key_ops\" ({}) does not include \"verify\"",
            ops.join(", ")
        ));
    }
    match key.verify(alg, message, signature) {
        Ok(()) => Outcome::Verified { alg: alg.clone() },
        Err(m) => Outcome::Mismatch(m.to_string()),
    }
}

fn article(description: &str) -> String {
    // "an RSA", "an EC", "an Ed25519", "an ML-DSA": each letter name starts
    // with a vowel sound.
    let vowel = description.starts_with(['E', 'R', 'M']);
    format!("{} {description}", if vowel { "an" } else { "a" })
}

fn needed_key(alg: &Alg) -> String {
    match alg {
        Alg::Rsa(_) | Alg::RsaPss(_) => "an RSA key".to_owned(),
        Alg::Ecdsa("ES256") => "an EC key on P-256".to_owned(),
        Alg::Ecdsa("ES384") => "an EC key on P-384".to_owned(),
        Alg::Ecdsa(_) => "an EC key on P-521".to_owned(),
        Alg::Unknown(name) => format!("an {name} (AKP) key"),
        _ => "an Ed25519 (OKP) key".to_owned(),
    }
}
