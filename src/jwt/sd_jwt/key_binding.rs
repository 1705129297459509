//! The key-binding JWT: what RFC 9901 §7.3 asks a verifier to check.

use super::super::inspect::decode;
use super::super::json::Json;
use super::super::report::Report;
use super::super::validation::{Check, Outcome};
use super::super::verify::{Reason, SignatureStatus};
use super::SdJwt;

/// How long before the verifier's clock a KB-JWT may have been made: RFC
/// 9901 §7.3 step 5 leaves the window to the verifier; five minutes is
/// what OpenID4VP deployments use.
pub const MAX_AGE: i64 = 5 * 60;

/// What the verifier expects of the key binding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbExpectations {
    /// The verifier's own identifiers; `aud` must be one. Defaults to none
    /// (the `aud` check is skipped).
    pub audiences: Vec<String>,
    /// The nonce the verifier sent; empty skips the check. Defaults to empty.
    pub nonce: String,
    /// The moment to check `iat` at, in seconds since 1970.
    pub now: i64,
    /// Clock-skew leeway in seconds. Defaults to 0.
    pub leeway: i64,
}

/// The KB-JWT decoded like any token, for the one verification path.
pub fn kb_report(sd: &SdJwt) -> Option<Report> {
    decode(sd.kb_jwt.as_deref()?)
}

/// The holder's public key: the issuer JWT's `cnf.jwk` (RFC 7800 §3.2) as
/// JSON text for the keys module; `None` when it has none.
pub fn holder_key(issuer: &Report) -> Option<String> {
    let jwk = issuer.claims()?.get("cnf")?.get("jwk")?;
    matches!(jwk, Json::Object(_)).then(|| jwk.pretty())
}

/// The checks of RFC 9901 §7.3 on `kb` (the decoded KB-JWT). `signature`
/// is the status of its signature checked with [`holder_key`], or `None`
/// when the issuer JWT carries no `cnf.jwk`.
pub fn kb_checks(
    sd: &SdJwt,
    kb: &Report,
    signature: Option<&SignatureStatus>,
    expect: &KbExpectations,
) -> Vec<Check> {
    let check = |id, outcome, reason: String| Check {
        id,
        outcome,
        reason,
    };
    let header = kb.header.as_ref().and_then(|h| h.json.as_ref());
    let claims = kb.claims();
    let mut checks = Vec::with_capacity(6);

    let typ = header.and_then(|h| h.get("typ")).and_then(Json::as_str);
    checks.push(match typ {
        Some("kb+jwt") => check("typ", Outcome::Pass, "typ is kb+jwt".to_owned()),
        Some(other) => check(
            "typ",
            Outcome::Fail,
            format!("typ is \"{other}\", but a KB-JWT must say kb+jwt (RFC 9901 §4.3)"),
        ),
        None => check(
            "typ",
            Outcome::Fail,
            "there is no typ, but a KB-JWT must say kb+jwt (RFC 9901 §4.3)".to_owned(),
        ),
    });

    checks.push(signature_check(signature));

    let expected = sd.hash.as_ref().ok().map(|h| h.digest(&sd.presentation));
    let sd_hash = claims.and_then(|c| c.get("sd_hash")).and_then(Json::as_str);
    checks.push(match (sd_hash, expected) {
        (Some(found), Some(expected)) if found == expected => check(
            "sd_hash",
            Outcome::Pass,
            "sd_hash matches the issuer JWT and disclosures as transmitted".to_owned(),
        ),
        (Some(_), Some(expected)) => check(
            "sd_hash",
            Outcome::Fail,
            format!(
                "sd_hash does not match the issuer JWT and disclosures as transmitted, whose hash is {expected}: they were changed, or the KB-JWT was made for another presentation"
            ),
        ),
        (None, _) => check("sd_hash", Outcome::Fail, "the KB-JWT has no sd_hash string".to_owned()),
        (Some(_), None) => check(
            "sd_hash",
            Outcome::Fail,
            "sd_hash cannot be checked: _sd_alg names an unknown hash".to_owned(),
        ),
    });

    let iat = kb.time_claim(super::super::time::TimeClaim::Iat);
    let earliest = expect.now - MAX_AGE - expect.leeway;
    checks.push(match iat {
        None => check("iat", Outcome::Fail, "the KB-JWT has no usable iat".to_owned()),
        Some(iat) if iat > expect.now + expect.leeway => check(
            "iat",
            Outcome::Fail,
            format!("iat is {} s in the future", iat - expect.now),
        ),
        Some(iat) if iat < earliest => check(
            "iat",
            Outcome::Fail,
            format!(
                "iat is {} s before the validation time, more than the {MAX_AGE} s a key binding may be old",
                expect.now - iat
            ),
        ),
        Some(_) => check(
            "iat",
            Outcome::Pass,
            format!("made within {MAX_AGE} s before the validation time"),
        ),
    });

    let aud = claims.and_then(|c| c.get("aud"));
    checks.push(match (aud, expect.audiences.is_empty()) {
        (_, true) => check(
            "aud",
            Outcome::Skipped,
            "no expected audience given".to_owned(),
        ),
        (Some(Json::String(aud)), false) if expect.audiences.contains(aud) => {
            check("aud", Outcome::Pass, format!("aud is \"{aud}\""))
        }
        (Some(Json::String(aud)), false) => check(
            "aud",
            Outcome::Fail,
            format!("aud is \"{aud}\", not an expected audience"),
        ),
        (_, false) => check(
            "aud",
            Outcome::Fail,
            "the KB-JWT has no aud string".to_owned(),
        ),
    });

    let nonce = claims.and_then(|c| c.get("nonce"));
    checks.push(match (nonce, expect.nonce.is_empty()) {
        (_, true) => check(
            "nonce",
            Outcome::Skipped,
            "no expected nonce given".to_owned(),
        ),
        (Some(Json::String(n)), false) if *n == expect.nonce => {
            check("nonce", Outcome::Pass, "nonce matches".to_owned())
        }
        (Some(Json::String(n)), false) => check(
            "nonce",
            Outcome::Fail,
            format!("nonce is \"{n}\", not the expected one: a replayed presentation?"),
        ),
        (_, false) => check(
            "nonce",
            Outcome::Fail,
            "the KB-JWT has no nonce string".to_owned(),
        ),
    });
    checks
}

/// Why the holder's signature is checked with a key from the token itself.
const WHY_CNF: &str = "the holder key in the issuer JWT's cnf.jwk: the one key a token may carry \
     for itself, because the issuer signed it into the credential (RFC 9901 §4.1.2, RFC 7800 §3.2)";

fn signature_check(signature: Option<&SignatureStatus>) -> Check {
    let (outcome, reason) = match signature {
        None => (
            Outcome::Fail,
            "the issuer JWT has no cnf.jwk, so there is no holder key to check the KB-JWT with"
                .to_owned(),
        ),
        Some(SignatureStatus::Valid { alg }) => {
            (Outcome::Pass, format!("signed with {alg} by {WHY_CNF}"))
        }
        Some(SignatureStatus::Unverified {
            reason: Reason::Checking,
        }) => (Outcome::Skipped, format!("checking with {WHY_CNF}")),
        Some(status) => (
            Outcome::Fail,
            format!("not verified with {WHY_CNF}: {}", status.message()),
        ),
    };
    Check {
        id: "signature",
        outcome,
        reason,
    }
}
