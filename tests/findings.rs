//! Every finding: a token that triggers it, and one that does not.

mod fixtures;

use fixtures::{JWT_IO, b64, unsigned};
use jwt_lens::jwt::insight::{
    Role, clock_findings, guess_role, lifetime, looks_like_milliseconds, secret_findings,
};
use jwt_lens::jwt::{
    AlgChoice, Credential, HmacAlg, Report, Secret, SecretEncoding, inspect, sign, verify,
};

const NOW: i64 = 1_700_000_000;

fn report(header: &str, payload: &str) -> Report {
    inspect(&unsigned(header, payload, "c2ln")).unwrap()
}

/// Ids of every finding for a token, at NOW, without a secret.
fn ids(header: &str, payload: &str) -> Vec<&'static str> {
    let r = report(header, payload);
    let mut all: Vec<_> = r.findings.iter().map(|f| f.id).collect();
    all.extend(clock_findings(&r, NOW).iter().map(|f| f.id));
    // Every finding once: token findings are in the report, clock findings
    // apart. `missing-required-claim` comes once per claim, with its message.
    let mut messages: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.id, f.message.clone()))
        .collect();
    messages.extend(
        clock_findings(&r, NOW)
            .into_iter()
            .map(|f| (f.id, f.message)),
    );
    let unique: std::collections::HashSet<_> = messages.iter().collect();
    assert_eq!(
        unique.len(),
        messages.len(),
        "a finding was reported twice: {all:?}"
    );
    all
}

const GOOD_HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;
fn good_payload() -> String {
    format!(
        r#"{{"iss":"https://a.example","aud":"api","sub":"u1","iat":{},"exp":{}}}"#,
        NOW - 60,
        NOW + 840
    )
}

#[test]
fn a_well_formed_short_lived_token_has_no_findings_except_signature_length() {
    let found = ids(GOOD_HEADER, &good_payload());
    assert_eq!(found, ["signature-length"], "{found:?}");
}

#[test]
fn alg_none_is_danger_and_hs256_is_not() {
    assert!(ids(r#"{"alg":"none"}"#, &good_payload()).contains(&"alg-none"));
    assert!(!ids(GOOD_HEADER, &good_payload()).contains(&"alg-none"));
}

#[test]
fn empty_signature_with_an_alg_is_danger() {
    let r = inspect(&unsigned(GOOD_HEADER, &good_payload(), "")).unwrap();
    assert!(r.findings.iter().any(|f| f.id == "empty-signature"));
    let none = inspect(&unsigned(r#"{"alg":"none"}"#, &good_payload(), "")).unwrap();
    assert!(!none.findings.iter().any(|f| f.id == "empty-signature"));
}

#[test]
fn unknown_or_missing_alg_is_flagged() {
    assert!(ids(r#"{"alg":"HS1"}"#, "{}").contains(&"alg-unknown"));
    assert!(ids(r#"{"typ":"JWT"}"#, "{}").contains(&"alg-missing"));
}

#[test]
fn jwe_is_reported() {
    let token = format!(
        "{}.a2V5.aXY.Y2lwaGVy.dGFn",
        b64(r#"{"alg":"dir","enc":"A128GCM"}"#)
    );
    let r = inspect(&token).unwrap();
    assert!(r.findings.iter().any(|f| f.id == "jwe"));
    assert!(!ids(GOOD_HEADER, &good_payload()).contains(&"jwe"));
}

#[test]
fn missing_exp_is_flagged() {
    assert!(ids(GOOD_HEADER, r#"{"sub":"a"}"#).contains(&"no-exp"));
    assert!(!ids(GOOD_HEADER, &good_payload()).contains(&"no-exp"));
}

#[test]
fn missing_iss_and_aud_are_called_out() {
    let found = ids(GOOD_HEADER, r#"{"sub":"a","exp":1}"#);
    assert!(found.contains(&"no-iss") && found.contains(&"no-aud"));
    let good = ids(GOOD_HEADER, &good_payload());
    assert!(!good.contains(&"no-iss") && !good.contains(&"no-aud"));
}

#[test]
fn access_token_over_an_hour_is_flagged() {
    let long = format!(r#"{{"scope":"read","iat":{NOW},"exp":{}}}"#, NOW + 2 * 3600);
    assert!(ids(GOOD_HEADER, &long).contains(&"long-lifetime"));
    let short = format!(r#"{{"scope":"read","iat":{NOW},"exp":{}}}"#, NOW + 3600);
    assert!(!ids(GOOD_HEADER, &short).contains(&"long-lifetime"));
}

#[test]
fn refresh_token_over_ninety_days_is_flagged_but_thirty_days_is_not() {
    let long = format!(
        r#"{{"token_use":"refresh","iat":{NOW},"exp":{}}}"#,
        NOW + 120 * 86_400
    );
    assert!(ids(GOOD_HEADER, &long).contains(&"refresh-lifetime"));
    let month = format!(
        r#"{{"token_use":"refresh","iat":{NOW},"exp":{}}}"#,
        NOW + 30 * 86_400
    );
    let found = ids(GOOD_HEADER, &month);
    assert!(
        !found.contains(&"refresh-lifetime") && !found.contains(&"long-lifetime"),
        "{found:?}"
    );
}

#[test]
fn exp_before_iat_and_nbf_after_exp_are_flagged() {
    assert!(ids(GOOD_HEADER, r#"{"iat":200,"exp":100}"#).contains(&"exp-before-iat"));
    assert!(ids(GOOD_HEADER, r#"{"nbf":300,"exp":200}"#).contains(&"nbf-after-exp"));
    let fine = ids(GOOD_HEADER, r#"{"iat":100,"nbf":100,"exp":200}"#);
    assert!(!fine.contains(&"exp-before-iat") && !fine.contains(&"nbf-after-exp"));
}

#[test]
fn iat_in_the_future_beyond_leeway_is_flagged() {
    let future = format!(r#"{{"iat":{},"exp":{}}}"#, NOW + 3600, NOW + 4000);
    assert!(ids(GOOD_HEADER, &future).contains(&"iat-future"));
    let skewed = format!(r#"{{"iat":{},"exp":{}}}"#, NOW + 30, NOW + 900);
    assert!(!ids(GOOD_HEADER, &skewed).contains(&"iat-future"));
}

#[test]
fn millisecond_timestamps_are_detected() {
    let ms = format!(r#"{{"iat":{}000,"exp":{}000}}"#, NOW, NOW + 900);
    let r = report(GOOD_HEADER, &ms);
    let f = r.findings.iter().find(|f| f.id == "ms-timestamp").unwrap();
    assert!(f.message.contains("2023-11-14T22:13:20Z"), "{}", f.message);
    assert!(looks_like_milliseconds(NOW * 1000));
    assert!(!looks_like_milliseconds(NOW));
    assert!(!ids(GOOD_HEADER, &good_payload()).contains(&"ms-timestamp"));
}

#[test]
fn iso_string_timestamps_are_detected() {
    assert!(ids(GOOD_HEADER, r#"{"exp":"2030-01-01T00:00:00Z"}"#).contains(&"string-timestamp"));
}

#[test]
fn header_naming_its_own_key_is_key_injection() {
    for param in ["jku", "jwk", "x5u", "x5c"] {
        let header = format!(r#"{{"alg":"HS256","{param}":"x"}}"#);
        assert!(
            ids(&header, &good_payload()).contains(&"key-injection-header"),
            "{param}"
        );
    }
    assert!(
        !ids(r#"{"alg":"HS256","kid":"key-1"}"#, &good_payload()).contains(&"key-injection-header")
    );
}

#[test]
fn kid_with_traversal_or_injection_is_suspicious() {
    assert!(ids(r#"{"alg":"HS256","kid":"../../dev/null"}"#, "{}").contains(&"suspicious-kid"));
    assert!(ids(r#"{"alg":"HS256","kid":"x' UNION SELECT 'k"}"#, "{}").contains(&"suspicious-kid"));
    assert!(!ids(r#"{"alg":"HS256","kid":"2024-06-key"}"#, "{}").contains(&"suspicious-kid"));
}

/// Pins the wording: the pattern is quoted as text, with an invisible
/// character escaped, never as Rust's `Debug` (`"\0"`).
#[test]
fn suspicious_kid_message_quotes_the_pattern_readably() {
    let message = |header: &str| {
        report(header, "{}")
            .findings
            .into_iter()
            .find(|f| f.id == "suspicious-kid")
            .map(|f| f.message)
            .unwrap_or_default()
    };
    assert!(
        message(r#"{"alg":"HS256","kid":"../../dev/null"}"#)
            .starts_with(r#"kid contains "../", which looks like path traversal"#)
    );
    assert!(
        message(r#"{"alg":"HS256","kid":"key\u0000"}"#).starts_with(r#"kid contains "\u0000","#)
    );
}

#[test]
fn crit_zip_and_odd_typ_are_flagged() {
    assert!(ids(r#"{"alg":"HS256","crit":["exp"]}"#, "{}").contains(&"crit-header"));
    assert!(ids(r#"{"alg":"HS256","zip":"DEF"}"#, "{}").contains(&"zip-jws"));
    assert!(ids(r#"{"alg":"HS256","typ":"JWS"}"#, "{}").contains(&"unexpected-typ"));
    let plain = ids(r#"{"alg":"HS256","typ":"at+jwt"}"#, "{}");
    assert!(
        !plain.contains(&"unexpected-typ")
            && !plain.contains(&"crit-header")
            && !plain.contains(&"zip-jws")
    );
}

#[test]
fn sensitive_claims_are_danger() {
    let found = ids(GOOD_HEADER, r#"{"user":{"password":"hunter2"}}"#);
    assert!(found.contains(&"sensitive-claim"));
    assert!(ids(GOOD_HEADER, r#"{"card":"4111 1111 1111 1111"}"#).contains(&"sensitive-claim"));
    assert!(ids(GOOD_HEADER, r#"{"id":"123-45-6789"}"#).contains(&"sensitive-claim"));
    assert!(
        ids(
            GOOD_HEADER,
            r#"{"k":"-----BEGIN RSA PRIVATE KEY-----\nMII"}"#
        )
        .contains(&"sensitive-claim")
    );
    assert!(
        !ids(
            GOOD_HEADER,
            r#"{"order":"4111 1111 1111 1112","password_changed":true}"#
        )
        .contains(&"sensitive-claim")
    );
}

#[test]
fn integers_beyond_two_to_the_53_are_unsafe() {
    assert!(ids(GOOD_HEADER, r#"{"id":100002348117421473}"#).contains(&"unsafe-integer"));
    assert!(ids(GOOD_HEADER, r#"{"id":9007199254740993}"#).contains(&"unsafe-integer"));
    assert!(!ids(GOOD_HEADER, r#"{"id":9007199254740992,"f":1e300}"#).contains(&"unsafe-integer"));
}

#[test]
fn duplicate_keys_are_reported() {
    let found = ids(GOOD_HEADER, r#"{"admin":false,"admin":true}"#);
    assert!(found.contains(&"duplicate-key"));
    assert!(!ids(GOOD_HEADER, &good_payload()).contains(&"duplicate-key"));
}

fn secret_ids(token: &str, typed: &str, encoding: SecretEncoding) -> Vec<&'static str> {
    let r = inspect(token).unwrap();
    let key = Secret::decode(typed, encoding);
    let status = verify(&r, Credential::Secret(key.clone()), AlgChoice::FromToken);
    secret_findings(
        &r,
        Some(HmacAlg::Hs256),
        typed,
        encoding,
        key.ok().as_ref(),
        status.as_str() == "valid",
    )
    .iter()
    .map(|f| f.id)
    .collect()
}

#[test]
fn short_secret_is_weak_but_still_verifies() {
    let token = sign(
        HmacAlg::Hs256,
        GOOD_HEADER,
        "{}",
        &Secret::from_bytes(b"short".to_vec()),
    );
    let r = inspect(&token).unwrap();
    assert_eq!(
        verify(
            &r,
            Credential::Secret(Secret::decode("short", SecretEncoding::Utf8)),
            AlgChoice::FromToken,
        )
        .as_str(),
        "valid"
    );
    assert!(secret_ids(&token, "short", SecretEncoding::Utf8).contains(&"weak-secret"));
    let strong = "k".repeat(32);
    let token = sign(
        HmacAlg::Hs256,
        GOOD_HEADER,
        "{}",
        &Secret::from_bytes(strong.clone().into_bytes()),
    );
    assert!(!secret_ids(&token, &strong, SecretEncoding::Utf8).contains(&"weak-secret"));
}

#[test]
fn placeholder_secrets_are_danger() {
    assert!(
        secret_ids(JWT_IO, "your-256-bit-secret", SecretEncoding::Utf8)
            .contains(&"placeholder-secret")
    );
    assert!(secret_ids(JWT_IO, "changeme", SecretEncoding::Utf8).contains(&"placeholder-secret"));
    assert!(
        !secret_ids(JWT_IO, "Zq8#t1-random-enough-Xp", SecretEncoding::Utf8)
            .contains(&"placeholder-secret")
    );
}

#[test]
fn verifying_only_in_another_encoding_is_pointed_out() {
    let found = secret_ids(
        fixtures::RFC7515_A1,
        fixtures::RFC7515_A1_KEY,
        SecretEncoding::Utf8,
    );
    assert!(found.contains(&"secret-encoding"));
    let r = inspect(fixtures::RFC7515_A1).unwrap();
    let message = secret_findings(
        &r,
        Some(HmacAlg::Hs256),
        fixtures::RFC7515_A1_KEY,
        SecretEncoding::Utf8,
        None,
        false,
    );
    assert!(message.iter().any(|f| {
        f.message
            .contains("valid if the secret is read as base64url")
    }));
    assert!(
        !secret_ids(
            fixtures::RFC7515_A1,
            fixtures::RFC7515_A1_KEY,
            SecretEncoding::Base64Url
        )
        .contains(&"secret-encoding")
    );
}

#[test]
fn role_is_guessed_with_a_reason() {
    let access = report(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        &format!(r#"{{"iat":{NOW},"exp":{}}}"#, NOW + 900),
    );
    let guess = guess_role(&access);
    assert_eq!(guess.role, Role::Access);
    assert!(guess.because.contains("at+jwt"));
    assert_eq!(lifetime(&access), Some(900));

    let refresh = report(
        GOOD_HEADER,
        &format!(r#"{{"iat":{NOW},"exp":{}}}"#, NOW + 30 * 86_400),
    );
    assert_eq!(guess_role(&refresh).role, Role::Refresh);

    let id = report(GOOD_HEADER, r#"{"nonce":"n","aud":"client","exp":1}"#);
    let guess = guess_role(&id);
    assert_eq!(guess.role, Role::Id);
    assert!(guess.because.contains("nonce"));

    let cognito = report(GOOD_HEADER, r#"{"token_use":"access"}"#);
    assert_eq!(guess_role(&cognito).role, Role::Access);
    let keycloak = report(GOOD_HEADER, r#"{"typ":"Refresh"}"#);
    assert_eq!(guess_role(&keycloak).role, Role::Refresh);
    // offline_access in scope says a refresh token was granted alongside,
    // not that this token is one (issue 12): scope makes it an access token.
    let offline = report(GOOD_HEADER, r#"{"scope":"openid offline_access"}"#);
    assert_eq!(guess_role(&offline).role, Role::Access);
    assert_eq!(
        guess_role(&report(GOOD_HEADER, r#"{"sub":"a"}"#)).role,
        Role::Unknown
    );
}

#[test]
fn lifetime_uses_nbf_without_iat() {
    assert_eq!(
        lifetime(&report(GOOD_HEADER, r#"{"nbf":100,"exp":400}"#)),
        Some(300)
    );
    assert_eq!(lifetime(&report(GOOD_HEADER, r#"{"exp":400}"#)), None);
}

/// RFC 9068 §2.2 lists seven required claims; OpenID Connect Core §2 five,
/// and `azp` when `aud` has several values.
#[test]
fn profile_missing_claims_are_one_finding_each() {
    let missing = |header: &str, payload: &str| {
        report(header, payload)
            .findings
            .iter()
            .filter(|f| f.id == "missing-required-claim")
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    };
    let access = missing(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        r#"{"iss":"https://as.example.com","sub":"u","exp":1,"iat":0}"#,
    );
    assert_eq!(access.len(), 3, "{access:?}");
    for claim in ["aud", "client_id", "jti"] {
        assert!(
            access
                .iter()
                .any(|m| m.starts_with(&format!("No {claim}:"))),
            "{claim}: {access:?}"
        );
    }
    let complete = r#"{"iss":"i","exp":1,"aud":"a","sub":"s","client_id":"c","iat":0,"jti":"j"}"#;
    assert!(missing(r#"{"alg":"HS256","typ":"at+jwt"}"#, complete).is_empty());
    let id = missing(
        GOOD_HEADER,
        r#"{"iss":"https://op.example.com","sub":"u","aud":["a","b"],"nonce":"n","auth_time":1}"#,
    );
    let claims: Vec<&str> = id
        .iter()
        .filter_map(|m| m.strip_prefix("No ")?.split(':').next())
        .collect();
    assert_eq!(claims, ["exp", "iat", "azp"]);
}
