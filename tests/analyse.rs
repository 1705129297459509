//! The reports the page shows for what is not a plain compact JWS: a
//! decrypted JWE's plaintext, a JSON serialization's compact view, and a
//! detached payload put back (issue 16), against RFC 7516, RFC 7520 and
//! RFC 7797 examples.

use std::fs;

use jwt_lens::jwt::jwe;
use jwt_lens::jwt::{
    AlgChoice, Credential, Error, Secret, SecretEncoding, decode, inspect_decrypted,
    with_detached_payload,
};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(path: &str) -> Value {
    let text = fs::read_to_string(format!("{FIXTURES}/{path}")).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn text(v: &Value) -> String {
    v.as_str().expect("a string").to_owned()
}

#[test]
fn decrypted_rfc7516_a3_shows_its_plaintext_as_the_payload() {
    let a3 = &fixture("jwe/rfc7516.json")["vectors"][2];
    let token = text(&a3["token"]);
    let report = inspect_decrypted(&token, text(&a3["plaintext"]).as_bytes()).expect("a report");
    assert!(!report.errors.contains(&Error::Jwe), "{:?}", report.errors);
    let payload = report.payload.as_ref().expect("a payload");
    assert_eq!(payload.text, "Live long and prosper.");
    assert_eq!(payload.json, None);
    assert_eq!(
        report.header.as_ref().map(|h| h.text.as_str()),
        Some(r#"{"alg":"A128KW","enc":"A128CBC-HS256"}"#)
    );
    let ids: Vec<&str> = report.findings.iter().map(|f| f.id).collect();
    assert!(
        ids.contains(&"jwe-unsigned") && !ids.contains(&"jwe"),
        "{ids:?}"
    );
}

#[test]
fn decrypted_json_plaintext_is_shown_as_json_claims() {
    let a3 = &fixture("jwe/rfc7516.json")["vectors"][2];
    let report =
        inspect_decrypted(&text(&a3["token"]), br#"{"sub":"alice","exp":1}"#).expect("a report");
    let claims = report.claims().expect("claims");
    assert_eq!(claims.get("sub").and_then(|v| v.as_str()), Some("alice"));
}

#[test]
fn json_serialization_compact_view_carries_the_first_recipients_whole_header() {
    let example = fixture("jwe/rfc7520/5_13.json");
    let json = example["output"]["json"].to_string();
    let parsed = jwe::parse(&json).expect("reads");
    let view = decode(&parsed.compact_view()).expect("a report");
    assert_eq!(view.segments.len(), 5);
    let header = view.header.and_then(|h| h.json).expect("a header");
    // RFC 7520 §5.13: the first recipient's own header, then the shared
    // protected `enc` and unprotected `cty`.
    assert_eq!(header.get("alg").and_then(|v| v.as_str()), Some("RSA1_5"));
    assert_eq!(
        header.get("kid").and_then(|v| v.as_str()),
        Some("frodo.baggins@hobbiton.example")
    );
    assert_eq!(
        header.get("enc").and_then(|v| v.as_str()),
        Some("A128CBC-HS256")
    );
}

#[test]
fn rfc7797_detached_payload_is_shown_and_still_verifies() {
    let f = fixture("jws/rfc7797.json");
    let token = text(&f["s4_2"]["detached_compact"]);
    let payload = text(&f["payload"]);
    let report = decode(&token).expect("a report");
    assert!(!report.errors.is_empty(), "an empty payload is not JSON");
    let shown = with_detached_payload(&report, payload.as_bytes());
    assert!(shown.errors.is_empty(), "{:?}", shown.errors);
    assert_eq!(
        shown.payload.as_ref().map(|p| p.text.as_str()),
        Some("$.02")
    );
    let key = Secret::decode(&text(&f["key"]["k"]), SecretEncoding::Base64Url);
    let status = jwt_lens::jwt::verify::verify_detached(
        &shown,
        payload.as_bytes(),
        Credential::Secret(key),
        AlgChoice::FromToken,
    );
    assert_eq!(status.as_str(), "valid", "{}", status.message());
}

/// A compact JWS over `header` and the raw-DEFLATE `payload`, as SMART
/// Health Cards make them; compressed by miniz_oxide's deflater, which JWT
/// Lens does not use (it only inflates).
fn zipped(header: &str, payload: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(payload, 6);
    format!(
        "{}.{}.AAAA",
        jwt_lens::jwt::base64url::encode(header.as_bytes()),
        jwt_lens::jwt::base64url::encode(&deflated)
    )
}

#[test]
fn zip_def_on_a_jws_is_inflated_and_flagged() {
    let token = zipped(
        r#"{"zip":"DEF","alg":"ES256","kid":"shc"}"#,
        br#"{"iss":"https://smarthealth.cards/examples/issuer","nbf":1,"vc":{"type":["https://smarthealth.cards#health-card"]}}"#,
    );
    let report = jwt_lens::jwt::inspect(&token).expect("a report");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let iss = report
        .claims()
        .and_then(|c| c.get("iss"))
        .and_then(|v| v.as_str());
    assert_eq!(iss, Some("https://smarthealth.cards/examples/issuer"));
    let message = zip_jws_message(&report);
    assert!(message.contains("RFC 7515"), "{message}");
    assert_eq!(
        report.findings.iter().filter(|f| f.id == "zip-jws").count(),
        1
    );
}

#[test]
fn zip_def_that_is_not_deflate_is_flagged_and_left_as_is() {
    let token = format!(
        "{}.{}.AAAA",
        jwt_lens::jwt::base64url::encode(br#"{"zip":"DEF","alg":"HS256"}"#),
        jwt_lens::jwt::base64url::encode(&[0xff, 0xff, 0xff])
    );
    let report = jwt_lens::jwt::inspect(&token).expect("a report");
    assert!(!report.errors.is_empty());
    let message = zip_jws_message(&report);
    assert!(message.contains("could not be inflated"), "{message}");
}

/// The text of the report's `zip-jws` finding, which must be there.
fn zip_jws_message(report: &jwt_lens::jwt::Report) -> &str {
    let finding = report.findings.iter().find(|f| f.id == "zip-jws");
    &finding.expect("flagged").message
}

#[test]
fn zip_bomb_on_a_jws_stops_at_the_cap() {
    let token = zipped(
        r#"{"zip":"DEF","alg":"HS256"}"#,
        &vec![b'a'; 3 * 1024 * 1024],
    );
    let report = jwt_lens::jwt::inspect(&token).expect("a report");
    let message = zip_jws_message(&report);
    assert!(message.contains("more than 2097152 bytes"), "{message}");
}
