//! The signing module's string-in, JSON-out bridge, exercised natively: a
//! key made through it signs a token the decoder's verifier accepts, and
//! every failure is `{"ok":false,"error":…}` with the page text.
//!
//! `cargo test -p jwt-lens-sign --release -- --ignored --nocapture timings`
//! prints how long signing and making keys take (native, this machine).

use std::time::Instant;

use jwt_lens::jwt::base64url;
use jwt_lens::jwt::sign::{MlDsaLevel, PublicKey, read_public_key, verify_ml_dsa};
use jwt_lens::jwt::verify::with_public_key;
use jwt_lens::jwt::{AlgChoice, SignatureStatus, inspect};
use jwt_lens_sign::{convert_public, generate, private_exports, public_exports, sign};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("the bridge answers JSON")
}

fn random(byte: u8) -> String {
    base64url::encode(&[byte; 32])
}

fn signing_input(alg: &str) -> String {
    let header = base64url::encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes());
    format!("{header}.{}", base64url::encode(br#"{"sub":"bridge"}"#))
}

const KINDS: [(&str, &str); 7] = [
    ("P-256", "ES256"),
    ("P-384", "ES384"),
    ("P-521", "ES512"),
    ("Ed25519", "EdDSA"),
    ("ML-DSA-44", "ML-DSA-44"),
    ("ML-DSA-65", "ML-DSA-65"),
    ("ML-DSA-87", "ML-DSA-87"),
];

#[test]
fn key_made_through_the_bridge_signs_a_token_that_verifies() {
    for (kind, alg) in KINDS {
        let made = json(&generate(kind, &random(1)));
        assert_eq!(made["ok"], true, "{made}");
        assert_eq!(made["default_alg"], alg);
        let pem = made["pkcs8_pem"].as_str().expect("pem");
        let input = signing_input(alg);
        let signed = json(&sign(alg, pem, &input, &random(2)));
        assert_eq!(signed["ok"], true, "{signed}");
        let signature = signed["signature_b64url"].as_str().expect("signature");
        let public = json(&public_exports(pem, Some(alg.to_owned())));
        assert_eq!(public["kind"], kind);
        let converted = json(&convert_public(public["pem"].as_str().expect("pem")));
        assert_eq!(converted["thumbprint"], public["thumbprint"], "{kind}");
        assert_eq!(converted["jwk"], public["jwk"], "{kind}");
        if let Some(level) = MlDsaLevel::from_name(alg) {
            let key = read_public_key(public["jwk"].as_str().expect("jwk")).expect("AKP");
            let PublicKey::MlDsa { encoded, .. } = key else {
                panic!("ML-DSA")
            };
            let bytes = base64url::decode(signature, base64url::Alphabet::Url).expect("b64");
            assert!(verify_ml_dsa(
                level,
                &encoded,
                input.as_bytes(),
                &bytes.bytes
            ));
            continue;
        }
        let report = inspect(&format!("{input}.{signature}")).expect("token");
        let key = public["jwks"].as_str().expect("jwks");
        let (status, _) = with_public_key(&report, AlgChoice::FromToken, key, 1_800_000_000);
        assert!(
            matches!(status, SignatureStatus::Valid { .. }),
            "{kind}: {status:?}"
        );
    }
}

#[test]
fn failures_answer_ok_false_with_the_page_text() {
    let made = json(&generate("P-256", &random(1)));
    let pem = made["pkcs8_pem"].as_str().expect("pem");
    let cases = [
        (
            sign("ES384", pem, "a.b", &random(2)),
            "an EC private key on P-256 cannot sign ES384",
        ),
        (
            sign("ES256", pem, "a.b", &base64url::encode(&[1; 3])),
            "the page passed 3 random bytes",
        ),
        (
            sign("HS256", pem, "a.b", &random(2)),
            "alg \"HS256\" is not signed with a private key",
        ),
        (
            generate("RSA-2048", &random(1)),
            "RSA keys are made by the browser's WebCrypto",
        ),
        (
            private_exports("{}"),
            "not a usable JWK: the \"kty\" member is missing",
        ),
        (
            convert_public(pem),
            "this is a private key, and verifying needs only the public key",
        ),
    ];
    for (answer, start) in cases {
        let answer = json(&answer);
        assert_eq!(answer["ok"], false);
        let error = answer["error"].as_str().expect("error");
        assert!(error.starts_with(start), "{error}");
    }
    let exports = json(&private_exports(pem));
    assert!(
        exports["pkcs8_pem"]
            .as_str()
            .expect("pem")
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
    assert!(exports["jwk"].as_str().expect("jwk").contains("\"d\""));
}

#[test]
#[ignore = "prints timings: cargo test -p jwt-lens-sign --release -- --ignored --nocapture"]
fn timings() {
    let rsa = {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/sign/keys.json"
        );
        let keys = json(&std::fs::read_to_string(path).expect("fixtures"));
        keys["keys"][0]["pkcs8_pem"]
            .as_str()
            .expect("rsa")
            .to_owned()
    };
    // The fastest of several runs: what the work costs, without the noise
    // of other processes on a shared machine.
    let time = |label: &str, runs: u32, f: &mut dyn FnMut()| {
        let fastest = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .min()
            .unwrap_or_default();
        println!("{label:34} {:>8.3} ms", fastest.as_secs_f64() * 1000.0);
    };
    for (kind, _) in KINDS {
        time(&format!("generate {kind}"), 20, &mut || {
            assert!(generate(kind, &random(3)).contains("\"ok\":true"));
        });
    }
    let mut keys: Vec<(&str, String)> = KINDS
        .iter()
        .map(|(kind, alg)| {
            let made = json(&generate(kind, &random(3)));
            (*alg, made["pkcs8_pem"].as_str().expect("pem").to_owned())
        })
        .collect();
    for alg in ["RS256", "RS512", "PS256", "PS512"] {
        keys.push((alg, rsa.clone()));
    }
    keys.push(("Ed25519", keys[3].1.clone()));
    for (alg, pem) in &keys {
        let input = signing_input(alg);
        time(&format!("sign {alg} (read key + sign)"), 20, &mut || {
            assert!(sign(alg, pem, &input, &random(4)).contains("\"ok\":true"));
        });
    }
}
