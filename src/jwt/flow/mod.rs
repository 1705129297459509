//! The checks that tie the tokens of one paste together (issue 14): an ID
//! token's `at_hash`, `c_hash` and `s_hash`, one issuer and subject, the
//! response's `expires_in`, and the `nonce` the client sent.
//!
//! A composer over [`paste`](crate::jwt::paste) and the decoder; nothing in
//! the core uses it, only the page.

mod dpop;

pub use crate::jwt::hash::{HashAlg, half_hash};
pub use dpop::{DPOP_IAT_WINDOW, jwk_thumbprint, proof_key, signature_check};

use std::fmt;

use crate::jwt::insight::{Role, guess_role};
use crate::jwt::json::Json;
use crate::jwt::paste::{Extraction, Found, Kind, Source};
use crate::jwt::time::TimeClaim;
use crate::jwt::{Report, inspect};

/// Seconds by which `expires_in` and the access token's `exp - iat` may differ.
pub const EXPIRES_IN_TOLERANCE: i64 = 60;

/// A check's outcome: the page's `data-result`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The tokens agree.
    Pass,
    /// They disagree; the text says how.
    Fail(String),
    /// The paste lacks what the check needs; the text says what.
    Skipped(String),
}

impl Outcome {
    /// `pass`, `fail` or `skipped`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail(_) => "fail",
            Outcome::Skipped(_) => "skipped",
        }
    }
}

/// One check: the page's `li[data-check][data-result]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossCheck {
    /// `at_hash`, `c_hash`, `s_hash`, `same-issuer`, `same-subject`,
    /// `expires-in` or `nonce`.
    pub id: &'static str,
    /// What came of it.
    pub outcome: Outcome,
    /// What was compared, or why it was not (a fragment, lowercase).
    pub detail: String,
    /// The specification behind it.
    pub source: &'static str,
}

impl fmt::Display for CrossCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.id, self.detail)
    }
}

/// A decoded JWT of the paste with its role.
struct Decoded<'a> {
    found: &'a Found,
    report: Report,
    role: Role,
}

/// The access token a request presents: the one in its `Authorization`
/// header, else the JWT whose role is access.
fn presented_access_token<'a>(found: &'a Extraction, tokens: &[Decoded<'a>]) -> Option<&'a Found> {
    found
        .tokens
        .iter()
        .find(|t| t.places.contains(&Source::AuthorizationHeader))
        .or_else(|| {
            tokens
                .iter()
                .find(|t| t.role == Role::Access)
                .map(|t| t.found)
        })
}

/// The decoded form of `token`, when it is a JWT.
fn report_of<'t, 'a>(tokens: &'t [Decoded<'a>], token: &Found) -> Option<&'t Decoded<'a>> {
    tokens.iter().find(|t| std::ptr::eq(t.found, token))
}

fn decoded(found: &Extraction) -> Vec<Decoded<'_>> {
    found
        .tokens
        .iter()
        .filter(|t| t.kind == Kind::Jwt)
        .filter_map(|t| {
            let report = inspect(&t.value)?;
            let role = guess_role(&report).role;
            Some(Decoded {
                found: t,
                report,
                role,
            })
        })
        .collect()
}

fn claim<'a>(report: &'a Report, name: &str) -> Option<&'a Json> {
    report.claims()?.get(name)
}

fn claim_str<'a>(report: &'a Report, name: &str) -> Option<&'a str> {
    claim(report, name)?.as_str()
}

fn check(id: &'static str, source: &'static str, outcome: Outcome) -> CrossCheck {
    let detail = match &outcome {
        Outcome::Pass => String::new(),
        Outcome::Fail(why) | Outcome::Skipped(why) => why.clone(),
    };
    CrossCheck {
        id,
        outcome,
        detail,
        source,
    }
}

/// The cross-checks for one paste, in a fixed order. `expected_nonce` is
/// what the person typed in `#expected-nonce` (empty: none).
pub fn cross_checks(found: &Extraction, expected_nonce: &str) -> Vec<CrossCheck> {
    let tokens = decoded(found);
    let id = tokens
        .iter()
        .find(|t| t.found.named("id_token"))
        .or_else(|| tokens.iter().find(|t| t.role == Role::Id));
    // The access token may be opaque: at_hash covers it all the same.
    let access = found
        .named("access_token")
        .or_else(|| presented_access_token(found, &tokens));
    let access_report = access.and_then(|a| report_of(&tokens, a));
    let code = found.named("code").map(|c| c.value.as_str());
    let state = found.state.as_deref();
    let id_report = id.map(|t| &t.report);

    let mut out = vec![
        half_hash_check(
            "at_hash",
            "OpenID Connect Core §3.1.3.6",
            id_report,
            access.map(|a| a.value.as_str()),
            "access token",
        ),
        half_hash_check(
            "c_hash",
            "OpenID Connect Core §3.3.2.11",
            id_report,
            code,
            "code",
        ),
        half_hash_check(
            "s_hash",
            "FAPI 1.0 Advanced §5.1",
            id_report,
            state,
            "state",
        ),
    ];
    let both = id_report.zip(access_report.map(|a| &a.report));
    out.push(same_claim(
        "same-issuer",
        "iss",
        "OpenID Connect Core §2, RFC 9068 §2.2",
        both,
    ));
    out.push(same_claim(
        "same-subject",
        "sub",
        "OpenID Connect Core §2, RFC 9068 §2.2",
        both,
    ));
    out.push(expires_in(
        found.expires_in,
        access_report.map(|a| &a.report),
    ));
    out.push(nonce(id_report, expected_nonce));
    out
}

fn half_hash_check(
    id: &'static str,
    source: &'static str,
    id_token: Option<&Report>,
    value: Option<&str>,
    what: &str,
) -> CrossCheck {
    let outcome = (|| {
        let Some(report) = id_token else {
            return Outcome::Skipped("no ID token in the paste".into());
        };
        let Some(claimed) = claim_str(report, id) else {
            return Outcome::Skipped(format!("the ID token has no {id}"));
        };
        let Some(value) = value else {
            return Outcome::Skipped(format!("no {what} in the paste"));
        };
        let alg = report
            .header
            .as_ref()
            .and_then(|h| h.json.as_ref())
            .and_then(|h| h.get("alg")?.as_str());
        let Some(hash) = alg.and_then(HashAlg::for_alg) else {
            return Outcome::Skipped(format!(
                "the ID token's alg {} names no hash",
                alg.unwrap_or("(missing)")
            ));
        };
        let expected = half_hash(hash, value);
        if expected == claimed {
            Outcome::Pass
        } else {
            Outcome::Fail(format!(
                "the ID token says {claimed}, but the left half of the {} of the {what} is {expected}",
                hash.name()
            ))
        }
    })();
    check(id, source, outcome)
}

fn same_claim(
    id: &'static str,
    name: &str,
    source: &'static str,
    both: Option<(&Report, &Report)>,
) -> CrossCheck {
    let outcome = match both {
        None => Outcome::Skipped("needs an ID token and a JWT access token".into()),
        Some((id_token, access)) => match (claim_str(id_token, name), claim_str(access, name)) {
            (Some(a), Some(b)) if a == b => Outcome::Pass,
            (Some(a), Some(b)) => Outcome::Fail(format!(
                "the ID token's {name} is {a}, the access token's is {b}"
            )),
            _ => Outcome::Skipped(format!("a token has no {name}")),
        },
    };
    check(id, source, outcome)
}

fn expires_in(expires_in: Option<i64>, access: Option<&Report>) -> CrossCheck {
    let outcome = match (expires_in, access) {
        (None, _) => Outcome::Skipped("no expires_in in the paste".into()),
        (Some(_), None) => Outcome::Skipped("no JWT access token in the paste".into()),
        (Some(seconds), Some(report)) => {
            match (
                report.time_claim(TimeClaim::Exp),
                report.time_claim(TimeClaim::Iat),
            ) {
                (Some(exp), Some(iat)) => {
                    let lifetime = exp.saturating_sub(iat);
                    if lifetime.abs_diff(seconds) <= EXPIRES_IN_TOLERANCE.unsigned_abs() {
                        Outcome::Pass
                    } else {
                        Outcome::Fail(format!(
                            "expires_in is {seconds} s, but the access token lives {lifetime} s (exp - iat)"
                        ))
                    }
                }
                _ => Outcome::Skipped("the access token lacks exp or iat".into()),
            }
        }
    };
    check("expires-in", "RFC 6749 §5.1", outcome)
}

fn nonce(id_token: Option<&Report>, expected: &str) -> CrossCheck {
    let expected = expected.trim();
    let outcome = match id_token {
        None => Outcome::Skipped("no ID token in the paste".into()),
        Some(_) if expected.is_empty() => {
            Outcome::Skipped("type the nonce the client sent in expected nonce".into())
        }
        Some(report) => match claim_str(report, "nonce") {
            Some(n) if n == expected => Outcome::Pass,
            Some(n) => Outcome::Fail(format!("the ID token's nonce is {n}, not {expected}")),
            None => Outcome::Fail("the ID token has no nonce".into()),
        },
    };
    check("nonce", "OpenID Connect Core §3.1.3.7", outcome)
}

/// The DPoP proof of the paste (a `DPoP` header's token, or one whose role
/// is a proof), decoded.
pub fn dpop_proof(found: &Extraction) -> Option<Report> {
    let proof = found
        .tokens
        .iter()
        .filter(|t| t.kind == Kind::Jwt)
        .find(|t| t.places.contains(&Source::DpopHeader))
        .and_then(|t| inspect(&t.value));
    proof.or_else(|| {
        decoded(found)
            .into_iter()
            .find(|t| t.role == Role::DpopProof)
            .map(|t| t.report)
    })
}

/// The RFC 9449 §4.3 checks of the paste's DPoP proof, but the signature
/// ([`signature_check`], which needs the keys module); empty without a
/// proof. `now` and `leeway` judge its `iat`.
pub fn dpop_checks(found: &Extraction, now: i64, leeway: i64) -> Vec<CrossCheck> {
    let Some(proof) = dpop_proof(found) else {
        return Vec::new();
    };
    let tokens = decoded(found);
    let access = presented_access_token(found, &tokens);
    let access = access.map(|a| (a.value.as_str(), report_of(&tokens, a).map(|t| &t.report)));
    dpop::proof_checks(&proof, found.request.as_ref(), access, now, leeway)
}
