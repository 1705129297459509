//! Validation as a library would do it: signature, expiry, issuer, audience.

use super::insight::{Role, guess_role};
use super::json::Json;
use super::report::Report;
use super::time::{NumericDate, TimeClaim, format_utc, numeric_date};
use super::verify::SignatureStatus;

/// What the user expects of the token. Empty fields skip their check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expectations {
    /// The issuer `iss` must equal exactly. Defaults to none (check skipped).
    pub issuer: Option<String>,
    /// Audiences of which `aud` must contain at least one. Defaults to none (check skipped).
    pub audiences: Vec<String>,
    /// The `nonce` the client sent in its authentication request, which an
    /// ID token must repeat (OpenID Connect Core §3.1.3.7 step 11). Defaults
    /// to none (check skipped).
    pub nonce: Option<String>,
    /// Seconds of clock skew allowed on `exp`, `nbf` and `iat`. Defaults to 0.
    pub leeway: i64,
    /// The moment to validate at, in seconds since 1970.
    pub now: i64,
}

/// The outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The check passed.
    Pass,
    /// The check failed: a library would reject the token.
    Fail,
    /// Nothing to check (no claim, or no expectation given).
    Skipped,
}

impl Outcome {
    /// `pass`, `fail` or `skipped`: the page's `data-result`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Skipped => "skipped",
        }
    }
}

/// One check and why it came out as it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// `signature`, `exp`, `nbf`, `iat`, `iss`, `aud` or `nonce`: the page's `data-check`.
    pub id: &'static str,
    /// Pass, fail or skipped.
    pub outcome: Outcome,
    /// Why, in a sentence fragment.
    pub reason: String,
}

/// The overall verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every check passed, the signature included.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but the signature was not verified.
    Unverified,
}

impl Verdict {
    /// `valid`, `invalid` or `unverified`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Unverified => "unverified",
        }
    }
}

/// Every check, in order, with the verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validation {
    /// Signature, exp, nbf, iat, iss, aud.
    pub checks: Vec<Check>,
    /// The single verdict.
    pub verdict: Verdict,
}

fn check(id: &'static str, outcome: Outcome, reason: impl Into<String>) -> Check {
    Check {
        id,
        outcome,
        reason: reason.into(),
    }
}

/// Validates a decoded token against expectations, given its signature status.
pub fn validate(report: &Report, signature: &SignatureStatus, expect: &Expectations) -> Validation {
    let claims = report.claims();
    let leeway = expect.leeway.max(0);
    let now = expect.now;
    let mut checks = vec![signature_check(signature)];

    let time = |claim: TimeClaim| -> Option<Result<i64, String>> {
        let value = claims?.get(claim.name())?;
        Some(match numeric_date(value) {
            NumericDate::Seconds(s) => Ok(s),
            NumericDate::Invalid(why) => Err(why),
        })
    };
    checks.push(match time(TimeClaim::Exp) {
        None => check(
            "exp",
            Outcome::Fail,
            "no exp: the token never expires, and most libraries require exp",
        ),
        Some(Err(why)) => check(
            "exp",
            Outcome::Fail,
            format!("exp is not a NumericDate: {why}"),
        ),
        Some(Ok(exp)) if now < exp.saturating_add(leeway) => {
            check("exp", Outcome::Pass, format!("expires {}", format_utc(exp)))
        }
        Some(Ok(exp)) => check(
            "exp",
            Outcome::Fail,
            format!("expired at {} (leeway {leeway} s)", format_utc(exp)),
        ),
    });
    checks.push(match time(TimeClaim::Nbf) {
        None => check("nbf", Outcome::Skipped, "no nbf claim"),
        Some(Err(why)) => check(
            "nbf",
            Outcome::Fail,
            format!("nbf is not a NumericDate: {why}"),
        ),
        Some(Ok(nbf)) if now >= nbf.saturating_sub(leeway) => check(
            "nbf",
            Outcome::Pass,
            format!("valid since {}", format_utc(nbf)),
        ),
        Some(Ok(nbf)) => check(
            "nbf",
            Outcome::Fail,
            format!("not valid before {} (leeway {leeway} s)", format_utc(nbf)),
        ),
    });
    checks.push(match time(TimeClaim::Iat) {
        None => check("iat", Outcome::Skipped, "no iat claim"),
        Some(Err(why)) => check(
            "iat",
            Outcome::Fail,
            format!("iat is not a NumericDate: {why}"),
        ),
        Some(Ok(iat)) if iat <= now.saturating_add(leeway) => {
            check("iat", Outcome::Pass, format!("issued {}", format_utc(iat)))
        }
        Some(Ok(iat)) => check(
            "iat",
            Outcome::Fail,
            format!(
                "issued in the future, at {} (leeway {leeway} s)",
                format_utc(iat)
            ),
        ),
    });
    checks.push(issuer_check(claims, expect.issuer.as_deref()));
    checks.push(audience_check(claims, &expect.audiences));
    checks.push(nonce_check(report, claims, expect.nonce.as_deref()));

    let verdict = if checks.iter().any(|c| c.outcome == Outcome::Fail) {
        Verdict::Invalid
    } else if checks.first().is_some_and(|c| c.outcome == Outcome::Pass) {
        Verdict::Valid
    } else {
        Verdict::Unverified
    };
    Validation { checks, verdict }
}

fn signature_check(signature: &SignatureStatus) -> Check {
    match signature {
        SignatureStatus::Valid { alg } => {
            check("signature", Outcome::Pass, format!("verified with {alg}"))
        }
        SignatureStatus::Invalid { reason, .. } => {
            check("signature", Outcome::Fail, reason.to_string())
        }
        SignatureStatus::Unsigned => check(
            "signature",
            Outcome::Fail,
            "alg none: there is no signature to trust",
        ),
        SignatureStatus::Unverified { reason } => {
            check("signature", Outcome::Skipped, reason.to_string())
        }
        SignatureStatus::Unsupported { alg } => check(
            "signature",
            Outcome::Skipped,
            format!("alg {alg} cannot be verified here"),
        ),
    }
}

fn issuer_check(claims: Option<&Json>, expected: Option<&str>) -> Check {
    let Some(expected) = expected.map(str::trim).filter(|e| !e.is_empty()) else {
        return check("iss", Outcome::Skipped, "no expected issuer given");
    };
    match claims.and_then(|c| c.get("iss")) {
        None => check("iss", Outcome::Fail, "the token has no iss"),
        Some(Json::String(iss)) if iss == expected => {
            check("iss", Outcome::Pass, format!("issued by {iss}"))
        }
        Some(Json::String(iss)) => check(
            "iss",
            Outcome::Fail,
            format!("issued by {iss}, not {expected}"),
        ),
        Some(other) => check(
            "iss",
            Outcome::Fail,
            format!("iss is {}, not a string", other.type_name()),
        ),
    }
}

fn audience_check(claims: Option<&Json>, expected: &[String]) -> Check {
    let expected: Vec<&str> = expected
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if expected.is_empty() {
        return check("aud", Outcome::Skipped, "no expected audience given");
    }
    let audiences: Vec<&str> = match claims.and_then(|c| c.get("aud")) {
        None => return check("aud", Outcome::Fail, "the token has no aud"),
        Some(Json::String(aud)) => vec![aud.as_str()],
        Some(Json::Array(items)) => items.iter().filter_map(Json::as_str).collect(),
        Some(other) => {
            return check(
                "aud",
                Outcome::Fail,
                format!("aud is {}, not a string or array", other.type_name()),
            );
        }
    };
    match audiences.iter().find(|a| expected.contains(a)) {
        Some(hit) => check("aud", Outcome::Pass, format!("addressed to {hit}")),
        None => check(
            "aud",
            Outcome::Fail,
            format!(
                "addressed to {}, none of which is expected",
                audiences.join(", ")
            ),
        ),
    }
}

/// The `nonce` against the one typed. Only an ID token must repeat it
/// (OpenID Connect Core §3.1.3.7): a token without one that looks like
/// another kind (an access token shown beside the ID token of the same
/// login) is skipped, not failed, as its issuer never put one in.
fn nonce_check(report: &Report, claims: Option<&Json>, expected: Option<&str>) -> Check {
    let Some(expected) = expected.map(str::trim).filter(|n| !n.is_empty()) else {
        return check("nonce", Outcome::Skipped, "no expected nonce given");
    };
    match claims.and_then(|c| c.get("nonce")) {
        None => match guess_role(report).role {
            role @ (Role::Id | Role::Unknown) => check(
                "nonce",
                Outcome::Fail,
                match role {
                    Role::Id => "the token has no nonce: an ID token must repeat the one sent",
                    _ => "the token has no nonce",
                },
            ),
            role => check(
                "nonce",
                Outcome::Skipped,
                format!(
                    "no nonce, and this looks like {}: only an ID token repeats the nonce sent",
                    role.label()
                ),
            ),
        },
        Some(Json::String(nonce)) if nonce == expected => {
            check("nonce", Outcome::Pass, "the nonce is the one sent")
        }
        Some(Json::String(nonce)) => check(
            "nonce",
            Outcome::Fail,
            format!("the token's nonce is {nonce}, not the one sent"),
        ),
        Some(other) => check(
            "nonce",
            Outcome::Fail,
            format!("nonce is {}, not a string", other.type_name()),
        ),
    }
}

/// Splits a list typed by a person ("a, b c") into audiences.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
