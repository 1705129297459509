//! What a senior reviewer would say about a readable token: its role and
//! lifetime, and its risks as [`Finding`]s.
//!
//! One file per subject: [`role`](guess_role) (what the token is for),
//! `header`, `time`, `claims` (the JSON as written), `personal` (sensitive
//! data) and `secret` (the typed HMAC secret).

mod claims;
mod header;
mod personal;
mod role;
mod secret;
mod time;

pub use claims::compact;
pub use role::{MAX_ACCESS_LIFETIME, MAX_REFRESH_LIFETIME, Role, RoleGuess, guess_role, lifetime};
pub use secret::secret_findings;
pub use time::{IAT_SKEW, clock_findings, looks_like_milliseconds};

use crate::jwt::Report;
use crate::jwt::findings::{Finding, Severity};
use crate::jwt::header::Alg;

/// Findings about the header, the claims and their times that do not depend
/// on the clock; [`inspect`](super::inspect()) adds them to every report.
pub fn token_findings(report: &Report) -> Vec<Finding> {
    let mut out = header::alg_findings(report);
    if report.segments.len() == 5 {
        out.push(Finding::new(
            "jwe",
            Severity::Info,
            "This is an encrypted JWE: only its header can be read here, and it proves nothing until the recipient decrypts it.",
            "RFC 7516",
        ));
    }
    header::header_findings(report, &mut out);
    if let (Some(signature), Some(alg)) = (report.signature.as_ref(), report.alg())
        && signature.is_empty()
        && alg != Alg::None
    {
        out.push(Finding::new(
            "empty-signature",
            Severity::Danger,
            format!(
                "alg says {alg} but the signature is empty: the token is effectively unsigned."
            ),
            "RFC 7515 §5.2, RFC 8725 §3.1",
        ));
    }
    let Some(claims) = report.claims() else {
        claims::json_findings(
            report.header.as_ref().and_then(|h| h.json.as_ref()),
            "header",
            &mut out,
        );
        return out;
    };
    time::time_findings(report, claims, &mut out);
    if claims.get("iss").is_none() {
        out.push(Finding::new(
            "no-iss",
            Severity::Info,
            "No iss: a verifier cannot check who issued the token, which matters once more than one issuer exists.",
            "RFC 7519 §4.1.1, RFC 8725 §3.8",
        ));
    }
    if claims.get("aud").is_none() {
        out.push(Finding::new(
            "no-aud",
            Severity::Info,
            "No aud: any service that trusts the issuer would accept this token, not only the one it was meant for.",
            "RFC 7519 §4.1.3, RFC 8725 §3.9",
        ));
    }
    personal::sensitive_findings(claims, &mut out);
    claims::json_findings(
        report.header.as_ref().and_then(|h| h.json.as_ref()),
        "header",
        &mut out,
    );
    claims::json_findings(Some(claims), "payload", &mut out);
    out
}
