//! JWS JSON serialization (RFC 7515 §7.2) and detached, unencoded payloads
//! (RFC 7515 Appendix F, RFC 7797), against the RFCs' own examples: RFC
//! 7515 A.6 and A.7, RFC 7520 §4 (ietf-jose/cookbook) and RFC 7797 §4.

use std::fs;

use jwt_lens::jwt::jws::{self, JwsForm, JwsJsonError, Verdict, all_valid};
use jwt_lens::jwt::verify::{B64Fault, verify_detached};
use jwt_lens::jwt::{
    AlgChoice, Credential, Reason, Secret, SecretEncoding, SignatureStatus, inspect, verify,
};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/jws");
/// No certificate is involved; any time will do.
const NOW: i64 = 1_800_000_000;

fn fixture(path: &str) -> Value {
    let text = fs::read_to_string(format!("{FIXTURES}/{path}")).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn text(v: &Value) -> String {
    v.as_str().expect("a string").to_owned()
}

/// A private JWK with its private members removed.
fn public(jwk: &Value) -> String {
    let mut jwk = jwk.clone();
    for member in ["d", "p", "q", "dp", "dq", "qi"] {
        jwk.as_object_mut().expect("a JWK").remove(member);
    }
    jwk.to_string()
}

fn secret(jwk: &Value) -> Credential<'static> {
    Credential::Secret(Secret::decode(&text(&jwk["k"]), SecretEncoding::Base64Url))
}

fn valid(v: &Verdict) -> bool {
    matches!(v, Verdict::Checked(SignatureStatus::Valid { .. }))
}

#[test]
fn rfc7515_a6_general_serialization_verifies_both_signatures_by_kid() {
    let f = fixture("rfc7515.json");
    let jws = jws::parse(&f["a6_general"].to_string()).expect("reads");
    assert_eq!(jws.form, JwsForm::General);
    assert_eq!(jws.signatures.len(), 2);
    assert_eq!(jws.signatures[0].protected_text, r#"{"alg":"RS256"}"#);
    assert_eq!(
        jws.signatures[1].kid.as_deref(),
        Some("e9bc097a-ce51-4036-9562-d2ade882db0d")
    );
    let verdicts = jws.verdicts_with_public_key(&f["public_jwks"].to_string(), None, NOW);
    assert!(verdicts.iter().all(valid), "{verdicts:?}");
    assert!(all_valid(&verdicts));
}

#[test]
fn rfc7515_a6_with_one_key_is_not_valid_overall() {
    let f = fixture("rfc7515.json");
    let jws = jws::parse(&f["a6_general"].to_string()).expect("reads");
    let rsa_only = f["public_jwks"]["keys"][0].to_string();
    let verdicts = jws.verdicts_with_public_key(&rsa_only, None, NOW);
    assert!(valid(&verdicts[0]), "{verdicts:?}");
    assert_eq!(verdicts[1].as_str(), "invalid", "an RSA key for ES256");
    assert!(!all_valid(&verdicts));
}

#[test]
fn rfc7515_a7_flattened_serialization_verifies() {
    let f = fixture("rfc7515.json");
    let jws = jws::parse(&f["a7_flattened"].to_string()).expect("reads");
    assert_eq!(jws.form, JwsForm::Flattened);
    let ec = f["public_jwks"]["keys"][1].to_string();
    let verdicts = jws.verdicts_with_public_key(&ec, None, NOW);
    assert!(all_valid(&verdicts), "{verdicts:?}");
}

#[test]
fn rfc7515_a7_with_an_altered_payload_is_invalid() {
    let f = fixture("rfc7515.json");
    let mut flat = f["a7_flattened"].clone();
    flat["payload"] = Value::from("eyJpc3MiOiJldmUifQ");
    let jws = jws::parse(&flat.to_string()).expect("reads");
    let ec = f["public_jwks"]["keys"][1].to_string();
    let verdicts = jws.verdicts_with_public_key(&ec, None, NOW);
    assert_eq!(verdicts[0].as_str(), "invalid");
    assert!(!all_valid(&verdicts));
}

/// RFC 7520 §4.1–4.7, each in its JSON forms, with its one key.
#[test]
fn rfc7520_section4_json_serializations_verify() {
    let mut checked = 0;
    for n in 1..=7 {
        let example = fixture(&format!("rfc7520/4_{n}.json"));
        let key = &example["input"]["key"];
        let payload = text(&example["input"]["payload"]);
        for form in ["json", "json_flat"] {
            let Some(json) = example["output"].get(form) else {
                continue;
            };
            let jws = jws::parse(&json.to_string()).expect("reads");
            // §4.5 detaches the payload: the user pastes it.
            let pasted = jws.needs_payload().then_some(payload.as_bytes());
            assert_eq!(jws.needs_payload(), n == 5, "4.{n}");
            let verdicts = if key["kty"] == "oct" {
                jws.verdicts(&secret(key), pasted, AlgChoice::FromToken)
            } else {
                jws.verdicts_with_public_key(&public(key), pasted, NOW)
            };
            assert!(all_valid(&verdicts), "4.{n} {form}: {verdicts:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 14);
}

#[test]
fn rfc7520_4_8_multiple_signatures_each_verify_with_their_own_key() {
    let example = fixture("rfc7520/4_8.json");
    let keys = example["input"]["key"].as_array().expect("three keys");
    let jws = jws::parse(&example["output"]["json"].to_string()).expect("reads");
    assert_eq!(jws.signatures.len(), 3);
    let rsa = jws.signatures[0]
        .verdict_with_public_key(&public(&keys[0]), None, NOW)
        .0;
    let ec = jws.signatures[1]
        .verdict_with_public_key(&public(&keys[1]), None, NOW)
        .0;
    let hmac = jws.signatures[2].verdict(secret(&keys[2]), None, AlgChoice::FromToken);
    assert!(all_valid(&[rsa, ec, hmac.clone()]));
    // One secret for all three: the public-key signatures are not checked
    // with it, so the whole is not valid.
    let with_secret = jws.verdicts(&secret(&keys[2]), None, AlgChoice::FromToken);
    assert_eq!(
        with_secret.iter().map(Verdict::as_str).collect::<Vec<_>>(),
        ["unverified", "unverified", "valid"]
    );
    assert!(!all_valid(&with_secret));
}

#[test]
fn rfc7797_4_1_encoded_payload_verifies_attached_and_detached() {
    let f = fixture("rfc7797.json");
    let credential = || secret(&f["key"]);
    let compact = text(&f["s4_1"]["compact"]);
    let report = inspect(&compact).expect("reads");
    assert_eq!(
        verify(&report, credential(), AlgChoice::FromToken).as_str(),
        "valid"
    );
    // The same signature with the payload detached, given as the signer had it.
    let (header, rest) = compact.split_once('.').expect("segments");
    let (_, signature) = rest.split_once('.').expect("segments");
    let detached = inspect(&format!("{header}..{signature}")).expect("reads");
    let payload = text(&f["payload"]);
    let status = verify_detached(
        &detached,
        payload.as_bytes(),
        credential(),
        AlgChoice::FromToken,
    );
    assert_eq!(status.as_str(), "valid", "{status:?}");
}

#[test]
fn rfc7797_4_2_unencoded_payload_verifies_detached_and_in_json() {
    let f = fixture("rfc7797.json");
    let payload = text(&f["payload"]);
    let report = inspect(&text(&f["s4_2"]["detached_compact"])).expect("reads");
    let status = verify_detached(
        &report,
        payload.as_bytes(),
        secret(&f["key"]),
        AlgChoice::FromToken,
    );
    assert_eq!(status.as_str(), "valid", "{status:?}");
    let wrong = verify_detached(&report, b"$.03", secret(&f["key"]), AlgChoice::FromToken);
    assert!(
        matches!(
            wrong,
            SignatureStatus::Invalid {
                reason: Reason::Mismatch,
                ..
            }
        ),
        "{wrong:?}"
    );
    let jws = jws::parse(&f["s4_2"]["json_flat"].to_string()).expect("reads");
    assert!(!jws.needs_payload(), "the unencoded payload is in the JSON");
    let verdicts = jws.verdicts(&secret(&f["key"]), None, AlgChoice::FromToken);
    assert!(all_valid(&verdicts), "{verdicts:?}");
}

#[test]
fn b64_false_without_crit_is_refused() {
    let f = fixture("rfc7797.json");
    // {"alg":"HS256","b64":false}: RFC 7797 §6 requires "b64" in crit.
    let token = "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2V9..GsyM6AQJbQHY8aQKCbZSPJHzMRWo3HKIlcDuXof7nqs";
    let report = inspect(token).expect("reads");
    let status = verify_detached(&report, b"$.02", secret(&f["key"]), AlgChoice::FromToken);
    assert!(
        matches!(
            status,
            SignatureStatus::Invalid {
                reason: Reason::Unencoded(B64Fault::NotCritical),
                ..
            }
        ),
        "{status:?}"
    );
}

#[test]
fn detached_payload_for_a_token_with_its_own_payload_is_refused() {
    let f = fixture("rfc7797.json");
    let report = inspect(&text(&f["s4_1"]["compact"])).expect("reads");
    let status = verify_detached(&report, b"$.02", secret(&f["key"]), AlgChoice::FromToken);
    assert!(
        matches!(
            status,
            SignatureStatus::Invalid {
                reason: Reason::PayloadNotDetached,
                ..
            }
        ),
        "{status:?}"
    );
}

#[test]
fn a_parameter_in_both_headers_refuses_that_signature() {
    let example = fixture("rfc7520/4_6.json");
    let mut json = example["output"]["json_flat"].clone();
    json["header"]["alg"] = Value::from("HS256");
    let jws = jws::parse(&json.to_string()).expect("reads");
    let verdicts = jws.verdicts(
        &secret(&example["input"]["key"]),
        None,
        AlgChoice::FromToken,
    );
    assert_eq!(
        verdicts,
        [Verdict::Refused(JwsJsonError::Duplicate {
            name: "alg".to_owned()
        })]
    );
    assert_eq!(verdicts[0].as_str(), "invalid");
}

#[test]
fn b64_in_the_unprotected_header_refuses_that_signature() {
    let example = fixture("rfc7520/4_6.json");
    let mut json = example["output"]["json_flat"].clone();
    json["header"]["b64"] = Value::from(false);
    let jws = jws::parse(&json.to_string()).expect("reads");
    assert_eq!(
        jws.signatures[0].problem,
        Some(JwsJsonError::Unprotected { name: "b64" })
    );
}

#[test]
fn jwe_json_is_not_a_jws() {
    let err = jws::parse(r#"{"protected":"e30","ciphertext":"AAAA","iv":"","tag":""}"#)
        .expect_err("a JWE");
    assert!(err.to_string().contains("encrypted JWE"), "{err}");
}
