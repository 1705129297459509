//! What a senior reviewer would say about a readable token: its role and
//! lifetime, and its risks as [`Finding`]s.
//!
//! One file per subject: [`role`](guess_role) (what the token is for, with
//! its evidence), `header`, `time`, `claims` (the JSON as written),
//! `personal` (sensitive data) and `secret` (the typed HMAC secret). Who
//! issued it is [`issuer_family`], from [`crate::jwt::issuer`].

mod claims;
mod evidence;
mod header;
mod personal;
mod profile;
mod role;
mod secret;
mod time;

pub use claims::compact;
pub use evidence::BACKCHANNEL_LOGOUT_EVENT;
pub use profile::{ACCESS_TOKEN_CLAIMS, ID_TOKEN_CLAIMS};
pub use role::{
    Evidence, MAX_ACCESS_LIFETIME, MAX_REFRESH_LIFETIME, Role, RoleGuess, Strength, guess_role,
    lifetime,
};
pub use secret::secret_findings;
pub use time::{IAT_SKEW, clock_findings, looks_like_milliseconds};

use crate::jwt::Report;
use crate::jwt::findings::{Finding, Severity};
use crate::jwt::header::Alg;
use crate::jwt::issuer::{self, FamilyGuess, IssuerFamily};

/// Which provider issued the token, from `iss` and the provider's own claims.
pub fn issuer_family(report: &Report) -> FamilyGuess {
    match report.claims() {
        Some(claims) => issuer::recognise(claims),
        None => FamilyGuess {
            family: IssuerFamily::Unknown,
            because: "the payload could not be read".into(),
        },
    }
}

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
    let role = guess_role(report).role;
    let family = issuer::recognise(claims).family;
    time::time_findings(report, claims, role, family, &mut out);
    // A DPoP proof has neither iss nor aud: it is bound to its request by
    // htm and htu instead (RFC 9449 §4.2).
    let proof = role == Role::DpopProof;
    if claims.get("iss").is_none() && !proof {
        out.push(Finding::new(
            "no-iss",
            Severity::Info,
            "No iss: a verifier cannot check who issued the token, which matters once more than one issuer exists.",
            "RFC 7519 §4.1.1, RFC 8725 §3.8",
        ));
    }
    if claims.get("aud").is_none() && !proof {
        out.push(Finding::new(
            "no-aud",
            Severity::Info,
            if family == IssuerFamily::Cognito && claims.get("client_id").is_some() {
                "No aud: Cognito access tokens name their app client in client_id instead, so check client_id where you would check aud."
            } else {
                "No aud: any service that trusts the issuer would accept this token, not only the one it was meant for."
            },
            "RFC 7519 §4.1.3, RFC 8725 §3.9",
        ));
    }
    let header = report.header.as_ref().and_then(|h| h.json.as_ref());
    profile::profile_findings(header, claims, role, &mut out);
    personal::sensitive_findings(claims, &mut out);
    claims::json_findings(
        report.header.as_ref().and_then(|h| h.json.as_ref()),
        "header",
        &mut out,
    );
    claims::json_findings(Some(claims), "payload", &mut out);
    out
}
