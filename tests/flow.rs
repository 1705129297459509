//! Cross-checks between the tokens of one paste (issue 14), against
//! vectors from npm jose and node:crypto (tests/fixtures/flow/flow.json,
//! made by tests/fixtures/flow/generate.mjs): `at_hash`, `c_hash` and
//! `s_hash` for RS256, ES384 and HS512 ID tokens, and a failing case each.

use jwt_lens::jwt::flow::{CrossCheck, HashAlg, Outcome, cross_checks, half_hash};
use jwt_lens::jwt::paste;

fn cases() -> Vec<serde_json::Value> {
    let flow: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/flow/flow.json")).expect("flow.json is JSON");
    flow["cases"].as_array().expect("cases").clone()
}

fn s<'a>(case: &'a serde_json::Value, key: &str) -> &'a str {
    case[key].as_str().expect("a string")
}

fn result<'a>(checks: &'a [CrossCheck], id: &str) -> &'a Outcome {
    &checks
        .iter()
        .find(|c| c.id == id)
        .expect("the check is listed")
        .outcome
}

/// A hybrid-flow redirect (`response_type=code id_token token`): everything
/// the three hashes cover, in one fragment.
fn redirect(case: &serde_json::Value, id_token: &str) -> String {
    format!(
        "https://app.example.com/cb#code={}&state={}&id_token={id_token}&access_token={}&token_type=Bearer&expires_in=3600",
        s(case, "code"),
        s(case, "state"),
        s(case, "access"),
    )
}

#[test]
fn half_hash_matches_node_crypto_for_each_alg() {
    for case in cases() {
        let hash = HashAlg::for_alg(s(&case, "alg")).expect("a hash for the alg");
        assert_eq!(
            half_hash(hash, s(&case, "access")),
            s(&case, "at_hash"),
            "{}",
            s(&case, "alg")
        );
        assert_eq!(
            half_hash(hash, s(&case, "code")),
            s(&case, "c_hash"),
            "{}",
            s(&case, "alg")
        );
        assert_eq!(
            half_hash(hash, s(&case, "state")),
            s(&case, "s_hash"),
            "{}",
            s(&case, "alg")
        );
    }
}

#[test]
fn hybrid_redirect_hashes_pass_for_rs256_es384_hs512() {
    for case in cases() {
        let found = paste::extract(&redirect(&case, s(&case, "id")));
        let checks = cross_checks(&found, "");
        for id in [
            "at_hash",
            "c_hash",
            "s_hash",
            "same-issuer",
            "same-subject",
            "expires-in",
        ] {
            assert_eq!(
                result(&checks, id),
                &Outcome::Pass,
                "{id} for {}",
                s(&case, "alg")
            );
        }
        assert!(matches!(result(&checks, "nonce"), Outcome::Skipped(_)));
    }
}

#[test]
fn at_hash_of_another_access_token_fails() {
    for case in cases() {
        let found = paste::extract(&redirect(&case, s(&case, "wrong_id")));
        let checks = cross_checks(&found, "");
        assert!(
            matches!(result(&checks, "at_hash"), Outcome::Fail(_)),
            "{}",
            s(&case, "alg")
        );
        assert_eq!(result(&checks, "c_hash"), &Outcome::Pass);
    }
}

#[test]
fn token_response_checks_at_hash_expires_in_and_nonce() {
    let case = &cases()[0];
    let response = |expires_in: i64| {
        format!(
            r#"{{"access_token":"{}","token_type":"Bearer","expires_in":{expires_in},"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","id_token":"{}"}}"#,
            s(case, "access"),
            s(case, "id")
        )
    };
    let found = paste::read(&response(3600)).expect("three tokens");
    assert_eq!(found.tokens.len(), 3);
    let checks = cross_checks(&found, s(case, "nonce"));
    assert_eq!(result(&checks, "at_hash"), &Outcome::Pass);
    assert_eq!(result(&checks, "nonce"), &Outcome::Pass);
    assert!(matches!(result(&checks, "c_hash"), Outcome::Skipped(_)));
    // exp - iat is 3600 in the fixture: 60 s off passes, 61 s fails.
    let off = |seconds| cross_checks(&paste::extract(&response(seconds)), "other-nonce");
    assert_eq!(result(&off(3660), "expires-in"), &Outcome::Pass);
    assert!(matches!(result(&off(3661), "expires-in"), Outcome::Fail(_)));
    assert!(matches!(result(&off(3600), "nonce"), Outcome::Fail(_)));
}

#[test]
fn different_issuers_fail_same_issuer() {
    let cases = cases();
    // Case 1's access token is from the same issuer: make one that is not,
    // by pairing with a token whose iss differs (the RFC 7515 A.1 example
    // has iss "joe").
    let rfc7515 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let text = format!(
        r#"{{"access_token":"{rfc7515}","id_token":"{}"}}"#,
        s(&cases[0], "id")
    );
    let checks = cross_checks(&paste::extract(&text), "");
    assert!(matches!(result(&checks, "same-issuer"), Outcome::Fail(_)));
    assert!(matches!(result(&checks, "at_hash"), Outcome::Fail(_)));
}
