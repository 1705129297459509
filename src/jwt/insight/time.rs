//! Findings about a token's times: units, order, lifetime and the clock.

use super::role::{MAX_ACCESS_LIFETIME, MAX_REFRESH_LIFETIME, Role, lifetime};
use crate::jwt::Report;
use crate::jwt::findings::{Finding, Severity};
use crate::jwt::issuer::IssuerFamily;
use crate::jwt::json::Json;
use crate::jwt::time::{TimeClaim, human_duration};

/// Clock skew tolerated before `iat` counts as "in the future".
pub const IAT_SKEW: i64 = 60;

/// Whether seconds-since-epoch `secs` is more plausibly milliseconds: a date
/// beyond the year 5000 that, divided by 1000, falls between 1990 and 2100.
pub fn looks_like_milliseconds(secs: i64) -> bool {
    secs >= 100_000_000_000 && (631_152_000..=4_102_444_800).contains(&(secs / 1000))
}

/// Findings that depend on the clock: `iat` in the future.
pub fn clock_findings(report: &Report, now: i64) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(iat) = report.time_claim(TimeClaim::Iat)
        && iat > now + IAT_SKEW
    {
        out.push(Finding::new(
            "iat-future",
            Severity::Warning,
            format!(
                "iat is {} in the future (beyond {IAT_SKEW} s of clock skew): the issuer's clock is wrong or the token was forged.",
                human_duration(iat - now)
            ),
            "RFC 7519 §4.1.6",
        ));
    }
    out
}

pub(super) fn time_findings(
    report: &Report,
    claims: &Json,
    role: Role,
    family: IssuerFamily,
    out: &mut Vec<Finding>,
) {
    let exp = report.time_claim(TimeClaim::Exp);
    let iat = report.time_claim(TimeClaim::Iat);
    let nbf = report.time_claim(TimeClaim::Nbf);
    for claim in TimeClaim::ALL {
        match claims.get(claim.name()) {
            Some(Json::String(s)) => out.push(Finding::new(
                "string-timestamp",
                Severity::Warning,
                format!(
                    "{} is the string \"{}\", but it must be a NumericDate (seconds since 1970); libraries will reject or ignore it.",
                    claim.name(),
                    s.chars().take(40).collect::<String>()
                ),
                "RFC 7519 §2, §4.1.4",
            )),
            Some(_) => {
                if let Some(secs) = report.time_claim(claim).filter(|s| looks_like_milliseconds(*s)) {
                    out.push(Finding::new(
                        "ms-timestamp",
                        Severity::Warning,
                        format!(
                            "{} = {secs} looks like milliseconds: read as seconds (as libraries will) it is {}; in milliseconds it would be {}.",
                            claim.name(),
                            crate::jwt::time::format_utc(secs),
                            crate::jwt::time::format_utc(secs / 1000)
                        ),
                        "RFC 7519 §2 (NumericDate is in seconds)",
                    ));
                }
            }
            None => {}
        }
    }
    // RFC 9449 §4.2 and RFC 8417 §2.2 define no exp: a DPoP proof is checked
    // by iat and jti, and a SET reports a past event.
    // Keycloak's offline tokens (`typ: Offline`) carry no exp by default:
    // they end with their offline session, which the server revokes.
    let offline = role == Role::Refresh
        && claims
            .get("typ")
            .and_then(Json::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case("offline"));
    if claims.get("exp").is_none() && offline {
        out.push(Finding::new(
            "no-exp",
            Severity::Info,
            "No exp: a Keycloak offline token has none by default; it lasts as long as its offline \
             session, which only the server can revoke, so keep it as secret as a password.",
            "Keycloak Server Administration Guide, Offline access",
        ));
    } else if claims.get("exp").is_none() && !matches!(role, Role::DpopProof | Role::SecurityEvent)
    {
        out.push(Finding::new(
            "no-exp",
            Severity::Warning,
            "No exp: the token never expires, so a leaked copy works forever.",
            "RFC 7519 §4.1.4, RFC 8725 §3.10",
        ));
    }
    if let (Some(exp), Some(iat)) = (exp, iat)
        && exp < iat
    {
        out.push(Finding::new(
            "exp-before-iat",
            Severity::Warning,
            "exp is before iat: the token expired before it was issued, a sign of a clock or unit bug at the issuer.",
            "RFC 7519 §4.1.4, §4.1.6",
        ));
    }
    if let (Some(exp), Some(nbf)) = (exp, nbf)
        && nbf >= exp
    {
        out.push(Finding::new(
            "nbf-after-exp",
            Severity::Warning,
            "nbf is not before exp: there is no moment at which this token is valid.",
            "RFC 7519 §4.1.4, §4.1.5",
        ));
    }
    if let Some(life) = lifetime(report).filter(|l| *l > 0) {
        lifetime_findings(life, role, family, out);
    }
}

/// A refresh token over 90 days, or any other token over an hour. Within a
/// provider's documented default the finding says so: a default is a choice
/// to revisit, not an accident, and barely over an hour is only info.
fn lifetime_findings(life: i64, role: Role, family: IssuerFamily, out: &mut Vec<Finding>) {
    if role == Role::Refresh {
        if life > MAX_REFRESH_LIFETIME {
            out.push(Finding::new(
                "refresh-lifetime",
                Severity::Warning,
                format!("This looks like a refresh token that lives {}: over 90 days, a stolen one stays useful for too long; rotate refresh tokens.", human_duration(life)),
                "RFC 9700 §4.14",
            ));
        }
        return;
    }
    if life <= MAX_ACCESS_LIFETIME {
        return;
    }
    let default = match role {
        Role::Id => family.default_id_lifetime(),
        _ => family.default_access_lifetime(),
    }
    .filter(|d| life <= d.seconds);
    if let Some(default) = default {
        out.push(Finding::new(
            "long-lifetime",
            if life <= 2 * MAX_ACCESS_LIFETIME {
                Severity::Info
            } else {
                Severity::Warning
            },
            format!(
                "It lives {}: {}, so this is the provider's default rather than an accident. \
                 Shorten it where clients can refresh: a leaked bearer token works until it expires.",
                human_duration(life),
                default.text
            ),
            default.source,
        ));
        return;
    }
    out.push(Finding::new(
        "long-lifetime",
        Severity::Warning,
        format!(
            "It lives {}, longer than the hour {} should: bearer tokens cannot be revoked once leaked, so keep them short and use refresh tokens.",
            human_duration(life),
            match role {
                Role::Unknown => "an access token",
                other => other.label(),
            }
        ),
        "RFC 9700 §2.2.1, RFC 8725 §3.10",
    ));
}
