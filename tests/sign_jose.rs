//! JWT Lens's signing against npm `jose`: tokens signed here verify in
//! jose, tokens jose signed (tests/fixtures/sign/keys.json) verify here, and
//! the public keys exported here (JWK, SPKI PEM, RFC 7638 thumbprint) are
//! the ones jose computes. PSS-only keys, which jose cannot take, are
//! checked with node's crypto (OpenSSL) instead; ML-DSA, which jose signs
//! only where WebCrypto has it (not node 20), is checked against RFC 9964's
//! examples in tests/sign.rs.
//!
//! Needs node and `jose` (`scripts/setup.sh test`); set `JWT_LENS_SKIP_NODE=1`
//! to skip the tests that run node when they are missing.

mod fixtures;

use jwt_lens::jwt::base64url;
use jwt_lens::jwt::sign::{
    KeyType, PrivateKey, Randomness, SigningAlg, generate, pkcs8_pem, public_exports,
    read_private_key, read_public_key, sign,
};
use jwt_lens::jwt::verify::with_public_key;
use jwt_lens::jwt::{AlgChoice, SignatureStatus, inspect};
use serde_json::{Value, json};

const SCRIPT: &str = "tests/differential/jose_sign.mjs";
const NOW: i64 = 1_800_000_000;

fn fixtures() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sign/keys.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("keys.json")).expect("JSON")
}

fn keys() -> Vec<Value> {
    fixtures()["keys"].as_array().expect("keys").clone()
}

/// jose's answer to `request`; `None` when node or jose is missing and
/// skipping is allowed.
fn jose(request: &Value) -> Option<Value> {
    fixtures::node::run(SCRIPT, &[], Some(&request.to_string()))
}

fn random() -> Randomness {
    Randomness::from_seed(&[42; 32]).expect("32 bytes")
}

fn token(alg: SigningAlg, key: &PrivateKey) -> String {
    let header = base64url::encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes());
    let payload = base64url::encode(br#"{"sub":"signed by JWT Lens","aud":"jose"}"#);
    let input = format!("{header}.{payload}");
    let signature = sign(alg, key, input.as_bytes(), &mut random()).expect("signs");
    format!("{input}.{}", base64url::encode(&signature))
}

fn verifies_here(token: &str, public: &str) -> bool {
    let report = inspect(token).expect("a token");
    let (status, _) = with_public_key(&report, AlgChoice::FromToken, public, NOW);
    matches!(status, SignatureStatus::Valid { .. })
}

fn pem_body(pem: &str) -> String {
    pem.lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat()
}

fn algs(entry: &Value) -> Vec<SigningAlg> {
    entry["tokens"]
        .as_object()
        .expect("tokens")
        .keys()
        .map(|a| SigningAlg::from_name(a).expect("an alg"))
        .collect()
}

/// The generated key types: EC and Ed25519 (ML-DSA is not in jose on node 20).
const GENERATED: [KeyType; 4] = [
    KeyType::P256,
    KeyType::P384,
    KeyType::P521,
    KeyType::Ed25519,
];

#[test]
fn tokens_signed_here_verify_in_jose() {
    // (what, alg, token, SPKI PEM, PSS only)
    let mut cases: Vec<(String, SigningAlg, String, String, bool)> = Vec::new();
    for entry in keys() {
        let name = entry["name"].as_str().expect("name");
        let spki = entry["spki_pem"].as_str().expect("spki").to_owned();
        for form in ["pkcs8_pem", "pkcs1_pem", "sec1_pem", "private_jwk"] {
            let text = match &entry[form] {
                Value::Null => continue,
                Value::String(pem) => pem.clone(),
                jwk => jwk.to_string(),
            };
            let key = read_private_key(&text).expect(form);
            for alg in algs(&entry) {
                let what = format!("{name} {form}");
                cases.push((what, alg, token(alg, &key), spki.clone(), name == "rsa-pss"));
            }
        }
    }
    for kind in GENERATED {
        let key = generate(kind, &mut random());
        let spki = public_exports(&key.public_key(), None)
            .expect("exports")
            .pem;
        let mut algs = vec![kind.default_alg()];
        if kind == KeyType::Ed25519 {
            algs.push(SigningAlg::Ed25519);
        }
        for alg in algs {
            let what = format!("generated {}", kind.name());
            cases.push((what, alg, token(alg, &key), spki.clone(), false));
        }
    }
    let request = json!({
        "verify": cases.iter().map(|(_, alg, token, spki, pss)| json!({
            "alg": alg.name(), "token": token, "spki_pem": spki, "pss_only": pss,
        })).collect::<Vec<_>>(),
    });
    let Some(answer) = jose(&request) else {
        return;
    };
    let verdicts = answer["verify"].as_array().expect("verdicts");
    assert_eq!(verdicts.len(), cases.len());
    let failed: Vec<String> = cases
        .iter()
        .zip(verdicts)
        .filter(|(_, v)| **v != Value::Bool(true))
        .map(|((what, alg, ..), v)| format!("{what} {alg}: {v}"))
        .collect();
    assert!(failed.is_empty(), "{}: {failed:#?}", answer["generator"]);
    // rsa 3 forms × 6 algs, rsa-pss 3, EC 3 keys × 3 forms, Ed25519 2 × 2, generated 5.
    assert_eq!(cases.len(), 39);
}

#[test]
fn tokens_jose_signed_verify_here_with_the_keys_exported_here() {
    for entry in keys() {
        let name = entry["name"].as_str().expect("name");
        let key = read_private_key(entry["pkcs8_pem"].as_str().expect("pem")).expect("key");
        let ours = public_exports(&key.public_key(), None).expect("exports");
        for (alg, token) in entry["tokens"].as_object().expect("tokens") {
            let token = token.as_str().expect("token");
            let theirs = entry["spki_pem"].as_str().expect("spki");
            assert!(
                verifies_here(token, theirs),
                "{name} {alg} with node's SPKI"
            );
            assert!(
                verifies_here(token, &ours.pem),
                "{name} {alg} with our SPKI"
            );
            assert!(
                verifies_here(token, &ours.jwks),
                "{name} {alg} with our JWKS"
            );
        }
    }
}

#[test]
fn public_exports_are_the_keys_jose_and_node_export() {
    for entry in keys() {
        let name = entry["name"].as_str().expect("name");
        let key = read_private_key(entry["pkcs8_pem"].as_str().expect("pem")).expect("key");
        let ours = public_exports(&key.public_key(), None).expect("exports");
        let spki = entry["spki_pem"].as_str().expect("spki");
        assert_eq!(
            pem_body(&ours.pem),
            pem_body(spki),
            "{name}: SPKI as node exports it"
        );
        if entry["public_jwk"].is_null() {
            continue; // jose has no JWK for a PSS-only key
        }
        let jwk: Value = serde_json::from_str(&ours.jwk).expect("JSON");
        assert_eq!(jwk, entry["public_jwk"], "{name}: jose's exportJWK");
        assert_eq!(
            ours.thumbprint, entry["thumbprint"],
            "{name}: calculateJwkThumbprint"
        );
        // Converting the public key alone gives the same answers.
        let from_pem = public_exports(&read_public_key(spki).expect("PEM"), None).expect("pem");
        assert_eq!(from_pem.jwk, ours.jwk, "{name}: PEM -> JWK");
        let from_jwk = read_public_key(&entry["public_jwk"].to_string()).expect("JWK");
        let from_jwk = public_exports(&from_jwk, None).expect("jwk");
        assert_eq!(
            pem_body(&from_jwk.pem),
            pem_body(spki),
            "{name}: JWK -> PEM"
        );
    }
    let rsa = keys()
        .into_iter()
        .find(|k| k["name"] == "rsa")
        .expect("rsa");
    let pkcs1 = read_public_key(rsa["pkcs1_public_pem"].as_str().expect("pem")).expect("PKCS #1");
    assert_eq!(pkcs1.thumbprint(), rsa["thumbprint"]);
}

#[test]
fn keys_made_here_convert_as_jose_converts_them() {
    let mut exports = Vec::new();
    for kind in GENERATED {
        let key = generate(kind, &mut random());
        let pem = pkcs8_pem(&key).expect("pkcs8");
        let public = read_private_key(&pem).expect("reads").public_key();
        exports.push((kind, public_exports(&public, None).expect("exports")));
    }
    let request = json!({
        "jwks": exports.iter().map(|(_, e)| serde_json::from_str::<Value>(&e.jwk).expect("JSON")).collect::<Vec<_>>(),
        "pems": exports.iter().map(|(kind, e)| json!({"spki_pem": e.pem, "alg": kind.default_alg().name()})).collect::<Vec<_>>(),
    });
    let Some(answer) = jose(&request) else {
        return;
    };
    for (i, (kind, ours)) in exports.iter().enumerate() {
        let jwk = &answer["jwks"][i];
        assert_eq!(
            jwk["thumbprint"],
            ours.thumbprint.as_str(),
            "{}",
            kind.name()
        );
        let spki = jwk["spki_pem"].as_str().expect("pem");
        assert_eq!(
            pem_body(spki),
            pem_body(&ours.pem),
            "{}: JWK -> SPKI",
            kind.name()
        );
        let ours_jwk: Value = serde_json::from_str(&ours.jwk).expect("JSON");
        assert_eq!(answer["pems"][i], ours_jwk, "{}: SPKI -> JWK", kind.name());
    }
}
