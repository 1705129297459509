//! Signing with a private key (src/jwt/sign): known answers from the RFCs
//! and RFC 9964's ML-DSA examples, sign-then-verify through the keys module
//! for every algorithm, key forms and their errors. The comparison with npm
//! `jose` is in tests/sign_jose.rs.

use jwt_lens::jwt::base64url;
use jwt_lens::jwt::keys::KeyError;
use jwt_lens::jwt::sign::{
    KeyType, MlDsaLevel, PrivateSource, PublicKey, Randomness, SignError, SigningAlg, generate,
    pkcs8_pem, private_exports, public_exports, read_private_key, read_public_key, sign,
    verify_ml_dsa,
};
use jwt_lens::jwt::verify::with_public_key;
use jwt_lens::jwt::{AlgChoice, SignatureStatus, inspect};
use serde_json::Value;

const NOW: i64 = 1_800_000_000;

/// RFC 8037 §A.1: the Ed25519 private key.
const RFC8037_A1_JWK: &str = r#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
/// RFC 8037 §A.4: the JWS signed with it.
const RFC8037_A4_TOKEN: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
/// RFC 7638 §3.1: the example RSA key and its thumbprint.
const RFC7638_JWK: &str = r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#;
const RFC7638_THUMBPRINT: &str = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

fn random() -> Randomness {
    Randomness::from_seed(&[7; 32]).expect("32 bytes")
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/sign/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("JSON")
}

fn fixture_key(name: &str) -> Value {
    fixture("keys.json")["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .find(|k| k["name"] == name)
        .expect("key")
        .clone()
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

/// A compact JWS of `alg` signed with `key`.
fn token(alg: SigningAlg, key_text: &str) -> String {
    let key = read_private_key(key_text).expect("a private key");
    let header = base64url::encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes());
    let payload = base64url::encode(br#"{"sub":"signed by JWT Lens"}"#);
    let input = format!("{header}.{payload}");
    let signature = sign(alg, &key, input.as_bytes(), &mut random()).expect("signs");
    format!("{input}.{}", base64url::encode(&signature))
}

/// Whether the keys module (the decoder's verifier) calls `token` valid.
fn verifies(token: &str, public: &str) -> bool {
    let report = inspect(token).expect("a token");
    let (status, _) = with_public_key(&report, AlgChoice::FromToken, public, NOW);
    matches!(status, SignatureStatus::Valid { .. })
}

#[test]
fn rfc8037_a4_ed25519_signature_matches_byte_for_byte() {
    let (input, expected) = RFC8037_A4_TOKEN.rsplit_once('.').expect("a JWS");
    let key = read_private_key(RFC8037_A1_JWK).expect("the RFC's key");
    for alg in [SigningAlg::EdDsa, SigningAlg::Ed25519] {
        let signature = sign(alg, &key, input.as_bytes(), &mut random()).expect("signs");
        assert_eq!(base64url::encode(&signature), expected, "{alg}");
    }
}

#[test]
fn rfc8037_a3_thumbprint_matches() {
    let key = read_private_key(RFC8037_A1_JWK).expect("the RFC's key");
    assert_eq!(
        key.public_key().thumbprint(),
        "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    );
}

#[test]
fn rfc7638_example_thumbprint_matches() {
    let key = read_public_key(RFC7638_JWK).expect("the RFC's key");
    let exports = public_exports(&key, None).expect("exports");
    assert_eq!(exports.thumbprint, RFC7638_THUMBPRINT);
    // The JWK holds the required members only, in the order RFC 7638 §3.3
    // hashes them, so hashing it as written gives the same thumbprint.
    let jwk: Value = serde_json::from_str(&exports.jwk).expect("JSON");
    let names: Vec<&String> = jwk.as_object().expect("object").keys().collect();
    assert_eq!(names, ["e", "kty", "n"]);
    assert!(exports.jwks.contains(&format!("\"kid\": \"{RFC7638_THUMBPRINT}\"")));
}

/// RFC 6979 §A.2.5: deterministic ECDSA on P-256 with SHA-256 over "sample".
#[test]
fn rfc6979_p256_sha256_signature_matches() {
    let member = |h: &str| base64url::encode(&hex(h));
    let jwk = format!(
        r#"{{"kty":"EC","crv":"P-256","d":"{}","x":"{}","y":"{}"}}"#,
        member("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"),
        member("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"),
        member("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299"),
    );
    let key = read_private_key(&jwk).expect("the RFC's key");
    let signature = sign(SigningAlg::Es256, &key, b"sample", &mut random()).expect("signs");
    let expected = hex(concat!(
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"
    ));
    assert_eq!(signature, expected);
}

/// RFC 9964's examples (made with CIRCL): the seed expands to the same
/// public key, the `kid` is our AKP thumbprint, our deterministic signature
/// is theirs byte for byte, and theirs verifies here.
#[test]
fn rfc9964_ml_dsa_examples_match() {
    for (level, file) in [
        (MlDsaLevel::L44, "ML_DSA_44.jose.json"),
        (MlDsaLevel::L65, "ML_DSA_65.jose.json"),
        (MlDsaLevel::L87, "ML_DSA_87.jose.json"),
    ] {
        let example = fixture(file);
        let jwk = example["jwk"].to_string();
        let key = read_private_key(&jwk).expect("the example's private JWK");
        assert_eq!(key.ml_dsa_level(), Some(level));
        let public = key.public_key();
        let PublicKey::MlDsa { encoded, .. } = &public else {
            panic!("an ML-DSA key")
        };
        assert_eq!(*encoded, hex(example["raw_public_key"].as_str().expect("hex")));
        assert_eq!(public.thumbprint(), example["jwk"]["kid"], "{file}: kid");

        let input = hex(example["raw_to_be_signed"].as_str().expect("hex"));
        let theirs = hex(example["raw_signature"].as_str().expect("hex"));
        let ours = sign(level.alg(), &key, &input, &mut random()).expect("signs");
        assert_eq!(ours, theirs, "{file}: deterministic signature");
        assert!(verify_ml_dsa(level, encoded, &input, &theirs));
        let jws = example["jws"].as_str().expect("jws");
        assert!(jws.starts_with(std::str::from_utf8(&input).expect("ASCII")));

        let mut tampered = input.clone();
        tampered[0] ^= 1;
        assert!(!verify_ml_dsa(level, encoded, &tampered, &theirs));
    }
}

#[test]
fn ml_dsa_signature_verifies_with_the_ml_dsa_crate() {
    use ml_dsa::signature::Verifier;
    let key = generate(KeyType::MlDsa(MlDsaLevel::L65), &mut random());
    let signature = sign(SigningAlg::MlDsa65, &key, b"a.b", &mut random()).expect("signs");
    let PublicKey::MlDsa { encoded, .. } = key.public_key() else {
        panic!("ML-DSA")
    };
    let verifying = ml_dsa::VerifyingKey::<ml_dsa::MlDsa65>::decode(
        encoded.as_slice().try_into().expect("1952 bytes"),
    );
    let signature = ml_dsa::Signature::<ml_dsa::MlDsa65>::try_from(signature.as_slice())
        .expect("3309 bytes");
    assert!(verifying.verify(b"a.b", &signature).is_ok());
}

/// Every classical algorithm, signed here with a key generated here (RSA
/// from the fixtures: RSA generation is WebCrypto's), verifies with the
/// decoder's verifier and the exported public key, as SPKI PEM and as JWK.
#[test]
fn signed_here_verifies_here_for_every_alg() {
    let rsa = fixture_key("rsa")["pkcs8_pem"].as_str().expect("pem").to_owned();
    for alg in SigningAlg::ALL {
        let key_text = match alg.name().as_bytes()[0] {
            b'R' | b'P' => rsa.clone(),
            b'M' => continue,
            _ => {
                let kind = match alg {
                    SigningAlg::Es256 => KeyType::P256,
                    SigningAlg::Es384 => KeyType::P384,
                    SigningAlg::Es512 => KeyType::P521,
                    _ => KeyType::Ed25519,
                };
                pkcs8_pem(&generate(kind, &mut random())).expect("PKCS #8")
            }
        };
        let jws = token(alg, &key_text);
        let public = read_private_key(&key_text).expect("key").public_key();
        let exports = public_exports(&public, Some(alg)).expect("exports");
        assert!(verifies(&jws, &exports.pem), "{alg} with the SPKI PEM");
        assert!(verifies(&jws, &exports.jwk), "{alg} with the JWK");
        assert!(verifies(&jws, &exports.jwks), "{alg} with the JWKS");
        let mut tampered = jws.clone();
        tampered.replace_range(3..4, if &jws[3..4] == "x" { "y" } else { "x" });
        assert!(!verifies(&tampered, &exports.pem), "{alg} tampered");
    }
}

#[test]
fn every_private_key_form_reads_as_the_same_key() {
    let rsa = fixture_key("rsa");
    let p256 = fixture_key("p256");
    for (entry, forms) in [(&rsa, ["pkcs8_pem", "pkcs1_pem"]), (&p256, ["pkcs8_pem", "sec1_pem"])] {
        let jwk = entry["private_jwk"].to_string();
        let from_jwk = read_private_key(&jwk).expect("JWK");
        assert_eq!(from_jwk.source, PrivateSource::Jwk);
        for form in forms {
            let key = read_private_key(entry[form].as_str().expect("PEM")).expect(form);
            assert_eq!(key.public_key().thumbprint(), from_jwk.public_key().thumbprint());
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
            assert_eq!(again.public_key().thumbprint(), thumbprint, "{}", kind.name());
        }
        let public = public_exports(&key.public_key(), None).expect("public");
        assert_eq!(read_public_key(&public.pem).expect("PEM").thumbprint(), thumbprint);
        assert_eq!(read_public_key(&public.jwk).expect("JWK").thumbprint(), thumbprint);
    }
    let rsa = read_private_key(fixture_key("rsa")["pkcs8_pem"].as_str().expect("pem")).expect("rsa");
    let exports = private_exports(&rsa).expect("exports");
    let again = read_private_key(&exports.jwk).expect("private JWK reads back");
    assert_eq!(again.public_key().thumbprint(), rsa.public_key().thumbprint());
}

#[test]
fn the_same_randomness_makes_the_same_key_and_different_randomness_another() {
    let a = generate(KeyType::P256, &mut random());
    let b = generate(KeyType::P256, &mut random());
    let c = generate(KeyType::P256, &mut Randomness::from_seed(&[8; 32]).expect("32"));
    assert_eq!(a.public_key().thumbprint(), b.public_key().thumbprint());
    assert_ne!(a.public_key().thumbprint(), c.public_key().thumbprint());
}

#[test]
fn pss_only_key_signs_ps_and_refuses_rs() {
    let pem = fixture_key("rsa-pss")["pkcs8_pem"].as_str().expect("pem").to_owned();
    let key = read_private_key(&pem).expect("a PSS key");
    assert_eq!(key.default_alg(), SigningAlg::Ps256);
    let err = sign(SigningAlg::Rs256, &key, b"x", &mut random()).expect_err("RS with PSS key");
    assert!(matches!(err, SignError::PssOnly { .. }));
    let spki = public_exports(&key.public_key(), None).expect("exports").pem;
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
    assert!(matches!(err, SignError::WrongKey { alg: "ML-DSA-65", .. }));
}

#[test]
fn rsa_key_under_2048_bits_is_refused_for_signing() {
    let pem = fixture("keys.json")["weak_rsa_pkcs8_pem"].as_str().expect("pem").to_owned();
    let key = read_private_key(&pem).expect("still readable");
    let err = sign(SigningAlg::Rs256, &key, b"x", &mut random()).expect_err("1024 bits");
    assert_eq!(err, SignError::RsaTooShort { bits: 1024 });
    assert!(err.to_string().starts_with("this RSA key is 1024 bits; RFC 7518 §3.3 requires"));
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
    assert!(matches!(key.check(SigningAlg::Rs256), Err(SignError::JwkUse { .. })));
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
    assert!(verifies(&token(SigningAlg::Rs256, &private_exports(&key).expect("e").pkcs8_pem), spki));
    let partial = serde_json::json!({"kty": "RSA", "n": full["n"], "e": full["e"], "d": full["d"], "p": full["p"]});
    let err = read_private_key(&partial.to_string()).expect_err("p alone");
    assert!(err.to_string().contains("it has p but not q, dp, dq, qi"), "{err}");
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
        ("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----", "an encrypted private key"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----", "an OpenSSH or PuTTY private key"),
        (r#"{"kty":"oct","k":"c2VjcmV0"}"#, "this JWK is a shared HMAC secret"),
        (r#"{"keys":[]}"#, "a JWKS"),
        ("hello", "not a private key JWT Lens can read"),
    ];
    for (text, start) in cases {
        let err = read_private_key(text).expect_err(text);
        assert!(err.to_string().starts_with(start), "{text:?}: {err}");
    }
    let broken = "-----BEGIN PRIVATE KEY-----\nMII*\n-----END PRIVATE KEY-----";
    assert!(matches!(read_private_key(broken), Err(SignError::Pem(KeyError::PemBase64 { .. }))));
}

#[test]
fn names_parse_and_rsa_generation_points_to_webcrypto() {
    for alg in SigningAlg::ALL {
        assert_eq!(SigningAlg::from_name(alg.name()), Ok(alg));
    }
    assert!(matches!(SigningAlg::from_name("HS256"), Err(SignError::Alg { .. })));
    assert_eq!(KeyType::from_name("RSA-4096"), Err(SignError::RsaGeneration));
    assert_eq!(KeyType::from_name("ML-DSA-87"), Ok(KeyType::MlDsa(MlDsaLevel::L87)));
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
    assert_eq!(*encoded, hex(example["raw_public_key"].as_str().expect("hex")));
    assert!(exports.pem.starts_with("-----BEGIN PUBLIC KEY-----\nMIIFMjALBglghkgBZQMEAxEDggUhAL"));
}

#[test]
fn private_key_debug_never_shows_the_key() {
    let key = read_private_key(RFC8037_A1_JWK).expect("key");
    let debug = format!("{key:?}");
    assert!(!debug.contains("nWGxne"), "{debug}");
    assert!(debug.contains("[redacted]"));
}
