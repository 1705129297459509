//! What a senior reviewer would say about a readable token: its role and
//! lifetime, and its risks as [`Finding`]s.

use super::findings::{Finding, Severity};
use super::header::{Alg, HmacAlg};
use super::inspect::Report;
use super::json::{self, Json};
use super::time::{TimeClaim, human_duration};
use super::verify::{self, Secret, SecretEncoding};

/// An access token living longer than this is flagged (RFC 9700 §2.2.1 and
/// RFC 8725 advise short-lived access tokens).
pub const MAX_ACCESS_LIFETIME: i64 = 3600;
/// A refresh token living longer than this is flagged.
pub const MAX_REFRESH_LIFETIME: i64 = 90 * 86_400;
/// Clock skew tolerated before `iat` counts as "in the future".
pub const IAT_SKEW: i64 = 60;

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

/// Findings about the header, the claims and their times that do not depend
/// on the clock; [`inspect`](super::inspect()) adds them to every report.
pub fn token_findings(report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    if report.segments.len() == 5 {
        out.push(Finding::new(
            "jwe",
            Severity::Info,
            "This is an encrypted JWE: only its header can be read here, and it proves nothing until the recipient decrypts it.",
            "RFC 7516",
        ));
    }
    header_findings(report, &mut out);
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
        json_findings(
            report.header.as_ref().and_then(|h| h.json.as_ref()),
            "header",
            &mut out,
        );
        return out;
    };
    time_findings(report, claims, &mut out);
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
    sensitive_findings(claims, &mut out);
    json_findings(
        report.header.as_ref().and_then(|h| h.json.as_ref()),
        "header",
        &mut out,
    );
    json_findings(Some(claims), "payload", &mut out);
    out
}

fn header_findings(report: &Report, out: &mut Vec<Finding>) {
    let Some(header) = report.header.as_ref().and_then(|h| h.json.as_ref()) else {
        return;
    };
    let injected: Vec<&str> = ["jku", "jwk", "x5u", "x5c"]
        .into_iter()
        .filter(|p| header.get(p).is_some())
        .collect();
    if !injected.is_empty() {
        out.push(Finding::new(
            "key-injection-header",
            Severity::Danger,
            format!(
                "The header names its own key ({}): a verifier that fetches or trusts it lets an attacker sign with their own key. \
                 Verify only against keys you configured; JWT Lens never fetches or trusts these.",
                injected.join(", ")
            ),
            "RFC 8725 §3.10, RFC 7515 §4.1.2-4.1.6",
        ));
    }
    if let Some(kid) = header.get("kid") {
        let text = kid.as_str().unwrap_or_default();
        let suspicious = [
            "../", "..\\", "'", "\"", ";", "|", "`", "$(", "\0", "--", "/etc/", "/dev/",
        ]
        .into_iter()
        .find(|pattern| text.contains(pattern));
        if let Some(pattern) = suspicious {
            out.push(Finding::new(
                "suspicious-kid",
                Severity::Warning,
                format!(
                    "kid contains {pattern:?}, which looks like path traversal or injection: a server that uses kid in a file path, \
                     SQL query or command could be tricked into using a key the attacker chose."
                ),
                "RFC 8725 §3.10",
            ));
        } else if kid.as_str().is_none() {
            out.push(Finding::new(
                "suspicious-kid",
                Severity::Warning,
                format!("kid is {}, but it must be a string.", kid.type_name()),
                "RFC 7515 §4.1.4",
            ));
        }
    }
    if header.get("crit").is_some() {
        out.push(Finding::new(
            "crit-header",
            Severity::Warning,
            "The header has crit: a recipient that does not understand every listed extension must reject the token.",
            "RFC 7515 §4.1.11",
        ));
    }
    if let Some(typ) = header.get("typ") {
        let value = typ.as_str().unwrap_or_default();
        let expected = [
            "jwt",
            "at+jwt",
            "application/jwt",
            "application/at+jwt",
            "jose",
            "jwe",
            "secevent+jwt",
            "dpop+jwt",
            "logout+jwt",
        ];
        if !expected.contains(&value.to_ascii_lowercase().as_str()) {
            out.push(Finding::new(
                "unexpected-typ",
                Severity::Info,
                format!("typ is {}, not JWT or at+jwt: check that this is the kind of token the verifier expects.", compact(typ)),
                "RFC 7519 §5.1, RFC 8725 §3.11",
            ));
        }
    }
    if header.get("zip").is_some() && report.segments.len() == 3 {
        out.push(Finding::new(
            "zip-jws",
            Severity::Warning,
            "zip is defined only for JWE; on a signed JWT it is ignored or rejected, and compression before encryption can leak data.",
            "RFC 7516 §4.1.3, RFC 8725 §3.6",
        ));
    }
}

fn time_findings(report: &Report, claims: &Json, out: &mut Vec<Finding>) {
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
                            super::time::format_utc(secs),
                            super::time::format_utc(secs / 1000)
                        ),
                        "RFC 7519 §2 (NumericDate is in seconds)",
                    ));
                }
            }
            None => {}
        }
    }
    if claims.get("exp").is_none() {
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
        let role = guess_role(report).role;
        match role {
            Role::Refresh if life > MAX_REFRESH_LIFETIME => out.push(Finding::new(
                "refresh-lifetime",
                Severity::Warning,
                format!("This looks like a refresh token that lives {}: over 90 days, a stolen one stays useful for too long; rotate refresh tokens.", human_duration(life)),
                "RFC 9700 §4.14",
            )),
            Role::Access | Role::Id | Role::Unknown if life > MAX_ACCESS_LIFETIME => out.push(Finding::new(
                "long-lifetime",
                Severity::Warning,
                format!(
                    "It lives {}, longer than the hour an access token should: bearer tokens cannot be revoked once leaked, so keep them short and use refresh tokens.",
                    human_duration(life)
                ),
                "RFC 9700 §2.2.1, RFC 8725 §3.10",
            )),
            _ => {}
        }
    }
}

/// Claim names that suggest secrets or personal data.
const SENSITIVE_NAMES: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "secret",
    "client_secret",
    "private_key",
    "privatekey",
    "api_key",
    "apikey",
    "ssn",
    "social_security",
    "credit_card",
    "card_number",
    "cardnumber",
    "cvv",
    "pin",
    "iban",
    "token_secret",
];

fn sensitive_findings(claims: &Json, out: &mut Vec<Finding>) {
    let mut hits: Vec<String> = Vec::new();
    visit(claims, "", &mut |path, key, value| {
        let named = SENSITIVE_NAMES.iter().any(|s| sensitive_name(key, s));
        let reason = if named {
            Some("its name")
        } else {
            match value {
                Json::String(s) if s.contains("PRIVATE KEY-----") => Some("a private key"),
                Json::String(s) if looks_like_card_number(s) => Some("a card number"),
                Json::Number(n) if looks_like_card_number(n) => Some("a card number"),
                Json::String(s) if looks_like_ssn(s) => Some("a social security number"),
                _ => None,
            }
        };
        if let Some(reason) = reason
            && hits.len() < 5
        {
            hits.push(format!("{path}{key} ({reason})"));
        }
    });
    if !hits.is_empty() {
        out.push(Finding::new(
            "sensitive-claim",
            Severity::Danger,
            format!(
                "Sensitive-looking data in the payload: {}. The payload is only encoded, not encrypted: anyone holding the token can read it.",
                hits.join(", ")
            ),
            "RFC 8725 §3.5, RFC 7519 §12",
        ));
    }
}

/// `key` is `name`, or ends in `_name`, ignoring ASCII case; no allocation,
/// as this runs for every member of the payload.
fn sensitive_name(key: &str, name: &str) -> bool {
    let Some(start) = key.len().checked_sub(name.len()) else {
        return false;
    };
    let tail_matches = key
        .get(start..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case(name));
    tail_matches && (start == 0 || key.as_bytes().get(start - 1) == Some(&b'_'))
}

/// Calls `f(path, key, value)` for every object member, depth first.
fn visit(value: &Json, path: &str, f: &mut dyn FnMut(&str, &str, &Json)) {
    match value {
        Json::Object(members) => {
            for (key, child) in members {
                f(path, key, child);
                if matches!(child, Json::Object(_) | Json::Array(_)) {
                    visit(child, &format!("{path}{key}."), f);
                }
            }
        }
        Json::Array(items) => {
            for item in items {
                visit(item, path, f);
            }
        }
        _ => {}
    }
}

/// 13 to 19 digits (spaces or dashes allowed) passing the Luhn check.
fn looks_like_card_number(text: &str) -> bool {
    if !(13..=25).contains(&text.len()) {
        return false;
    }
    if text
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
    {
        return false;
    }
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if !(13..=19).contains(&digits.len()) || digits.windows(2).all(|w| w.first() == w.last()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `123-45-6789`.
fn looks_like_ssn(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 11
        && b.iter().enumerate().all(|(i, c)| {
            if i == 3 || i == 6 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn json_findings(value: Option<&Json>, part: &str, out: &mut Vec<Finding>) {
    let Some(value) = value else {
        return;
    };
    let duplicates = json::duplicate_keys(value);
    if !duplicates.is_empty() {
        let list: Vec<String> = duplicates
            .iter()
            .take(5)
            .map(|(path, key)| format!("{key} in {path}"))
            .collect();
        out.push(Finding::new(
            "duplicate-key",
            Severity::Danger,
            format!(
                "The {part} repeats keys ({}). Parsers disagree on which copy wins (most take the last), so two systems can read different claims from one token.",
                list.join(", ")
            ),
            "RFC 7519 §4, RFC 7515 §5.2, RFC 8259 §4",
        ));
    }
    let mut unsafe_numbers = Vec::new();
    collect_unsafe_integers(value, &mut unsafe_numbers);
    if !unsafe_numbers.is_empty() {
        out.push(Finding::new(
            "unsafe-integer",
            Severity::Warning,
            format!(
                "The {part} has integers beyond 2^53 ({}): JavaScript clients (JSON.parse) will round them, so ids may silently change.",
                unsafe_numbers.into_iter().take(3).collect::<Vec<_>>().join(", ")
            ),
            "RFC 7493 §2.2, RFC 8259 §6",
        ));
    }
}

/// Integer literals whose magnitude exceeds 2^53, where an IEEE double
/// stops representing every integer.
fn collect_unsafe_integers(value: &Json, out: &mut Vec<String>) {
    const SAFE: u64 = 1 << 53;
    match value {
        Json::Number(n) => {
            let digits = n.strip_prefix('-').unwrap_or(n);
            let integer = digits.bytes().all(|b| b.is_ascii_digit());
            let big = digits.len() > 16 || digits.parse::<u64>().is_ok_and(|v| v > SAFE);
            if integer && big {
                out.push(n.clone());
            }
        }
        Json::Array(items) => items.iter().for_each(|i| collect_unsafe_integers(i, out)),
        Json::Object(members) => members
            .iter()
            .for_each(|(_, v)| collect_unsafe_integers(v, out)),
        _ => {}
    }
}

/// A JSON value in one line, shortened to 60 characters, for messages.
pub fn compact(value: &Json) -> String {
    value.compact(60)
}

/// Secrets that appear in tutorials, defaults and placeholders.
const PLACEHOLDER_SECRETS: &[&str] = &[
    "secret",
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "changeme",
    "change-me",
    "change_me",
    "password",
    "123456",
    "12345678",
    "qwerty",
    "test",
    "testing",
    "key",
    "mysecret",
    "my-secret",
    "my_secret",
    "secretkey",
    "secret-key",
    "secret_key",
    "jwt-secret",
    "jwt_secret",
    "jwtsecret",
    "supersecret",
    "super-secret",
    "default",
    "admin",
    "letmein",
    "shhhhh",
    "keyboard cat",
    "your_jwt_secret",
    "your-secret",
];

/// Findings about the secret the user typed: too short, a placeholder, or
/// verifying only in another encoding. `alg` is the algorithm verification used.
pub fn secret_findings(
    report: &Report,
    alg: Option<HmacAlg>,
    typed: &str,
    encoding: SecretEncoding,
    secret: Option<&Secret>,
    verified: bool,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if typed.is_empty() {
        return out;
    }
    if let (Some(alg), Some(secret)) = (alg, secret)
        && secret.as_bytes().len() < alg.output_len()
    {
        out.push(Finding::new(
            "weak-secret",
            Severity::Warning,
            format!(
                "The secret is {} bits; {alg} needs at least {} (the hash output), or it can be brute-forced offline from any token. \
                 Fine for a test, not for production.",
                secret.bits(),
                alg.output_len() * 8
            ),
            "RFC 7518 §3.2, RFC 8725 §3.5",
        ));
    }
    let normalized = typed.trim().to_ascii_lowercase();
    if PLACEHOLDER_SECRETS.contains(&normalized.as_str()) {
        out.push(Finding::new(
            "placeholder-secret",
            Severity::Danger,
            format!("\"{}\" is a well-known placeholder or dictionary secret: anyone can guess it and sign tokens.", typed.trim()),
            "RFC 8725 §3.5",
        ));
    }
    if !verified
        && let (Some(alg), Some(signing_input), Some(signature)) =
            (alg, report.signing_input(), report.signature.as_ref())
    {
        let works: Vec<&str> = SecretEncoding::ALL
            .into_iter()
            .filter(|other| *other != encoding)
            .filter(|other| {
                Secret::decode(typed, *other).is_ok_and(|key| {
                    verify::verify_hmac(alg, &key, signing_input.as_bytes(), signature)
                })
            })
            .map(SecretEncoding::label)
            .collect();
        if !works.is_empty() {
            out.push(Finding::new(
                "secret-encoding",
                Severity::Info,
                format!(
                    "The signature is valid if the secret is read as {} instead of {}: choose that encoding.",
                    works.join(" or "),
                    encoding.label()
                ),
                "RFC 7518 §3.2, RFC 7517 §6.4.1",
            ));
        }
    }
    out
}
