//! What a token is probably for (access, refresh, ID) and how long it lives.

use crate::jwt::time::{TimeClaim, human_duration};
use crate::jwt::{Json, Report};

/// An access token living longer than this is flagged (RFC 9700 §2.2.1 and
/// RFC 8725 advise short-lived access tokens).
pub const MAX_ACCESS_LIFETIME: i64 = 3600;
/// A refresh token living longer than this is flagged.
pub const MAX_REFRESH_LIFETIME: i64 = 90 * 86_400;

/// What a token is probably for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Presented to APIs; short-lived (typically 5 to 60 minutes).
    Access,
    /// Exchanged for new access tokens; lives days to weeks.
    Refresh,
    /// An OpenID Connect ID token: who logged in, for the client.
    Id,
    /// Nothing points either way.
    Unknown,
}

impl Role {
    /// `access`, `refresh`, `id` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Access => "access",
            Role::Refresh => "refresh",
            Role::Id => "id",
            Role::Unknown => "unknown",
        }
    }

    /// "an access token", … for sentences.
    pub fn label(self) -> &'static str {
        match self {
            Role::Access => "an access token",
            Role::Refresh => "a refresh token",
            Role::Id => "an OpenID Connect ID token",
            Role::Unknown => "a token of unknown role",
        }
    }
}

/// The role guess and the evidence for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleGuess {
    /// The most likely role.
    pub role: Role,
    /// Why, as a fragment: "typ is at+jwt and it lives 15 min".
    pub because: String,
}

/// `exp - iat`, or `exp - nbf` without `iat`, in seconds.
pub fn lifetime(report: &Report) -> Option<i64> {
    let exp = report.time_claim(TimeClaim::Exp)?;
    let start = report
        .time_claim(TimeClaim::Iat)
        .or_else(|| report.time_claim(TimeClaim::Nbf))?;
    Some(exp - start)
}

fn text_claim<'a>(claims: &'a Json, name: &str) -> Option<&'a str> {
    claims.get(name).and_then(Json::as_str)
}

/// Guesses whether the token is an access, refresh or ID token, and says why.
pub fn guess_role(report: &Report) -> RoleGuess {
    let guess = |role, because: String| RoleGuess { role, because };
    let Some(claims) = report.claims() else {
        return guess(Role::Unknown, "the payload could not be read".into());
    };
    let header_typ = report
        .header
        .as_ref()
        .and_then(|h| h.json.as_ref())
        .and_then(|h| text_claim(h, "typ"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let hints: Vec<String> = ["token_use", "typ", "token_type", "type"]
        .iter()
        .filter_map(|name| text_claim(claims, name).map(|v| (name, v.to_ascii_lowercase())))
        .map(|(name, v)| format!("{name} {v}"))
        .collect();
    let said = |word: &str| {
        hints
            .iter()
            .find(|h| h.ends_with(word) || h.contains(&format!(" {word}")))
    };
    let scope = text_claim(claims, "scope").unwrap_or_default();
    let life = lifetime(report);
    let lives = life
        .map(|l| format!(" and lives {}", human_duration(l)))
        .unwrap_or_default();

    if let Some(hint) = said("refresh") {
        return guess(Role::Refresh, format!("{hint}{lives}"));
    }
    if header_typ.contains("refresh") {
        return guess(
            Role::Refresh,
            format!("the header's typ is {header_typ}{lives}"),
        );
    }
    let oidc: Vec<&str> = ["nonce", "at_hash", "c_hash", "auth_time"]
        .into_iter()
        .filter(|c| claims.get(c).is_some())
        .collect();
    if let Some(hint) = said("id") {
        return guess(Role::Id, format!("{hint}{lives}"));
    }
    if !oidc.is_empty() && said("access").is_none() {
        return guess(
            Role::Id,
            format!("it has the OpenID Connect claims {}", oidc.join(", ")),
        );
    }
    if header_typ == "at+jwt" || header_typ == "application/at+jwt" {
        return guess(
            Role::Access,
            format!("the header's typ is at+jwt (RFC 9068){lives}"),
        );
    }
    if let Some(hint) = said("access").or_else(|| said("bearer")) {
        return guess(Role::Access, format!("{hint}{lives}"));
    }
    if scope.split_whitespace().any(|s| s == "offline_access") {
        return guess(
            Role::Refresh,
            format!("its scope includes offline_access{lives}"),
        );
    }
    match life {
        Some(l) if l > 0 && l <= MAX_ACCESS_LIFETIME => {
            let scoped = if claims.get("scope").is_some() || claims.get("scp").is_some() {
                ", and it carries scopes"
            } else {
                ""
            };
            guess(
                Role::Access,
                format!("it lives {}{scoped}", human_duration(l)),
            )
        }
        Some(l) if l >= 86_400 => guess(
            Role::Refresh,
            format!("it lives {}, days rather than minutes", human_duration(l)),
        ),
        _ if claims.get("scope").is_some() || claims.get("scp").is_some() => {
            guess(Role::Access, "it carries scopes".into())
        }
        _ => guess(
            Role::Unknown,
            "no typ, token_use, scope or OpenID Connect claim says".into(),
        ),
    }
}
