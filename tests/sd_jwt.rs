//! SD-JWT (RFC 9901): RFC 9901's own disclosure and digest, and its examples
//! as the reference implementation (PyPI `sd-jwt`, which made the RFC's
//! examples) generates them with the RFC's keys and salts; see
//! tests/fixtures/sd_jwt/generate.py.

use std::collections::BTreeSet;

use jwt_lens::jwt::sd_jwt::{self, HashAlg, KbExpectations, Malformed, SdJwt, State};
use jwt_lens::jwt::{self, AlgChoice, Outcome, Report, SignatureStatus};
use serde_json::Value;

const EXAMPLES: &str = include_str!("fixtures/sd_jwt/examples.json");

fn fixtures() -> Value {
    serde_json::from_str(EXAMPLES).expect("examples.json is JSON")
}

fn example(name: &str, field: &str) -> String {
    fixtures()["examples"][name][field]
        .as_str()
        .expect("a string field")
        .to_owned()
}

fn read(text: &str) -> (Report, SdJwt) {
    let report = jwt::inspect(text).expect("not empty");
    let sd = sd_jwt::read(&report).expect("an SD-JWT");
    (report, sd)
}

fn processed(sd: &SdJwt) -> Value {
    let text = sd.processed.as_ref().expect("a payload").pretty();
    serde_json::from_str(&text).expect("processed payload is JSON")
}

fn ids(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.id).collect()
}

fn expectations(now: i64) -> KbExpectations {
    let f = fixtures();
    KbExpectations {
        audiences: vec![f["aud"].as_str().unwrap().to_owned()],
        nonce: f["nonce"].as_str().unwrap().to_owned(),
        now,
        leeway: 0,
    }
}

/// The KB-JWT checks as the page runs them, with the public-key check in
/// this process.
fn kb_checks(report: &Report, sd: &SdJwt, now: i64) -> Vec<(&'static str, Outcome, String)> {
    let kb = sd_jwt::kb_report(sd).expect("a KB-JWT");
    let status = sd_jwt::holder_key(report)
        .map(|key| jwt::verify::with_public_key(&kb, AlgChoice::FromToken, &key, now).0);
    sd_jwt::kb_checks(sd, &kb, status.as_ref(), &expectations(now))
        .into_iter()
        .map(|c| (c.id, c.outcome, c.reason))
        .collect()
}

fn outcome(checks: &[(&'static str, Outcome, String)], id: &str) -> Outcome {
    checks.iter().find(|c| c.0 == id).expect("the check").1
}

fn kb_iat(name: &str) -> i64 {
    fixtures()["examples"][name]["kb_jwt_payload"]["iat"]
        .as_i64()
        .unwrap()
}

#[test]
fn rfc_family_name_disclosure_has_the_rfc_digest() {
    // RFC 9901 §4.2.1 and §4.2.3, printed in the RFC.
    let disclosure = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
    assert_eq!(
        HashAlg::Sha256.digest(disclosure),
        "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0"
    );
    let content = sd_jwt::Content {
        salt: "_26bc4LT-ac6q2KI6cBW5es".to_owned(),
        name: Some("family_name".to_owned()),
        value: jwt::Json::String("Möbius".to_owned()),
    };
    assert_eq!(sd_jwt::decode_disclosure(disclosure), Ok(content));
}

#[test]
fn rfc_given_name_disclosure_has_the_rfc_digest() {
    // RFC 9901 §5.1 and Appendix A's simple example.
    assert_eq!(
        HashAlg::Sha256.digest("WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd"),
        "jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4"
    );
}

#[test]
fn rfc_examples_presentations_process_to_the_verified_contents() {
    for name in [
        "simple",
        "simple_structured",
        "address_only_recursive",
        "arf-pid",
    ] {
        let (_, sd) = read(&example(name, "presentation"));
        assert!(sd.disclosures_ok(), "{name}: {:?}", sd.problems);
        assert_eq!(
            processed(&sd),
            fixtures()["examples"][name]["verified_contents"],
            "{name}"
        );
    }
}

#[test]
fn rfc_examples_issuance_digests_are_the_rfc_payload_digests() {
    for name in [
        "simple",
        "simple_structured",
        "address_only_recursive",
        "arf-pid",
    ] {
        let (_, sd) = read(&example(name, "issuance"));
        assert!(sd.disclosures_ok(), "{name}: {:?}", sd.problems);
        // Every digest we compute is one the RFC's payload (or a disclosure
        // inside it) prints; the rest are decoys or undisclosed.
        let printed = fixtures()["examples"][name]["sd_jwt_payload"].to_string();
        let ours: BTreeSet<String> = sd
            .disclosures
            .iter()
            .filter_map(|d| d.digest.clone())
            .collect();
        let nested: String = sd.disclosures.iter().map(|d| d.text.clone()).collect();
        for digest in &ours {
            let in_nested = sd.disclosures.iter().any(|d| {
                d.content
                    .as_ref()
                    .is_ok_and(|c| c.value.pretty().contains(digest.as_str()))
            });
            assert!(
                printed.contains(digest.as_str()) || in_nested,
                "{name}: {digest} {nested:.0}"
            );
        }
        // Everything the user had is disclosed, with exact values.
        let all = processed(&sd);
        for (claim, value) in fixtures()["examples"][name]["user_claims"]
            .as_object()
            .unwrap()
        {
            assert_eq!(&all[claim], value, "{name}: {claim}");
        }
    }
}

#[test]
fn rfc_simple_example_issuer_signature_verifies_with_the_issuer_key() {
    let (report, _) = read(&example("simple", "presentation"));
    let key = fixtures()["issuer_jwk"].to_string();
    let (status, _) =
        jwt::verify::with_public_key(&report, AlgChoice::FromToken, &key, 1_700_000_000);
    assert!(
        matches!(status, SignatureStatus::Valid { .. }),
        "{status:?}"
    );
}

#[test]
fn rfc_simple_example_key_binding_passes_every_check() {
    let (report, sd) = read(&example("simple", "presentation"));
    let checks = kb_checks(&report, &sd, kb_iat("simple"));
    for id in ["typ", "signature", "sd_hash", "iat", "aud", "nonce"] {
        assert_eq!(outcome(&checks, id), Outcome::Pass, "{id}: {checks:?}");
    }
    assert!(!ids(&report).contains(&"sd-no-key-binding"));
}

#[test]
fn sd_jwt_vc_typ_is_read_without_a_typ_finding() {
    let (report, sd) = read(&example("arf-pid", "presentation"));
    assert!(sd.disclosures_ok());
    assert!(
        !ids(&report).contains(&"unexpected-typ"),
        "{:?}",
        ids(&report)
    );
    let checks = kb_checks(&report, &sd, kb_iat("arf-pid"));
    assert_eq!(outcome(&checks, "signature"), Outcome::Pass, "{checks:?}");
}

#[test]
fn kb_jwt_signed_by_another_key_fails_the_signature_check() {
    let f = fixtures();
    let text = f["kb_by_other_key"]["presentation"].as_str().unwrap();
    let (report, sd) = read(text);
    let checks = kb_checks(&report, &sd, f["kb_by_other_key"]["iat"].as_i64().unwrap());
    assert_eq!(outcome(&checks, "signature"), Outcome::Fail, "{checks:?}");
    assert_eq!(outcome(&checks, "sd_hash"), Outcome::Pass, "{checks:?}");
}

#[test]
fn dropped_disclosure_fails_sd_hash() {
    let text = example("simple", "presentation");
    let parts: Vec<&str> = text.split('~').collect();
    let mut kept = parts.clone();
    kept.remove(1);
    let (report, sd) = read(&kept.join("~"));
    assert!(sd.disclosures_ok());
    let checks = kb_checks(&report, &sd, kb_iat("simple"));
    assert_eq!(outcome(&checks, "sd_hash"), Outcome::Fail, "{checks:?}");
    assert_eq!(outcome(&checks, "signature"), Outcome::Pass, "{checks:?}");
}

#[test]
fn old_kb_jwt_fails_iat_and_wrong_nonce_fails() {
    let (report, sd) = read(&example("simple", "presentation"));
    let checks = kb_checks(&report, &sd, kb_iat("simple") + 301);
    assert_eq!(outcome(&checks, "iat"), Outcome::Fail);
    let kb = sd_jwt::kb_report(&sd).unwrap();
    let mut expect = expectations(kb_iat("simple"));
    expect.nonce = "another".to_owned();
    expect.audiences = vec!["https://other.example".to_owned()];
    let checks = sd_jwt::kb_checks(&sd, &kb, None, &expect);
    let find = |id| checks.iter().find(|c| c.id == id).unwrap().outcome;
    assert_eq!(find("nonce"), Outcome::Fail);
    assert_eq!(find("aud"), Outcome::Fail);
    assert_eq!(find("signature"), Outcome::Fail);
}

/// `text` with disclosure `i` (counting from 1) replaced.
fn replace_disclosure(text: &str, i: usize, with: &str) -> String {
    let mut parts: Vec<&str> = text.split('~').collect();
    parts[i] = with;
    parts.join("~")
}

#[test]
fn tampered_disclosure_is_unreferenced() {
    let text = example("simple", "presentation");
    let original = text.split('~').nth(1).unwrap().to_owned();
    let (_, sd) = read(&text);
    let claim = sd.disclosures[0].claim();
    // The same disclosure with its value changed, as an attacker would.
    let decoded = base64_decode(&original)
        .replace("\"John\"", "\"Eve\"")
        .replace("\"Doe\"", "\"Eve\"");
    let tampered = base64_encode(&decoded);
    let (report, sd) = read(&replace_disclosure(&text, 1, &tampered));
    assert_eq!(sd.disclosures[0].state, State::Unreferenced, "{claim}");
    assert!(!sd.disclosures_ok());
    assert!(ids(&report).contains(&"sd-unreferenced"));
    let checks = kb_checks(&report, &sd, kb_iat("simple"));
    assert_eq!(outcome(&checks, "sd_hash"), Outcome::Fail);
}

#[test]
fn extra_disclosure_is_unreferenced() {
    let text = example("simple", "issuance");
    let extra = base64_encode(r#"["2GLC42sKQveCfGfryNRN9w", "is_admin", true]"#);
    let (report, sd) = read(&format!("{text}{extra}~"));
    assert_eq!(sd.disclosures.last().unwrap().state, State::Unreferenced);
    assert!(sd.processed.as_ref().unwrap().get("is_admin").is_none());
    assert!(ids(&report).contains(&"sd-unreferenced"));
    assert!(ids(&report).contains(&"sd-no-key-binding"));
}

#[test]
fn repeated_disclosure_is_duplicate() {
    let text = example("simple", "issuance");
    let first = text.split('~').nth(1).unwrap().to_owned();
    let (report, sd) = read(&format!("{text}{first}~"));
    assert_eq!(sd.disclosures.last().unwrap().state, State::Duplicate);
    assert_eq!(sd.disclosures[0].state, State::Matched);
    assert!(ids(&report).contains(&"sd-duplicate"));
}

#[test]
fn array_element_claim_is_its_position() {
    let (_, sd) = read(&example("simple", "presentation"));
    let claims: Vec<String> = sd.disclosures.iter().map(|d| d.claim()).collect();
    // The RFC's simple presentation discloses nationalities[0] ("US").
    assert!(claims.contains(&"[0]".to_owned()), "{claims:?}");
}

#[test]
fn malformed_disclosure_says_why() {
    let text = example("simple", "issuance");
    let (_, sd) = read(&format!(
        "{text}not*base64~{}~",
        base64_encode("[1, 2, 3, 4]")
    ));
    let n = sd.disclosures.len();
    assert_eq!(sd.disclosures[n - 2].content, Err(Malformed::Base64));
    assert_eq!(sd.disclosures[n - 2].state, State::Malformed);
    assert!(matches!(
        sd.disclosures[n - 1].content,
        Err(Malformed::Shape { .. })
    ));
}

#[test]
fn plain_jwt_is_no_sd_jwt() {
    let report = jwt::inspect("eyJhbGciOiJub25lIn0.e30.").unwrap();
    assert!(sd_jwt::read(&report).is_none());
}

#[test]
fn issuer_jwt_of_sd_jwt_decodes_without_errors() {
    let (report, _) = read(&example("simple", "presentation"));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.segments.len(), 3);
}

fn base64_encode(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

fn base64_decode(text: &str) -> String {
    use base64::Engine;
    String::from_utf8(
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text)
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn personal_data_in_the_clear_is_a_finding_unless_structured() {
    // The RFC's simple example: nationalities is an array of digests, so
    // it is not personal data in the clear.
    let (report, _) = read(&example("simple", "presentation"));
    assert!(!ids(&report).contains(&"sd-clear-personal-data"));
    // address_only_recursive has only address disclosable; a payload with
    // given_name in the clear is flagged.
    let payload = base64_encode(r#"{"given_name":"John","_sd":[]}"#);
    let (report, _) = read(&format!("eyJhbGciOiJub25lIn0.{payload}.~"));
    assert!(
        ids(&report).contains(&"sd-clear-personal-data"),
        "{:?}",
        ids(&report)
    );
}

#[test]
fn short_salt_is_a_finding() {
    let text = example("simple", "issuance");
    let extra = base64_encode(r#"["abc", "x", 1]"#);
    let (report, _) = read(&format!("{text}{extra}~"));
    assert!(ids(&report).contains(&"sd-weak-salt"));
    let (report, _) = read(&text);
    assert!(!ids(&report).contains(&"sd-weak-salt"));
}

#[test]
fn reserved_claim_name_is_refused() {
    let disclosure = base64_encode(r#"["2GLC42sKQveCfGfryNRN9w", "_sd", ["x"]]"#);
    let digest = HashAlg::Sha256.digest(&disclosure);
    let payload = base64_encode(&format!(r#"{{"_sd":["{digest}"]}}"#));
    let (report, sd) = read(&format!("eyJhbGciOiJub25lIn0.{payload}.~{disclosure}~"));
    assert_eq!(sd.disclosures[0].state, State::Malformed);
    assert!(ids(&report).contains(&"sd-reserved-name"));
}

#[test]
fn sha_384_and_sha_512_from_sd_alg_are_used_for_digests() {
    // Digests of RFC 9901's given_name disclosure, computed with Python's hashlib.
    let disclosure = "WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd";
    for (alg, digest) in [
        (
            "sha-384",
            "Zh4iivJY9LuoM2LdXf9m5hW6h7GHcJPac1g35hswVVNfnNzKpLBfaKPojxYSJHsJ",
        ),
        (
            "sha-512",
            "QVNE-lBYfn4JiopzZg7zd8TuKk3-VxgXqLE3udXBlpPY3eqY9vt0id2psAJsrp4rasHAquTSe2cG5w36mzgQdQ",
        ),
    ] {
        let payload = base64_encode(&format!(r#"{{"_sd_alg":"{alg}","_sd":["{digest}"]}}"#));
        let (_, sd) = read(&format!("eyJhbGciOiJub25lIn0.{payload}.~{disclosure}~"));
        assert_eq!(sd.disclosures[0].state, State::Matched, "{alg}");
        assert_eq!(
            sd.processed.as_ref().unwrap().get("given_name"),
            Some(&jwt::Json::String("John".to_owned()))
        );
    }
}

#[test]
fn unknown_sd_alg_is_a_finding() {
    let payload = base64_encode(r#"{"_sd_alg":"md5","_sd":[]}"#);
    let (report, sd) = read(&format!("eyJhbGciOiJub25lIn0.{payload}.~"));
    assert!(sd.hash.is_err());
    assert!(ids(&report).contains(&"sd-unknown-alg"));
}
