//! Validation checks, each with its leeway edges.

mod fixtures;

use fixtures::unsigned;
use jwt_lens::jwt::{
    Alg, AlgChoice, Credential, Expectations, HmacAlg, Outcome, Secret, SignatureStatus, Verdict,
    inspect, sign, split_list, validate, verify,
};

const NOW: i64 = 1_700_000_000;

fn expect(now: i64, leeway: i64) -> Expectations {
    Expectations {
        issuer: None,
        audiences: Vec::new(),
        nonce: None,
        leeway,
        now,
    }
}

fn outcome(payload: &str, expectations: &Expectations, id: &str) -> Outcome {
    let r = inspect(&unsigned(r#"{"alg":"HS256"}"#, payload, "c2ln")).unwrap();
    let v = validate(
        &r,
        &SignatureStatus::Valid {
            alg: Alg::Hmac(HmacAlg::Hs256),
        },
        expectations,
    );
    v.checks.iter().find(|c| c.id == id).unwrap().outcome
}

#[test]
fn exp_in_future_passes_and_at_exp_fails() {
    assert_eq!(
        outcome(r#"{"exp":101}"#, &expect(100, 0), "exp"),
        Outcome::Pass
    );
    assert_eq!(
        outcome(r#"{"exp":100}"#, &expect(100, 0), "exp"),
        Outcome::Fail
    );
}

#[test]
fn exp_in_past_but_in_leeway_passes() {
    assert_eq!(
        outcome(r#"{"exp":100}"#, &expect(109, 10), "exp"),
        Outcome::Pass
    );
    assert_eq!(
        outcome(r#"{"exp":100}"#, &expect(110, 10), "exp"),
        Outcome::Fail
    );
}

#[test]
fn missing_exp_fails() {
    assert_eq!(
        outcome(r#"{"sub":"a"}"#, &expect(100, 0), "exp"),
        Outcome::Fail
    );
    assert_eq!(
        outcome(r#"{"exp":"tomorrow"}"#, &expect(100, 0), "exp"),
        Outcome::Fail
    );
}

#[test]
fn nbf_edges_with_leeway() {
    assert_eq!(
        outcome(r#"{"nbf":100}"#, &expect(100, 0), "nbf"),
        Outcome::Pass
    );
    assert_eq!(
        outcome(r#"{"nbf":100}"#, &expect(99, 0), "nbf"),
        Outcome::Fail
    );
    assert_eq!(
        outcome(r#"{"nbf":100}"#, &expect(95, 5), "nbf"),
        Outcome::Pass
    );
    assert_eq!(
        outcome(r#"{"nbf":100}"#, &expect(94, 5), "nbf"),
        Outcome::Fail
    );
    assert_eq!(
        outcome(r#"{"sub":"a"}"#, &expect(94, 5), "nbf"),
        Outcome::Skipped
    );
}

#[test]
fn iat_in_future_fails_unless_within_leeway() {
    assert_eq!(
        outcome(r#"{"iat":100}"#, &expect(100, 0), "iat"),
        Outcome::Pass
    );
    assert_eq!(
        outcome(r#"{"iat":101}"#, &expect(100, 0), "iat"),
        Outcome::Fail
    );
    assert_eq!(
        outcome(r#"{"iat":105}"#, &expect(100, 5), "iat"),
        Outcome::Pass
    );
    assert_eq!(
        outcome(r#"{"sub":"a"}"#, &expect(100, 5), "iat"),
        Outcome::Skipped
    );
}

#[test]
fn issuer_must_match_exactly_when_expected() {
    let mut e = expect(NOW, 0);
    assert_eq!(outcome(r#"{"iss":"a"}"#, &e, "iss"), Outcome::Skipped);
    e.issuer = Some("https://a.example".into());
    assert_eq!(
        outcome(r#"{"iss":"https://a.example"}"#, &e, "iss"),
        Outcome::Pass
    );
    assert_eq!(
        outcome(r#"{"iss":"https://a.example/"}"#, &e, "iss"),
        Outcome::Fail
    );
    assert_eq!(outcome(r#"{"sub":"a"}"#, &e, "iss"), Outcome::Fail);
}

#[test]
fn audience_may_be_a_string_or_an_array() {
    let mut e = expect(NOW, 0);
    assert_eq!(outcome(r#"{"aud":"api"}"#, &e, "aud"), Outcome::Skipped);
    e.audiences = split_list("web, api");
    assert_eq!(outcome(r#"{"aud":"api"}"#, &e, "aud"), Outcome::Pass);
    assert_eq!(
        outcome(r#"{"aud":["other","web"]}"#, &e, "aud"),
        Outcome::Pass
    );
    assert_eq!(outcome(r#"{"aud":["other"]}"#, &e, "aud"), Outcome::Fail);
    assert_eq!(outcome(r#"{"aud":7}"#, &e, "aud"), Outcome::Fail);
    assert_eq!(outcome(r#"{"sub":"a"}"#, &e, "aud"), Outcome::Fail);
}

#[test]
fn verdict_needs_every_check_and_the_signature() {
    let key = Secret::from_bytes(vec![1; 32]);
    let payload = format!(r#"{{"iss":"i","aud":"a","exp":{}}}"#, NOW + 60);
    let token = sign(HmacAlg::Hs256, r#"{"alg":"HS256"}"#, &payload, &key);
    let r = inspect(&token).unwrap();
    let e = Expectations {
        issuer: Some("i".into()),
        audiences: vec!["a".into()],
        nonce: None,
        leeway: 0,
        now: NOW,
    };

    let valid = verify(&r, Credential::Secret(Ok(key)), AlgChoice::FromToken);
    assert_eq!(validate(&r, &valid, &e).verdict, Verdict::Valid);

    let unverified = verify(&r, Credential::None, AlgChoice::FromToken);
    let v = validate(&r, &unverified, &e);
    assert_eq!(v.verdict, Verdict::Unverified);
    assert_eq!(v.checks[0].outcome, Outcome::Skipped);

    let wrong = verify(
        &r,
        Credential::Secret(Ok(Secret::from_bytes(vec![2; 32]))),
        AlgChoice::FromToken,
    );
    assert_eq!(validate(&r, &wrong, &e).verdict, Verdict::Invalid);

    let late = Expectations { now: NOW + 61, ..e };
    assert_eq!(validate(&r, &valid, &late).verdict, Verdict::Invalid);
}

#[test]
fn unsigned_token_fails_the_signature_check() {
    let r = inspect(&unsigned(r#"{"alg":"none"}"#, r#"{"exp":9999999999}"#, "")).unwrap();
    let status = verify(&r, Credential::None, AlgChoice::FromToken);
    let v = validate(&r, &status, &expect(NOW, 0));
    assert_eq!(v.checks[0].id, "signature");
    assert_eq!(v.checks[0].outcome, Outcome::Fail);
    assert_eq!(v.verdict, Verdict::Invalid);
}

/// OpenID Connect Core §3.1.3.7 step 11: the ID token's nonce must be the
/// one the client sent; nothing typed, nothing checked.
#[test]
fn nonce_must_equal_the_one_sent() {
    let signed = SignatureStatus::Unverified {
        reason: jwt_lens::jwt::Reason::NoSecret,
    };
    let report = inspect(&fixtures::unsigned(
        r#"{"alg":"HS256"}"#,
        r#"{"sub":"x","nonce":"n-0S6_WzA2Mj"}"#,
        "c2ln",
    ))
    .unwrap();
    let outcome = |nonce: Option<&str>| {
        let mut e = expect(NOW, 0);
        e.nonce = nonce.map(str::to_owned);
        let v = validate(&report, &signed, &e);
        v.checks.iter().find(|c| c.id == "nonce").map(|c| c.outcome)
    };
    assert_eq!(outcome(None), Some(Outcome::Skipped));
    assert_eq!(outcome(Some(" ")), Some(Outcome::Skipped));
    assert_eq!(outcome(Some("n-0S6_WzA2Mj")), Some(Outcome::Pass));
    assert_eq!(outcome(Some("another")), Some(Outcome::Fail));
}

/// Only an ID token repeats the nonce (OpenID Connect Core §3.1.3.7): an
/// RFC 9068 access token (`typ` `at+jwt`, §2.1) shown beside the ID token of
/// the same login has none, and is not failed for it; an ID token without
/// one is.
#[test]
fn missing_nonce_fails_an_id_token_and_skips_an_access_token() {
    let mut e = expect(NOW, 0);
    e.nonce = Some("n-0S6_WzA2Mj".to_owned());
    let nonce = |header: &str, payload: &str| {
        let report = inspect(&unsigned(header, payload, "c2ln")).unwrap();
        let signed = SignatureStatus::Valid {
            alg: Alg::Hmac(HmacAlg::Hs256),
        };
        let v = validate(&report, &signed, &e);
        v.checks.iter().find(|c| c.id == "nonce").map(|c| c.outcome)
    };
    let access = nonce(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        r#"{"iss":"https://as.example/","sub":"u","aud":"api","client_id":"c","scope":"read","jti":"j","iat":1,"exp":2}"#,
    );
    assert_eq!(access, Some(Outcome::Skipped));
    // OpenID Connect Core §2's ID token, with at_hash and auth_time.
    let id = nonce(
        r#"{"alg":"HS256"}"#,
        r#"{"iss":"https://op.example/","sub":"u","aud":"client","iat":1,"exp":2,"auth_time":1,"at_hash":"77QmUPtjPfzWtF2AnpK9RQ"}"#,
    );
    assert_eq!(id, Some(Outcome::Fail));
}
