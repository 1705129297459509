//! Private keys for signing (src/jwt/sign): every form reads as the same
//! key, exports read back, a key refuses an `alg` it does not fit, and what
//! is not a private key says what it is. Known answers are in
//! tests/sign.rs, the comparison with npm `jose` in tests/sign_jose.rs.

use jwt_lens::jwt::keys::KeyError;
use jwt_lens::jwt::sign::{
    KeyType, MlDsaLevel, PrivateSource, PublicKey, Randomness, SignError, SigningAlg, generate,
    pkcs8_pem, private_exports, public_exports, read_private_key, read_public_key, sign,
};
use serde_json::Value;

mod fixtures;

use fixtures::signing::{fixture, fixture_key, hex, random, token, verifies};

/// RFC 8037 §A.1: the Ed25519 private key.
const RFC8037_A1_JWK: &str = r#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;

#[test]
fn every_private_key_form_reads_as_the_same_key() {
    let rsa = fixture_key("rsa");
    let p256 = fixture_key("p256");
    for (entry, forms) in [
        (&rsa, ["pkcs8_pem", "pkcs1_pem"]),
        (&p256, ["pkcs8_pem", "sec1_pem"]),
    ] {
        let jwk = entry["private_jwk"].to_string();
        let from_jwk = read_private_key(&jwk).expect("JWK");
        assert_eq!(from_jwk.source, PrivateSource::Jwk);
        for form in forms {
            let key = read_private_key(entry[form].as_str().expect("PEM")).expect(form);
            assert_eq!(
                key.public_key().thumbprint(),
                from_jwk.public_key().thumbprint()
            );
        }
    }
}

#[test]
fn exports_read_back_as_the_same_key() {
    for kind in KeyType::ALL {
        let key = generate(kind, &mut random());
        let exports = private_exports(&key).expect("exports");
        let thumbprint = key.public_key().thumbprint();
        for text in [&exports.pkcs8_pem, &exports.jwk] {
            let again = read_private_key(text).expect("reads back");
            assert_eq!(
                again.public_key().thumbprint(),
                thumbprint,
                "{}",
                kind.name()
            );
        }
        let public = public_exports(&key.public_key(), None).expect("public");
        assert_eq!(
            read_public_key(&public.pem).expect("PEM").thumbprint(),
            thumbprint
        );
        assert_eq!(
            read_public_key(&public.jwk).expect("JWK").thumbprint(),
            thumbprint
        );
    }
    let rsa =
        read_private_key(fixture_key("rsa")["pkcs8_pem"].as_str().expect("pem")).expect("rsa");
    let exports = private_exports(&rsa).expect("exports");
    let again = read_private_key(&exports.jwk).expect("private JWK reads back");
    assert_eq!(
        again.public_key().thumbprint(),
        rsa.public_key().thumbprint()
    );
}

#[test]
fn the_same_randomness_makes_the_same_key_and_different_randomness_another() {
    let a = generate(KeyType::P256, &mut random());
    let b = generate(KeyType::P256, &mut random());
    let c = generate(
        KeyType::P256,
        &mut Randomness::from_seed(&[8; 32]).expect("32"),
    );
    assert_eq!(a.public_key().thumbprint(), b.public_key().thumbprint());
    assert_ne!(a.public_key().thumbprint(), c.public_key().thumbprint());
}

#[test]
fn pss_only_key_signs_ps_and_refuses_rs() {
    let pem = fixture_key("rsa-pss")["pkcs8_pem"]
        .as_str()
        .expect("pem")
        .to_owned();
    let key = read_private_key(&pem).expect("a PSS key");
    assert_eq!(key.default_alg(), SigningAlg::Ps256);
    let err = sign(SigningAlg::Rs256, &key, b"x", &mut random()).expect_err("RS with PSS key");
    assert!(matches!(err, SignError::PssOnly { .. }));
    let spki = public_exports(&key.public_key(), None)
        .expect("exports")
        .pem;
    assert!(verifies(&token(SigningAlg::Ps384, &pem), &spki));
}

#[test]
fn key_that_does_not_fit_the_alg_is_refused() {
    let p384 = pkcs8_pem(&generate(KeyType::P384, &mut random())).expect("pem");
    let key = read_private_key(&p384).expect("key");
    let err = sign(SigningAlg::Es256, &key, b"x", &mut random()).expect_err("P-384 for ES256");
    assert_eq!(
        err.to_string(),
        "an EC private key on P-384 cannot sign ES256, which needs an EC key on P-256"
    );
    let ml = generate(KeyType::MlDsa(MlDsaLevel::L44), &mut random());
    let err = sign(SigningAlg::MlDsa65, &ml, b"x", &mut random()).expect_err("44 for 65");
    assert!(matches!(
        err,
        SignError::WrongKey {
            alg: "ML-DSA-65",
            ..
        }
    ));
}

#[test]
fn rsa_key_under_2048_bits_is_refused_for_signing() {
    let pem = fixture("keys.json")["weak_rsa_pkcs8_pem"]
        .as_str()
        .expect("pem")
        .to_owned();
    let key = read_private_key(&pem).expect("still readable");
    let err = sign(SigningAlg::Rs256, &key, b"x", &mut random()).expect_err("1024 bits");
    assert_eq!(err, SignError::RsaTooShort { bits: 1024 });
    assert!(
        err.to_string()
            .starts_with("this RSA key is 1024 bits; RFC 7518 §3.3 requires")
    );
}

#[test]
fn jwk_alg_use_and_key_ops_are_respected() {
    let entry = fixture_key("rsa");
    let mut jwk = entry["private_jwk"].clone();
    jwk["alg"] = "PS256".into();
    let key = read_private_key(&jwk.to_string()).expect("key");
    let err = sign(SigningAlg::Rs256, &key, b"x", &mut random()).expect_err("alg PS256 only");
    assert_eq!(
        err.to_string(),
        "this JWK is for alg PS256 only (its \"alg\" member), not RS256"
    );
    assert_eq!(key.default_alg(), SigningAlg::Ps256);
    jwk["alg"] = Value::Null;
    jwk.as_object_mut().expect("object").remove("alg");
    jwk["key_ops"] = serde_json::json!(["verify"]);
    let key = read_private_key(&jwk.to_string()).expect("key");
    assert!(matches!(
        key.check(SigningAlg::Rs256),
        Err(SignError::JwkUse { .. })
    ));
}

#[test]
fn jwk_whose_public_members_are_another_keys_is_refused() {
    let mut jwk = fixture_key("p256")["private_jwk"].clone();
    jwk["x"] = fixture_key("p256")["private_jwk"]["y"].clone();
    let err = read_private_key(&jwk.to_string()).expect_err("x is not d's");
    assert_eq!(
        err.to_string(),
        "the key contradicts itself: the JWK's \"x\" is not the public key of its private members"
    );
    let mut rsa = fixture_key("rsa")["private_jwk"].clone();
    rsa["dq"] = rsa["dp"].clone();
    assert!(matches!(
        read_private_key(&rsa.to_string()),
        Err(SignError::Mismatch { .. })
    ));
}

#[test]
fn rsa_jwk_without_crt_members_is_read() {
    let entry = fixture_key("rsa");
    let full = &entry["private_jwk"];
    let jwk = serde_json::json!({"kty": "RSA", "n": full["n"], "e": full["e"], "d": full["d"]});
    let key = read_private_key(&jwk.to_string()).expect("n, e and d are enough");
    let spki = entry["spki_pem"].as_str().expect("pem");
    assert!(verifies(
        &token(
            SigningAlg::Rs256,
            &private_exports(&key).expect("e").pkcs8_pem
        ),
        spki
    ));
    let partial = serde_json::json!({"kty": "RSA", "n": full["n"], "e": full["e"], "d": full["d"], "p": full["p"]});
    let err = read_private_key(&partial.to_string()).expect_err("p alone");
    assert!(
        err.to_string().contains("it has p but not q, dp, dq, qi"),
        "{err}"
    );
}

#[test]
fn what_is_not_a_private_key_says_what_it_is() {
    let p256 = fixture_key("p256");
    let cases: [(&str, &str); 8] = [
        ("  ", "paste a private key to sign with"),
        (
            p256["spki_pem"].as_str().expect("pem"),
            "this is a PEM public key, which only verifies",
        ),
        (
            r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
            "this is a public JWK",
        ),
        (
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----",
            "an encrypted private key",
        ),
        (
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----",
            "an OpenSSH or PuTTY private key",
        ),
        (
            r#"{"kty":"oct","k":"c2VjcmV0"}"#,
            "this JWK is a shared HMAC secret",
        ),
        (r#"{"keys":[]}"#, "a JWKS"),
        ("hello", "not a private key JWT Lens can read"),
    ];
    for (text, start) in cases {
        let err = read_private_key(text).expect_err(text);
        assert!(err.to_string().starts_with(start), "{text:?}: {err}");
    }
    let broken = "-----BEGIN PRIVATE KEY-----\nMII*\n-----END PRIVATE KEY-----";
    assert!(matches!(
        read_private_key(broken),
        Err(SignError::Pem(KeyError::PemBase64 { .. }))
    ));
}

#[test]
fn names_parse_and_rsa_generation_points_to_webcrypto() {
    for alg in SigningAlg::ALL {
        assert_eq!(SigningAlg::from_name(alg.name()), Ok(alg));
    }
    assert!(matches!(
        SigningAlg::from_name("HS256"),
        Err(SignError::Alg { .. })
    ));
    assert_eq!(
        KeyType::from_name("RSA-4096"),
        Err(SignError::RsaGeneration)
    );
    assert_eq!(
        KeyType::from_name("ML-DSA-87"),
        Ok(KeyType::MlDsa(MlDsaLevel::L87))
    );
    assert_eq!(
        Randomness::from_seed(&[0; 16]).expect_err("16").to_string(),
        "the page passed 16 random bytes; signing and making keys take exactly 32 from the \
         browser's crypto.getRandomValues"
    );
}

#[test]
fn ml_dsa_public_key_converts_between_pem_and_jwk() {
    let example = fixture("ML_DSA_44.jose.json");
    let mut public = example["jwk"].clone();
    public.as_object_mut().expect("object").remove("priv");
    let from_jwk = read_public_key(&public.to_string()).expect("AKP public JWK");
    let exports = public_exports(&from_jwk, None).expect("exports");
    assert_eq!(exports.thumbprint, example["jwk"]["kid"]);
    let from_pem = read_public_key(&exports.pem).expect("ML-DSA SPKI");
    assert_eq!(from_pem.thumbprint(), exports.thumbprint);
    // The SPKI of RFC 9881: SEQUENCE { SEQUENCE { id-ml-dsa-44 }, BIT STRING }.
    let PublicKey::MlDsa { encoded, .. } = &from_pem else {
        panic!("ML-DSA")
    };
    assert_eq!(
        *encoded,
        hex(example["raw_public_key"].as_str().expect("hex"))
    );
    assert!(
        exports
            .pem
            .starts_with("-----BEGIN PUBLIC KEY-----\nMIIFMjALBglghkgBZQMEAxEDggUhAL")
    );
}

#[test]
fn private_key_debug_never_shows_the_key() {
    let key = read_private_key(RFC8037_A1_JWK).expect("key");
    let debug = format!("{key:?}");
    assert!(!debug.contains("nWGxne"), "{debug}");
    assert!(debug.contains("[redacted]"));
}

/// RFC 9964's private AKP JWK carries its seed as `priv`: the decoder's key
/// box refuses it as private, and points to the encoder.
#[test]
fn ml_dsa_private_jwk_is_refused_where_a_public_key_belongs() {
    use jwt_lens::jwt::keys::{SecretKind, secret_material};
    let jwk = fixture("ML_DSA_44.jose.json")["jwk"].to_string();
    assert_eq!(secret_material(&jwk), Some(SecretKind::JwkPrivate));
    let err = read_public_key(&jwk).expect_err("a private key");
    assert!(
        err.to_string()
            .ends_with("To sign with it, use the encoder"),
        "{err}"
    );
}

/// The decoder's key box converts what it verifies with: a certificate, a
/// PKCS #1 public key and a one-key JWKS give the SPKI key's JWK; a set of
/// several keys asks for one of them.
#[test]
fn public_key_in_any_form_converts_to_the_same_jwk() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/keys/tokens.json"
    );
    let fixtures: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixtures")).expect("JSON");
    for case in fixtures["cases"].as_array().expect("cases") {
        let alg = case["alg"].as_str().expect("alg");
        let spki = read_public_key(case["spki_pem"].as_str().expect("spki")).expect("SPKI");
        let expected = public_exports(&spki, None).expect("exports");
        let jwk: Value = match &case["jwk"] {
            Value::String(text) => serde_json::from_str(text).expect("JWK"),
            json => json.clone(),
        };
        let one_key_set = serde_json::json!({ "keys": [jwk] }).to_string();
        for form in ["cert_pem", "pkcs1_pem", "jwk", "one-key JWKS"] {
            let text = match &case[form] {
                _ if form == "one-key JWKS" => one_key_set.clone(),
                Value::Null => continue,
                Value::String(text) => text.clone(),
                json => json.to_string(),
            };
            let key = read_public_key(&text).expect(form);
            let exports = public_exports(&key, None).expect("exports");
            assert_eq!(exports.jwk, expected.jwk, "{alg} {form}");
            assert_eq!(exports.pem, expected.pem, "{alg} {form}");
        }
    }
    let two = r#"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#;
    let err = read_public_key(two).expect_err("two keys");
    assert_eq!(
        err.to_string(),
        "not a usable JWKS: it has 2 keys; paste one of them to convert it"
    );
}
