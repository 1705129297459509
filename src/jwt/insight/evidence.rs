//! The evidence for a token's role: markers in the header and payload,
//! issuers that document their one kind of JWT, the claims' shape, and
//! lifetime hints. [`super::role`] ranks it.

use super::role::{Evidence, MAX_ACCESS_LIFETIME, Role, Strength};
use crate::jwt::Json;
use crate::jwt::issuer::IssuerFamily;
use crate::jwt::time::human_duration;

/// The `events` member that makes a token a logout token
/// (OpenID Connect Back-Channel Logout 1.0 §2.4).
pub const BACKCHANNEL_LOGOUT_EVENT: &str = "http://schemas.openid.net/event/backchannel-logout";

fn text_claim<'a>(claims: &'a Json, name: &str) -> Option<&'a str> {
    claims.get(name).and_then(Json::as_str)
}

/// Lowercase words of a marker's value: `Refresh_Token` is `refresh`,
/// `token`; `android` is one word, never `id`.
fn words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// The role a whole word names, in the vocabulary providers use.
fn role_of_word(word: &str) -> Option<Role> {
    Some(match word {
        "access" | "bearer" => Role::Access,
        "refresh" | "offline" => Role::Refresh,
        "id" => Role::Id,
        "logout" => Role::Logout,
        _ => return None,
    })
}

/// The header's `typ` as a media type, without `application/` (RFC 7515 §4.1.9).
pub(super) fn media_type(header: &Json) -> Option<String> {
    let typ = text_claim(header, "typ")?.trim().to_ascii_lowercase();
    Some(match typ.strip_prefix("application/") {
        Some(rest) => rest.to_owned(),
        None => typ,
    })
}

pub(super) fn header_markers(header: &Json, out: &mut Vec<Evidence>) {
    let Some(media) = media_type(header) else {
        return;
    };
    let marker = |role, text: &str| Evidence {
        role,
        strength: Strength::Marker,
        text: text.into(),
    };
    out.push(match media.as_str() {
        "at+jwt" => marker(Role::Access, "header typ is at+jwt (RFC 9068 §2.1)"),
        "dpop+jwt" => marker(Role::DpopProof, "header typ is dpop+jwt (RFC 9449 §4.2)"),
        "logout+jwt" => marker(
            Role::Logout,
            "header typ is logout+jwt (OpenID Connect Back-Channel Logout 1.0 §2.4)",
        ),
        "secevent+jwt" => marker(
            Role::SecurityEvent,
            "header typ is secevent+jwt (RFC 8417 §2.3)",
        ),
        "client-authentication+jwt" => marker(
            Role::ClientAssertion,
            "header typ is client-authentication+jwt (draft-ietf-oauth-rfc7523bis)",
        ),
        other => {
            let Some(role) = words(other).find_map(|w| role_of_word(&w)) else {
                return;
            };
            Evidence {
                role,
                strength: Strength::Marker,
                text: format!("header typ is {other}"),
            }
        }
    });
}

/// `token_use` (Cognito), `typ` (Keycloak), `token_type` and `type` (libraries),
/// matched as whole words; and `events` (RFC 8417, Back-Channel Logout).
pub(super) fn claim_markers(claims: &Json, out: &mut Vec<Evidence>) {
    for (name, whose) in [
        ("token_use", " (Amazon Cognito's marker)"),
        ("typ", " (Keycloak's marker)"),
        ("token_type", ""),
        ("type", ""),
    ] {
        let Some(value) = text_claim(claims, name) else {
            continue;
        };
        let mut seen = Vec::new();
        for role in words(value).filter_map(|w| role_of_word(&w)) {
            if !seen.contains(&role) {
                seen.push(role);
                // `type` is any application's word, not a convention for
                // what a token is: structure, not a marker.
                let strength = if name == "type" {
                    Strength::Structure
                } else {
                    Strength::Marker
                };
                out.push(Evidence {
                    role,
                    strength,
                    text: format!("{name} is {value}{whose}"),
                });
            }
        }
    }
    match claims.get("events") {
        Some(events) if events.get(BACKCHANNEL_LOGOUT_EVENT).is_some() => out.push(Evidence {
            role: Role::Logout,
            strength: Strength::Marker,
            text: format!(
                "events holds {BACKCHANNEL_LOGOUT_EVENT} (OpenID Connect Back-Channel Logout 1.0 §2.4)"
            ),
        }),
        Some(Json::Object(_)) => out.push(Evidence {
            role: Role::SecurityEvent,
            strength: Strength::Structure,
            text: "it has events, the claim of a Security Event Token (RFC 8417 §2.2)".into(),
        }),
        _ => {}
    }
}

/// Issuers that document the one kind of JWT they issue.
pub(super) fn family_markers(family: IssuerFamily, claims: &Json, out: &mut Vec<Evidence>) {
    let (role, strength, text) = match family {
        IssuerFamily::GithubActions => (
            Role::Id,
            Strength::Marker,
            "GitHub Actions issues it, and GitHub documents these as OIDC ID tokens",
        ),
        IssuerFamily::Google => (
            Role::Id,
            Strength::Marker,
            "accounts.google.com issues it: Google's JWTs are ID tokens, its access tokens are opaque",
        ),
        IssuerFamily::Firebase => (
            Role::Id,
            Strength::Marker,
            "Firebase Authentication issues it: its JWTs are ID tokens",
        ),
        IssuerFamily::Kubernetes => (
            Role::Access,
            Strength::Structure,
            "a Kubernetes service account token: a bearer token for the API server or the named audience",
        ),
        IssuerFamily::Entra if claims.get("appid").is_some() || claims.get("idtyp").is_some() => (
            Role::Access,
            Strength::Structure,
            "it has appid or idtyp, which Entra ID writes only in access tokens",
        ),
        _ => return,
    };
    out.push(Evidence {
        role,
        strength,
        text: text.into(),
    });
}

pub(super) fn structure(header: Option<&Json>, claims: &Json, out: &mut Vec<Evidence>) {
    let mut push = |role, text: String| {
        out.push(Evidence {
            role,
            strength: Strength::Structure,
            text,
        })
    };
    let has = |name: &str| claims.get(name).is_some();
    if has("htm") && has("htu") && header.is_some_and(|h| h.get("jwk").is_some()) {
        push(
            Role::DpopProof,
            "it has htm, htu and a jwk header, the shape of a DPoP proof (RFC 9449 §4.2)".into(),
        );
    }
    let binding: Vec<&str> = ["nonce", "at_hash", "c_hash"]
        .into_iter()
        .filter(|c| has(c))
        .collect();
    if !binding.is_empty() && has("aud") {
        push(
            Role::Id,
            format!(
                "it has {} and an aud, as an ID token does (OpenID Connect Core §2, §3.1.3.6)",
                binding.join(", ")
            ),
        );
    }
    let scoped: Vec<&str> = ["scope", "scp", "client_id"]
        .into_iter()
        .filter(|c| has(c))
        .collect();
    if !scoped.is_empty() {
        push(
            Role::Access,
            format!(
                "it has {}, as an access token does (RFC 9068 §2.2)",
                scoped.join(", ")
            ),
        );
    }
    let iss = text_claim(claims, "iss");
    if iss.is_some() && iss == text_claim(claims, "sub") && !has("nonce") && aud_is_url(claims) {
        let jti = if has("jti") { ", with a jti" } else { "" };
        push(
            Role::ClientAssertion,
            format!(
                "iss equals sub and aud is a URL{jti}: the shape of a client assertion (RFC 7523 §3)"
            ),
        );
    }
}

fn aud_is_url(claims: &Json) -> bool {
    let url = |v: &Json| {
        v.as_str()
            .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://"))
    };
    match claims.get("aud") {
        Some(Json::Array(items)) => items.iter().any(url),
        Some(value) => url(value),
        None => false,
    }
}

/// Lifetime alone: minutes suggest access, days suggest refresh. An hour
/// is also what Entra ID, Google, Okta and Cognito give ID tokens, so a
/// short life hints at access only when `aud` is absent or a resource URL,
/// not a client.
pub(super) fn lifetime_hints(life: Option<i64>, claims: &Json, out: &mut Vec<Evidence>) {
    let Some(life) = life else {
        return;
    };
    let for_a_resource = claims.get("aud").is_none() || aud_is_url(claims);
    let role = match life {
        l if l > 0 && l <= MAX_ACCESS_LIFETIME && for_a_resource => Role::Access,
        l if l >= 86_400 => Role::Refresh,
        _ => return,
    };
    out.push(Evidence {
        role,
        strength: Strength::Hint,
        text: format!(
            "it lives {}, {}",
            human_duration(life),
            if role == Role::Access {
                "minutes rather than days"
            } else {
                "days rather than minutes"
            }
        ),
    });
}
