//! JWE decryption against published vectors (RFC 7516 Appendix A, RFC 7520
//! §5, from the public-domain ietf-jose/cookbook JSON) and tokens npm
//! `jose` encrypted (`tests/jwe/jose_encrypt.mjs`), plus the failures that
//! must be refused or fail with the right reason.

mod fixtures;

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

/// What the key entry `id` of a jose output is, as the user would paste it.
fn jose_key(keys: &Value, id: &str) -> String {
    let entry = &keys[id];
    if let Some(password) = entry["password"].as_str() {
        return password.to_owned();
    }
    entry["jwk"].to_string()
}

/// Decrypts every token of a `jose_encrypt.mjs` output; returns how many.
fn decrypt_jose_output(out: &Value) -> usize {
    let keys = &out["keys"];
    let mut count = 0;
    for t in out["tokens"].as_array().expect("tokens") {
        let (alg, enc) = (text(&t["alg"]), text(&t["enc"]));
        let token = text(&t["token"]);
        let key = jose_key(keys, &text(&t["key"]));
        let result = jwe::decrypt(&token, &key);
        if t["bomb"].as_bool() == Some(true) {
            let err = result.expect_err("the DEF bomb is refused");
            assert_eq!(
                err,
                JweError::InflateTooLarge {
                    limit: MAX_INFLATED_BYTES
                }
            );
            assert_eq!(err.state(), State::Refused);
            continue;
        }
        let done = result.unwrap_or_else(|e| panic!("{alg} {enc} from jose: {e}"));
        assert_eq!(done.alg.name(), alg);
        assert_eq!(done.enc.name(), enc);
        assert_eq!(done.text(), t["plaintext"].as_str(), "{alg} {enc}");
        assert_eq!(done.compressed, t["zip"].as_bool() == Some(true));
        count += 1;
    }
    count
}

#[test]
fn tokens_jose_encrypted_for_every_alg_and_enc_decrypt_to_jose_plaintext() {
    let out = fixture("jose/tokens.json");
    let algs: std::collections::BTreeSet<String> = out["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| text(&t["alg"]))
        .collect();
    // Every alg JWT Lens decrypts but RSA1_5, which jose 6 no longer makes.
    let expected: std::collections::BTreeSet<String> = KeyAlg::ALL
        .iter()
        .map(|a| a.name().to_owned())
        .filter(|a| a != "RSA1_5")
        .collect();
    assert_eq!(algs, expected);
    assert_eq!(decrypt_jose_output(&out), 122);
}

#[test]
fn jose_private_keys_read_as_pkcs8_pkcs1_and_sec1_pem() {
    let out = fixture("jose/tokens.json");
    let keys = &out["keys"];
    let mut seen = Vec::new();
    for (id, form, reading) in [
        ("rsa", "pkcs8", KeyReading::Pkcs8),
        ("rsa", "pkcs1", KeyReading::Pkcs1),
        ("p256", "sec1", KeyReading::Sec1),
        ("p384", "pkcs8", KeyReading::Pkcs8),
        ("p521", "sec1", KeyReading::Sec1),
        ("x25519", "pkcs8", KeyReading::Pkcs8),
    ] {
        let token = out["tokens"]
            .as_array()
            .expect("tokens")
            .iter()
            .find(|t| t["key"] == id && t["nested"].is_null() && t["zip"].is_null())
            .expect("a token for the key");
        let pem = text(&keys[id][form]);
        let done = decrypts_to(&text(&token["token"]), &pem, &text(&token["plaintext"]));
        assert_eq!(done.key_reading, reading, "{id} {form}");
        seen.push(id);
    }
    assert_eq!(seen.len(), 6);
}

#[test]
fn jose_nested_jwt_decrypts_and_its_inner_signature_verifies() {
    use jwt_lens::jwt::{AlgChoice, SignatureStatus, inspect, verify::with_public_key};
    let out = fixture("jose/tokens.json");
    let t = out["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .find(|t| !t["nested"].is_null())
        .expect("the nested token");
    let done = jwe::decrypt(&text(&t["token"]), &jose_key(&out["keys"], "rsa")).expect("decrypts");
    assert_eq!(done.nested, Some(Nested::Cty));
    let inner = inspect(done.text().expect("text")).expect("the inner JWT reads");
    let spki = text(&out["keys"]["signer"]["spki"]);
    let (status, _) = with_public_key(&inner, AlgChoice::FromToken, &spki, 1_800_000_000);
    assert!(
        matches!(status, SignatureStatus::Valid { .. }),
        "{status:?}"
    );
}

/// Fresh tokens from jose on every run (new keys each time), unless node
/// or jose is missing and `JWT_LENS_SKIP_NODE=1` allows skipping.
#[test]
fn fresh_jose_tokens_decrypt() {
    let Some(out) = fixtures::node::run("tests/jwe/jose_encrypt.mjs", &[], None) else {
        return;
    };
    assert_eq!(decrypt_jose_output(&out), 122);
}

fn a(n: usize) -> (String, String) {
    let vectors = fixture("rfc7516.json");
    let v = &vectors["vectors"][n];
    (text(&v["token"]), v["key"].to_string())
}

/// `token` with the last character of segment `index` changed.
fn flip(token: &str, index: usize) -> String {
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let part = &mut parts[index];
    // A change in the first character keeps the segment canonical base64url.
    let first = part.remove(0);
    part.insert(0, if first == 'A' { 'B' } else { 'A' });
    parts.join(".")
}

#[test]
fn flipped_tag_fails_with_authentication_tag_mismatch() {
    for n in [0, 1, 2] {
        let (token, key) = a(n);
        let err = jwe::decrypt(&flip(&token, 4), &key).expect_err("altered tag");
        assert_eq!(err, JweError::TagMismatch, "A.{}", n + 1);
        assert_eq!(
            err.to_string(),
            "authentication tag mismatch: wrong key or altered token"
        );
        assert_eq!(err.state(), State::Failed);
    }
}

#[test]
fn flipped_ciphertext_fails_with_authentication_tag_mismatch() {
    let (token, key) = a(0);
    let err = jwe::decrypt(&flip(&token, 3), &key).expect_err("altered ciphertext");
    assert_eq!(err, JweError::TagMismatch);
}

#[test]
fn flipped_protected_header_byte_fails_as_the_aad_changes() {
    // The header is AAD: a different but valid header must not decrypt.
    let (token, key) = a(2);
    let (_, rest) = token.split_once('.').expect("segments");
    let header = base64url::encode(br#"{"alg":"A128KW","enc":"A128CBC-HS256","x":1}"#);
    let err = jwe::decrypt(&format!("{header}.{rest}"), &key).expect_err("new AAD");
    assert_eq!(err, JweError::TagMismatch);
}

#[test]
fn wrong_rsa_key_fails_to_decrypt_the_encrypted_key() {
    let (token, _) = a(0);
    let (_, other_key) = a(1);
    let err = jwe::decrypt(&token, &other_key).expect_err("another RSA key");
    assert_eq!(
        err.to_string(),
        "RSA-OAEP decryption of the encrypted key failed: wrong key or altered token"
    );
}

#[test]
fn wrong_aes_key_fails_the_unwrap_integrity_check() {
    let (token, _) = a(2);
    let err = jwe::decrypt(&token, "AAAAAAAAAAAAAAAAAAAAAA").expect_err("zero key");
    assert_eq!(
        err.to_string(),
        "A128KW key unwrap failed its integrity check: wrong key or altered encrypted key"
    );
}

#[test]
fn ec_key_for_rsa_oaep_fails_with_wrong_key_type() {
    let (token, _) = a(0);
    let out = fixture("jose/tokens.json");
    let ec = jose_key(&out["keys"], "p256");
    let err = jwe::decrypt(&token, &ec).expect_err("EC key for RSA-OAEP");
    assert_eq!(
        err.to_string(),
        "wrong key type: RSA-OAEP needs an RSA private key, got an EC key on P-256"
    );
    let err = jwe::decrypt(&token, "correct horse").expect_err("text for RSA-OAEP");
    assert!(matches!(err, JweError::KeyUnreadable { .. }), "{err}");
}

#[test]
fn ecdh_key_on_another_curve_fails_with_wrong_key_type() {
    let out = fixture("jose/tokens.json");
    let token = out["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .find(|t| t["key"] == "p384")
        .expect("a P-384 token");
    let err = jwe::decrypt(&text(&token["token"]), &jose_key(&out["keys"], "p256"))
        .expect_err("P-256 key for a P-384 epk");
    assert_eq!(
        err.to_string(),
        "wrong key type: the token's ephemeral key (epk) is on P-384, this key is on P-256"
    );
}

#[test]
fn public_key_is_refused_as_not_private() {
    let (token, _) = a(0);
    let out = fixture("jose/tokens.json");
    let err = jwe::decrypt(&token, &text(&out["keys"]["rsa"]["spki"])).expect_err("SPKI");
    assert_eq!(
        err.to_string(),
        "this is a PEM public key: decrypting needs the private key, which only the recipient holds"
    );
}

/// A PBES2 token asking for `p2c` iterations (with a valid-looking rest).
fn pbes2_token(p2c: &str) -> String {
    let header = format!(
        r#"{{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAA","p2c":{p2c}}}"#
    );
    format!(
        "{}.{}.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA",
        base64url::encode(header.as_bytes()),
        "A".repeat(54),
    )
}

#[test]
fn p2c_above_the_cap_is_refused_before_any_work() {
    for p2c in ["2000000", "4294967296", "1e12", "600001"] {
        let started = Instant::now();
        let err = jwe::decrypt(&pbes2_token(p2c), "password").expect_err("above the cap");
        assert!(
            started.elapsed() < Duration::from_millis(50),
            "{p2c} took work"
        );
        assert_eq!(err.state(), State::Refused);
        assert!(
            err.to_string()
                .starts_with(&format!("p2c {p2c} is above the cap of {P2C_CAP}")),
            "{err}"
        );
    }
    // Refused even before the key text is read.
    let err = jwe::decrypt(&pbes2_token("2000000"), "").expect_err("no key");
    assert!(matches!(err, JweError::P2cAboveCap { .. }));
}

#[test]
fn p2c_that_is_not_a_positive_integer_fails() {
    for p2c in ["0", "-5", "1.5", "\"100\""] {
        let err = jwe::decrypt(&pbes2_token(p2c), "password").expect_err("bad p2c");
        assert!(
            matches!(err, JweError::BadParam { name: "p2c", .. }),
            "{p2c}: {err}"
        );
    }
}

#[test]
fn deflate_bomb_is_refused_at_the_inflate_limit() {
    // 3 MiB of zeros in a few kilobytes of DEFLATE, from jose's run.
    let out = fixture("jose/tokens.json");
    let bomb = out["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .find(|t| t["bomb"].as_bool() == Some(true))
        .expect("the bomb");
    assert!(text(&bomb["token"]).len() < 20_000, "a small token");
    let err =
        jwe::decrypt(&text(&bomb["token"]), &jose_key(&out["keys"], "kw256")).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "the compressed plaintext inflates to more than 2097152 bytes; JWT Lens stopped there \
         (a small token can inflate to gigabytes)"
    );
    // And the inflater on its own: 16 MiB of zeros as raw DEFLATE.
    let huge = vec![0u8; 16 * 1024 * 1024];
    let deflated = zeros_deflate(&huge);
    assert!(matches!(
        jwe::inflate(&deflated),
        Err(JweError::InflateTooLarge { .. })
    ));
}

/// Raw DEFLATE (RFC 1951 §3.2.6) of all-zero `data`, written by hand so no
/// compressor is needed: one fixed-Huffman block of a literal 0, then
/// back-references of the maximum length 258 at distance 1.
fn zeros_deflate(data: &[u8]) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u32,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u32, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes go most-significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            let reversed = (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i));
            self.put(reversed, len);
        }
    }
    assert!(data.iter().all(|b| *b == 0));
    let mut bits = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman
    bits.code(0x30, 8); // literal 0
    let mut left = data.len() - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length code 285 = 258
        bits.code(0, 5); // distance code 0 = 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30, 8);
    }
    bits.code(0, 7); // end of block (256)
    bits.put(0, 7);
    bits.out
}

#[test]
fn crit_and_unsupported_algorithms_are_refused() {
    let segments = "AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    for (header, expected) in [
        (
            r#"{"alg":"dir","enc":"A128GCM","crit":["exp"],"exp":1}"#,
            "the header's crit requires \"exp\", which JWT Lens does not implement",
        ),
        (
            r#"{"alg":"RSA-OAEP-1024","enc":"A128GCM"}"#,
            "alg \"RSA-OAEP-1024\" is not a key-management algorithm JWT Lens decrypts",
        ),
        (
            r#"{"alg":"dir","enc":"C20P"}"#,
            "enc \"C20P\" is not a content encryption JWT Lens decrypts",
        ),
        (
            r#"{"alg":"dir","enc":"A128GCM","zip":"GZIP"}"#,
            "zip \"GZIP\" is not a compression JWT Lens inflates",
        ),
    ] {
        let token = format!("{}.{segments}", base64url::encode(header.as_bytes()));
        let err = jwe::decrypt(&token, "AAAAAAAAAAAAAAAAAAAAAA").expect_err(header);
        assert_eq!(err.state(), State::Refused, "{header}");
        assert!(err.to_string().starts_with(expected), "{err}");
    }
}

#[test]
fn json_serialization_refuses_a_parameter_in_two_headers() {
    let example = fixture("rfc7520/5_11.json");
    let mut json = example["output"]["json"].clone();
    // 5.11 puts "enc" in the protected header; repeat it unprotected.
    json["unprotected"]["enc"] = Value::from("A128GCM");
    let err = jwe::decrypt(&json.to_string(), &example["input"]["key"].to_string())
        .expect_err("duplicate");
    assert_eq!(
        err.to_string(),
        "header parameter \"enc\" is in both the protected header and the shared unprotected \
         header; RFC 7516 §7.2.1 requires them disjoint"
    );
}

#[test]
fn zip_outside_the_protected_header_is_refused() {
    let example = fixture("rfc7520/5_11.json");
    let mut json = example["output"]["json"].clone();
    json["unprotected"]["zip"] = Value::from("DEF");
    let err = jwe::decrypt(&json.to_string(), &example["input"]["key"].to_string())
        .expect_err("zip unprotected");
    assert_eq!(err, JweError::ZipUnprotected);
}

#[test]
fn compact_with_four_segments_is_not_a_jwe() {
    let err = jwe::parse("a.b.c.d").expect_err("four");
    assert_eq!(err, JweError::Segments { found: 4 });
}

#[test]
fn multi_recipient_json_with_no_matching_key_names_the_count() {
    let example = fixture("rfc7520/5_13.json");
    let (_, unrelated) = a(2);
    let err =
        jwe::decrypt(&example["output"]["json"].to_string(), &unrelated).expect_err("no recipient");
    assert!(
        err.to_string()
            .starts_with("none of the 3 recipients decrypts with this key; the first: "),
        "{err}"
    );
}

#[test]
fn answer_crosses_the_wire_unchanged() {
    use jwt_lens::jwt::jwe::{Answer, AnswerState};
    let (token, key) = a(0);
    let answer = Answer::from_result(&jwe::decrypt(&token, &key));
    assert_eq!(answer.state, AnswerState::Decrypted);
    assert_eq!(Answer::from_wire(&answer.to_wire()), Some(answer.clone()));
    // Binary plaintext travels as base64url.
    let mut binary = answer.clone();
    binary.plaintext = vec![0xff, 0x00, 0xfe];
    assert!(
        binary
            .to_wire()
            .contains(r#""plaintext_encoding":"base64url""#)
    );
    assert_eq!(Answer::from_wire(&binary.to_wire()), Some(binary));
    let refused = Answer::from_result(&jwe::decrypt(&pbes2_token("2000000"), "pw"));
    assert_eq!(refused.state, AnswerState::Refused);
    assert_eq!(Answer::from_wire(&refused.to_wire()), Some(refused));
    // Fails closed on a state the page does not know.
    let odd = answer.to_wire().replace("\"decrypted\"", "\"ok\"");
    assert_eq!(
        Answer::from_wire(&odd).map(|a| a.state),
        Some(AnswerState::Failed)
    );
}

#[test]
fn cookbook_x25519_ecdh_es_example_decrypts() {
    let example = fixture("cookbook_x25519.json");
    let done = decrypts_to(
        &text(&example["output"]["compact"]),
        &example["input"]["key"].to_string(),
        &text(&example["input"]["plaintext"]),
    );
    assert_eq!(done.alg, KeyAlg::EcdhEs(None));
}
