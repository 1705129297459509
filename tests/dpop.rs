//! DPoP proofs (RFC 9449 §4.3) made by npm jose (tests/fixtures/flow/
//! generate.mjs): a good proof passes every check; tampered ones (`htu`,
//! `ath`, a private `jwk`, a `jwk` that did not sign) fail the right one.

use jwt_lens::jwt::flow::{
    CrossCheck, Outcome, dpop_checks, dpop_proof, jwk_thumbprint, proof_key, signature_check,
};
use jwt_lens::jwt::{AlgChoice, paste, verify};

fn dpop() -> serde_json::Value {
    let flow: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/flow/flow.json")).expect("flow.json is JSON");
    flow["dpop"].clone()
}

fn s<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v[key].as_str().expect("a string")
}

/// Every check for Chrome's "Copy as cURL" of the request carrying `proof`.
fn checks(proof_name: &str) -> Vec<CrossCheck> {
    let d = dpop();
    let now = d["iat"].as_i64().expect("iat") + 30;
    let text = format!(
        "curl 'https://api.example.com/me?fields=name' \\\n  -H 'accept: application/json' \\\n  -H 'authorization: DPoP {}' \\\n  -H 'dpop: {}'",
        s(&d, "access"),
        s(&d, proof_name)
    );
    let found = paste::extract(&text);
    let mut out = dpop_checks(&found, now, 0);
    let proof = dpop_proof(&found).expect("a proof");
    let key = proof_key(&proof).expect("the proof's jwk");
    let (status, _) = verify::with_public_key(&proof, AlgChoice::FromToken, &key, now);
    out.push(signature_check(&status));
    out
}

fn failed(checks: &[CrossCheck]) -> Vec<&'static str> {
    checks
        .iter()
        .filter(|c| matches!(c.outcome, Outcome::Fail(_)))
        .map(|c| c.id)
        .collect()
}

#[test]
fn jose_proof_passes_every_check() {
    let checks = checks("proof");
    let ids: Vec<&str> = checks.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [
            "dpop-typ",
            "dpop-alg",
            "dpop-jwk",
            "dpop-jti",
            "dpop-htm",
            "dpop-htu",
            "dpop-iat",
            "dpop-ath",
            "dpop-jkt",
            "dpop-signature"
        ]
    );
    assert!(
        checks.iter().all(|c| c.outcome == Outcome::Pass),
        "{checks:?}"
    );
}

#[test]
fn thumbprint_matches_jose_calculate_jwk_thumbprint() {
    let d = dpop();
    let found = paste::extract(&format!("DPoP: {}", s(&d, "proof")));
    let proof = dpop_proof(&found).expect("a proof");
    let jwk = proof
        .header
        .as_ref()
        .and_then(|h| h.json.as_ref())
        .and_then(|h| h.get("jwk"))
        .expect("jwk");
    assert_eq!(jwk_thumbprint(jwk).as_deref(), Some(s(&d, "jkt")));
}

#[test]
fn tampered_htu_fails_htu_only() {
    assert_eq!(failed(&checks("wrong_htu")), ["dpop-htu"]);
}

#[test]
fn tampered_ath_fails_ath_only() {
    assert_eq!(failed(&checks("wrong_ath")), ["dpop-ath"]);
}

#[test]
fn private_jwk_fails_jwk() {
    assert!(failed(&checks("private_jwk")).contains(&"dpop-jwk"));
}

#[test]
fn jwk_that_did_not_sign_fails_signature_and_jkt() {
    assert_eq!(failed(&checks("other_jwk")), ["dpop-jkt", "dpop-signature"]);
}

#[test]
fn stale_proof_fails_iat() {
    let d = dpop();
    let found = paste::extract(&format!(
        "GET /me HTTP/1.1\nHost: api.example.com\nDPoP: {}\n",
        s(&d, "proof")
    ));
    let late = d["iat"].as_i64().expect("iat") + 301;
    let checks = dpop_checks(&found, late, 0);
    assert_eq!(failed(&checks), ["dpop-iat"]);
    assert!(
        failed(&dpop_checks(&found, late, 1)).is_empty(),
        "leeway widens the window"
    );
}
