//! Profiles: the claims an RFC 9068 access token and an OpenID Connect ID
//! token must carry, one `missing-required-claim` finding per absent claim.

use super::evidence::media_type;
use super::role::Role;
use crate::jwt::Json;
use crate::jwt::findings::{Finding, Severity};

/// RFC 9068 §2.2: the claims a JWT access token (`typ` `at+jwt`) requires.
pub const ACCESS_TOKEN_CLAIMS: [&str; 7] = ["iss", "exp", "aud", "sub", "client_id", "iat", "jti"];
/// OpenID Connect Core §2: the claims an ID token requires.
pub const ID_TOKEN_CLAIMS: [&str; 5] = ["iss", "sub", "aud", "exp", "iat"];

/// One finding per claim the token's profile requires and it lacks: RFC 9068
/// §2.2 for a token whose header `typ` is `at+jwt`, OpenID Connect Core §2
/// for an ID token (and `azp` when `aud` names several audiences).
pub fn profile_findings(header: Option<&Json>, claims: &Json, role: Role, out: &mut Vec<Finding>) {
    let at_jwt = header.and_then(media_type).as_deref() == Some("at+jwt");
    let (required, profile, source): (&[&str], &str, &'static str) = if at_jwt {
        (
            &ACCESS_TOKEN_CLAIMS,
            "an RFC 9068 access token (typ at+jwt)",
            "RFC 9068 §2.2",
        )
    } else if role == Role::Id {
        (
            &ID_TOKEN_CLAIMS,
            "an OpenID Connect ID token",
            "OpenID Connect Core §2",
        )
    } else {
        return;
    };
    for claim in required {
        if claims.get(claim).is_none() {
            out.push(Finding::new(
                "missing-required-claim",
                Severity::Warning,
                format!("No {claim}: {profile} must carry it."),
                source,
            ));
        }
    }
    let several_audiences = matches!(claims.get("aud"), Some(Json::Array(a)) if a.len() > 1);
    if !at_jwt && several_audiences && claims.get("azp").is_none() {
        out.push(Finding::new(
            "missing-required-claim",
            Severity::Warning,
            "No azp: an ID token with several audiences must name the party it was issued to.",
            "OpenID Connect Core §2",
        ));
    }
}
