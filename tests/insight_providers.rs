//! Provider-shaped tokens: their role, their issuer family, and no danger
//! finding on anything a real provider issues by default.
//!
//! The corpus (`fixtures/providers.json`) is built from each provider's
//! documentation, cited per token; the expected role and family come from
//! that documentation, not from JWT Lens.

mod fixtures;

use jwt_lens::jwt::insight::{clock_findings, guess_role, issuer_family};
use jwt_lens::jwt::{Finding, Report, Severity, TimeClaim, base64url, inspect};
use serde_json::Value;

const NOW: i64 = 1_767_225_600;

/// A corpus token by name: (report, expected role, expected family).
fn corpus(name: &str) -> (Report, String, String) {
    let all: Vec<Value> =
        serde_json::from_str(include_str!("fixtures/providers.json")).expect("corpus is JSON");
    let entry = all
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no corpus token {name}"));
    (
        build(&entry["header"], &entry["payload"]),
        entry["role"].as_str().unwrap().to_owned(),
        entry["family"].as_str().unwrap().to_owned(),
    )
}

fn names() -> Vec<String> {
    let all: Vec<Value> = serde_json::from_str(include_str!("fixtures/providers.json")).unwrap();
    all.iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

/// Encodes header and payload as the provider would, with a dummy signature
/// of the length the algorithm produces: roles never depend on the signature.
fn build(header: &Value, payload: &Value) -> Report {
    let length = match header["alg"].as_str().unwrap() {
        "HS256" => 32,
        "HS512" | "ES256" | "EdDSA" => 64,
        "RS256" | "PS256" => 256,
        other => panic!("add a signature length for {other}"),
    };
    let token = format!(
        "{}.{}.{}",
        base64url::encode(header.to_string().as_bytes()),
        base64url::encode(payload.to_string().as_bytes()),
        base64url::encode(&vec![7u8; length])
    );
    inspect(&token).unwrap()
}

/// Every finding the page shows without a secret, at a moment inside the
/// token's lifetime (just after iat).
fn all_findings(report: &Report) -> Vec<Finding> {
    let now = report.time_claim(TimeClaim::Iat).unwrap_or(NOW) + 1;
    let mut all = report.findings.clone();
    all.extend(clock_findings(report, now));
    all
}

fn dangers(report: &Report) -> Vec<String> {
    all_findings(report)
        .into_iter()
        .filter(|f| f.severity == Severity::Danger)
        .map(|f| format!("{}: {}", f.id, f.message))
        .collect()
}

fn check(name: &str) {
    let (report, role, family) = corpus(name);
    assert!(report.errors.is_empty(), "{name}: {:?}", report.errors);
    let guess = guess_role(&report);
    assert_eq!(guess.role.as_str(), role, "{name}: {}", guess.because);
    assert!(!guess.unsure, "{name}: {}", guess.because);
    assert_eq!(
        issuer_family(&report).family.as_str(),
        family,
        "{name}: {}",
        issuer_family(&report).because
    );
    assert_eq!(dangers(&report), Vec::<String>::new(), "{name}");
}

macro_rules! corpus_tests {
    ($($test:ident => $name:literal,)*) => {
        $(#[test] fn $test() { check($name); })*

        #[test]
        fn every_corpus_token_has_a_named_test() {
            let tested = [$($name),*];
            for name in names() {
                assert!(tested.contains(&name.as_str()), "{name} has no test");
            }
        }
    };
}

corpus_tests! {
    keycloak_access_token_is_access => "keycloak_access",
    keycloak_refresh_token_is_refresh => "keycloak_refresh",
    keycloak_id_token_is_id => "keycloak_id",
    entra_v1_access_token_is_access => "entra_v1_access",
    entra_v2_access_token_is_access => "entra_v2_access",
    entra_v2_id_token_is_id => "entra_v2_id",
    cognito_access_token_is_access => "cognito_access",
    cognito_id_token_is_id => "cognito_id",
    auth0_access_token_is_access => "auth0_access",
    auth0_id_token_is_id => "auth0_id",
    okta_access_token_is_access => "okta_access",
    okta_id_token_is_id => "okta_id",
    google_id_token_is_id => "google_id",
    firebase_id_token_is_id => "firebase_id",
    github_actions_token_is_id => "github_actions",
    kubernetes_service_account_token_is_access => "kubernetes_service_account",
    rfc9068_access_token_with_auth_time_is_access => "rfc9068_access",
    dpop_proof_is_dpop_proof => "dpop_proof",
    logout_token_is_logout => "logout_token",
    client_assertion_is_client_assertion => "client_assertion",
    security_event_token_is_security_event => "security_event",
}

#[test]
#[ignore = "prints the corpus's guesses and findings for review"]
fn corpus_report() {
    for name in names() {
        let (report, _, _) = corpus(&name);
        let guess = guess_role(&report);
        println!(
            "{name}: {} [{}] {}",
            guess.role.as_str(),
            issuer_family(&report).family.as_str(),
            guess.because
        );
        for f in all_findings(&report) {
            println!("    {} {}: {}", f.severity, f.id, f.message);
        }
    }
}

#[test]
fn auth0_default_lifetime_is_explained_and_not_danger() {
    let (report, _, _) = corpus("auth0_access");
    let long = all_findings(&report)
        .into_iter()
        .find(|f| f.id == "long-lifetime")
        .expect("24 h is still long");
    assert_ne!(long.severity, Severity::Danger);
    assert!(long.message.contains("Auth0"), "{}", long.message);
    assert!(long.message.contains("default"), "{}", long.message);
}
