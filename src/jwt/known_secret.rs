//! Publicly known HMAC secrets: is this token signed with one of them?
//!
//! A secret from a tutorial, a framework default or a password list can be
//! guessed by anyone, who can then sign any token the server will accept
//! (RFC 8725 §3.5). Trying a list of them against a token's signature needs
//! nothing but the token, so the page does it for every HS256/384/512 token.
//! The list itself (`assets/known-secrets.txt`) is data: the page loads it on
//! demand and passes it in, in chunks, so this module never sees the browser.

use super::findings::{Finding, Severity};
use super::header::HmacAlg;
use super::verify::{Secret, verify_hmac};

/// The finding's id, the page's `data-id`.
pub const KNOWN_SECRET_ID: &str = "known-secret";

/// The secrets in a list in the format of `assets/known-secrets.txt`: one a
/// line, taken exactly (spaces included, a trailing `\r` dropped); blank
/// lines and comment lines (`#` alone or starting with `# `) are skipped.
///
/// # Example
///
/// ```
/// use jwt_lens::jwt::known_secret_candidates;
///
/// let list = "# from the docs\nsecret\n\nkeyboard cat\r\n";
/// let secrets: Vec<&str> = known_secret_candidates(list).collect();
/// assert_eq!(secrets, ["secret", "keyboard cat"]);
/// ```
pub fn known_secret_candidates(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.is_empty() && *line != "#" && !line.starts_with("# "))
}

/// The first of `candidates` whose UTF-8 bytes, as an HMAC key for `alg`,
/// give `signature` over `signing_input`; `None` if none does.
///
/// A signature of the wrong length for `alg` matches nothing, so it costs
/// no HMAC at all. Each candidate costs one HMAC over `signing_input`; the
/// caller bounds the work per call by passing a chunk of its list.
pub fn find_known_secret<'a>(
    alg: HmacAlg,
    signing_input: &[u8],
    signature: &[u8],
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if signature.len() != alg.output_len() {
        return None;
    }
    candidates.into_iter().find(|candidate| {
        let key = Secret::from_bytes(candidate.as_bytes().to_vec());
        verify_hmac(alg, &key, signing_input, signature)
    })
}

/// The `known-secret` finding for a token whose signature `secret` makes.
/// It shows the secret: it is public already, and the person needs it to
/// check the claim and to recognise their own configuration.
pub fn known_secret_finding(secret: &str) -> Finding {
    Finding::new(
        KNOWN_SECRET_ID,
        Severity::Danger,
        format!(
            "The token is signed with \"{secret}\", a publicly known secret (a documentation example, \
             a framework default or a common password): anyone can sign tokens that verify. \
             Replace it with a random key at least as long as the hash output."
        ),
        "RFC 8725 §3.5, RFC 7518 §3.2",
    )
}
