//! JWE decryption against published vectors (RFC 7516 Appendix A, RFC 7520
//! §5, from the public-domain ietf-jose/cookbook JSON) and tokens npm
//! `jose` encrypted (`tests/jwe/jose_encrypt.mjs`), plus the failures that
//! must be refused or fail with the right reason.

use std::fs;
use std::time::{Duration, Instant};

use jwt_lens::jwt::base64url;
use jwt_lens::jwt::jwe::{
    self, Form, JweError, KeyAlg, KeyReading, MAX_INFLATED_BYTES, Nested, P2C_CAP, State, Warning,
};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/jwe");

fn fixture(path: &str) -> Value {
    let text = fs::read_to_string(format!("{FIXTURES}/{path}")).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn text(v: &Value) -> String {
    v.as_str().expect("a string").to_owned()
}

fn decrypts_to(token: &str, key: &str, plaintext: &str) -> jwe::Decrypted {
    let done = jwe::decrypt(token, key).unwrap_or_else(|e| panic!("{token:.60}…: {e}"));
    assert_eq!(done.text(), Some(plaintext), "{token:.60}…");
    done
}

#[test]
fn rfc7516_appendix_a_vectors_decrypt_to_their_plaintext() {
    let vectors = fixture("rfc7516.json");
    for vector in vectors["vectors"].as_array().expect("vectors") {
        let done = decrypts_to(
            &text(&vector["token"]),
            &vector["key"].to_string(),
            &text(&vector["plaintext"]),
        );
        assert_eq!(done.form, Form::Compact);
        assert_eq!(done.key_reading, KeyReading::Jwk);
    }
}

#[test]
fn rfc7516_a2_rsa1_5_is_flagged_as_broken() {
    let vectors = fixture("rfc7516.json");
    let a2 = &vectors["vectors"][1];
    let done = jwe::decrypt(&text(&a2["token"]), &a2["key"].to_string()).expect("decrypts");
    assert_eq!(done.alg, KeyAlg::Rsa(jwe::RsaPadding::Pkcs1v15));
    assert_eq!(done.warnings, [Warning::Rsa1_5]);
    assert!(done.warnings[0].to_string().contains("RFC 8725 §3.2"));
}

/// The RFC 7520 §5 example files: `(file, key for each recipient)`.
fn rfc7520_keys(example: &Value) -> Vec<String> {
    let input = &example["input"];
    if let Some(pwd) = input["pwd"].as_str() {
        return vec![pwd.to_owned()];
    }
    match &input["key"] {
        Value::Array(keys) => keys.iter().map(Value::to_string).collect(),
        key => vec![key.to_string()],
    }
}

#[test]
fn rfc7520_section5_examples_decrypt_in_every_serialization() {
    let mut checked = 0;
    for n in 1..=13 {
        let example = fixture(&format!("rfc7520/5_{n}.json"));
        let plaintext = text(&example["input"]["plaintext"]);
        let output = &example["output"];
        for key in rfc7520_keys(&example) {
            if let Some(compact) = output["compact"].as_str() {
                decrypts_to(compact, &key, &plaintext);
                checked += 1;
            }
            for form in ["json", "json_flat"] {
                if let Some(json) = output.get(form) {
                    let done = decrypts_to(&json.to_string(), &key, &plaintext);
                    let expected = if form == "json" && json.get("recipients").is_some() {
                        Form::General
                    } else {
                        Form::Flattened
                    };
                    assert_eq!(done.form, expected, "5.{n} {form}");
                    checked += 1;
                }
            }
        }
    }
    // 5.1–5.9 have three serializations, 5.10–5.12 two, 5.13 one per key.
    assert_eq!(checked, 9 * 3 + 3 * 2 + 3, "every serialization was tried");
}

#[test]
fn rfc7520_5_3_pbes2_reads_the_password_as_text() {
    let example = fixture("rfc7520/5_3.json");
    let done = decrypts_to(
        &text(&example["output"]["compact"]),
        &text(&example["input"]["pwd"]),
        &text(&example["input"]["plaintext"]),
    );
    assert_eq!(done.key_reading, KeyReading::Password);
}

#[test]
fn rfc7520_5_9_compressed_content_is_inflated() {
    let example = fixture("rfc7520/5_9.json");
    let done = decrypts_to(
        &text(&example["output"]["compact"]),
        &example["input"]["key"].to_string(),
        &text(&example["input"]["plaintext"]),
    );
    assert!(done.compressed);
}

#[test]
fn rfc7520_section6_nested_token_decrypts_to_the_signed_jwt() {
    let example = fixture("rfc7520/6.json");
    let inner = text(&example["sign"]["output"]["compact"]);
    let done = decrypts_to(
        &text(&example["encrypt"]["output"]["compact"]),
        &example["encrypt"]["input"]["key"].to_string(),
        &inner,
    );
    assert_eq!(done.nested, Some(Nested::Cty));
}

#[test]
fn raw_symmetric_key_is_read_as_hex_or_base64url_by_the_length_needed() {
    let vectors = fixture("rfc7516.json");
    let a3 = &vectors["vectors"][2];
    let token = text(&a3["token"]);
    let k = text(&a3["key"]["k"]);
    let bytes = base64url::decode(&k, base64url::Alphabet::Url)
        .expect("k is base64url")
        .bytes;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let done = decrypts_to(&token, &k, "Live long and prosper.");
    assert_eq!(done.key_reading, KeyReading::Base64Url);
    let done = decrypts_to(&token, &hex, "Live long and prosper.");
    assert_eq!(done.key_reading, KeyReading::Hex);
    let err = jwe::decrypt(&token, "00112233").expect_err("4 bytes");
    assert_eq!(
        err.to_string(),
        "A128KW needs a 16-byte key; this text reads as 6 bytes as base64url or 4 bytes as hex"
    );
}
