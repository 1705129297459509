//! ML-DSA verification in the decoder (RFC 9964): the RFC's JOSE examples
//! (made with Cloudflare's CIRCL, tests/fixtures/sign) verify through
//! `verify::with_public_key` with the public AKP JWK, a JWKS picked by
//! `kid`, and a SubjectPublicKeyInfo PEM built here by hand; tampered
//! tokens and the wrong parameter set's key fail with their reason.

use jwt_lens::jwt::verify::{Reason, with_public_key};
use jwt_lens::jwt::{AlgChoice, SignatureStatus, inspect};
use serde_json::{Value, json};

const NOW: i64 = 1_800_000_000;

/// (file, alg, the id-ml-dsa-* OID's last arc, RFC 9881).
const EXAMPLES: [(&str, &str, u8); 3] = [
    ("ML_DSA_44.jose.json", "ML-DSA-44", 17),
    ("ML_DSA_65.jose.json", "ML-DSA-65", 18),
    ("ML_DSA_87.jose.json", "ML-DSA-87", 19),
];

fn example(file: &str) -> Value {
    let path = format!("{}/tests/fixtures/sign/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

/// The example's JWK without its private seed.
fn public_jwk(example: &Value) -> Value {
    let mut jwk = example["jwk"].clone();
    jwk.as_object_mut().expect("an object").remove("priv");
    jwk
}

fn jws(example: &Value) -> String {
    example["jws"].as_str().expect("jws").to_owned()
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

/// A DER length.
fn der_len(len: usize) -> Vec<u8> {
    match len {
        0..0x80 => vec![len as u8],
        0x80..0x100 => vec![0x81, len as u8],
        _ => vec![0x82, (len >> 8) as u8, len as u8],
    }
}

/// SubjectPublicKeyInfo { AlgorithmIdentifier { id-ml-dsa-* }, BIT STRING
/// key } (RFC 9881 §4: no parameters), as PEM, encoded here byte by byte.
fn spki_pem(arc: u8, public: &[u8]) -> String {
    use base64::Engine;
    let algorithm = [
        0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, arc,
    ];
    let mut bits = vec![0x03];
    bits.extend(der_len(public.len() + 1));
    bits.push(0);
    bits.extend_from_slice(public);
    let mut der = vec![0x30];
    der.extend(der_len(algorithm.len() + bits.len()));
    der.extend_from_slice(&algorithm);
    der.extend(bits);
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).expect("ASCII"))
        .collect();
    format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        lines.join("\n")
    )
}

fn status(token: &str, key: &str) -> SignatureStatus {
    let report = inspect(token).expect("a token");
    with_public_key(&report, AlgChoice::FromToken, key, NOW).0
}

fn assert_valid(token: &str, key: &str, what: &str) {
    let status = status(token, key);
    assert!(
        matches!(&status, SignatureStatus::Valid { alg } if token_alg(token) == alg.to_string()),
        "{what}: {status:?}"
    );
}

fn token_alg(token: &str) -> String {
    inspect(token)
        .expect("a token")
        .alg()
        .expect("an alg")
        .to_string()
}

#[test]
fn rfc9964_examples_verify_with_their_public_akp_jwk() {
    for (file, alg, _) in EXAMPLES {
        let example = example(file);
        assert_eq!(token_alg(&jws(&example)), alg);
        assert_valid(&jws(&example), &public_jwk(&example).to_string(), file);
    }
}

#[test]
fn rfc9964_examples_verify_with_a_jwks_picked_by_kid() {
    let all: Vec<Value> = EXAMPLES.iter().map(|(f, ..)| example(f)).collect();
    let set = json!({ "keys": all.iter().map(public_jwk).collect::<Vec<_>>() }).to_string();
    for example in &all {
        // Each example's header names its key's thumbprint as `kid`.
        let report = inspect(&jws(example)).expect("a token");
        assert_eq!(report.kid(), example["jwk"]["kid"].as_str());
        assert_valid(&jws(example), &set, "JWKS");
    }
}

#[test]
fn rfc9964_examples_verify_with_an_spki_pem() {
    for (file, _, arc) in EXAMPLES {
        let example = example(file);
        let public = hex(example["raw_public_key"].as_str().expect("hex"));
        assert_valid(&jws(&example), &spki_pem(arc, &public), file);
    }
}

#[test]
fn rfc9964_example_with_a_flipped_signature_byte_is_invalid() {
    for (file, ..) in EXAMPLES {
        let example = example(file);
        let token = jws(&example);
        let (input, signature) = token.rsplit_once('.').expect("a JWS");
        let mut bytes = hex(example["raw_signature"].as_str().expect("hex"));
        bytes[100] ^= 0x01;
        use base64::Engine;
        let flipped = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        assert_ne!(flipped, signature);
        let status = status(
            &format!("{input}.{flipped}"),
            &public_jwk(&example).to_string(),
        );
        assert!(
            matches!(
                &status,
                SignatureStatus::Invalid { reason: Reason::KeyMismatch(text), .. }
                    if text == "the signature does not match this key"
            ),
            "{file}: {status:?}"
        );
    }
}

#[test]
fn rfc9964_example_with_another_levels_key_is_the_wrong_key_type() {
    let e44 = example(EXAMPLES[0].0);
    let e65 = example(EXAMPLES[1].0);
    for key in [
        public_jwk(&e65).to_string(),
        spki_pem(18, &hex(e65["raw_public_key"].as_str().expect("hex"))),
    ] {
        let status = status(&jws(&e44), &key);
        assert!(
            matches!(
                &status,
                SignatureStatus::Invalid { reason: Reason::WrongKeyType(text), .. }
                    if text.contains("ML-DSA-65") && text.contains("ML-DSA-44")
            ),
            "{status:?}"
        );
    }
}

#[test]
fn rfc9964_example_with_a_short_signature_fails_the_fips204_length() {
    let example = example(EXAMPLES[0].0);
    let token = jws(&example);
    let (input, _) = token.rsplit_once('.').expect("a JWS");
    let bytes = hex(example["raw_signature"].as_str().expect("hex"));
    use base64::Engine;
    let short = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes[..2419]);
    let status = status(
        &format!("{input}.{short}"),
        &public_jwk(&example).to_string(),
    );
    assert!(
        matches!(
            &status,
            SignatureStatus::Invalid {
                reason: Reason::SignatureLength {
                    expected: 2420,
                    found: 2419,
                    ..
                },
                ..
            }
        ),
        "{status:?}"
    );
}

#[test]
fn ml_dsa_status_no_longer_says_unsupported() {
    let example = example(EXAMPLES[0].0);
    let report = inspect(&jws(&example)).expect("a token");
    let (status, _) = with_public_key(&report, AlgChoice::FromToken, "", NOW);
    assert_ne!(status.as_str(), "unsupported", "{status:?}");
    assert!(
        !status.message().contains("not supported"),
        "{}",
        status.message()
    );
}
