//! Signing with a private key (src/jwt/sign): known answers from the RFCs
//! and RFC 9964's ML-DSA examples, and sign-then-verify through the keys
//! module for every algorithm. Key forms and their errors are in
//! tests/sign_keys.rs, the comparison with npm `jose` in tests/sign_jose.rs.

use jwt_lens::jwt::base64url;
use jwt_lens::jwt::sign::{
    KeyType, MlDsaLevel, PublicKey, SigningAlg, generate, pkcs8_pem, public_exports,
    read_private_key, read_public_key, sign, verify_ml_dsa,
};
use serde_json::Value;

mod fixtures;

use fixtures::signing::{fixture, fixture_key, hex, random, token, verifies};

/// RFC 8037 §A.1: the Ed25519 private key.
const RFC8037_A1_JWK: &str = r#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
/// RFC 8037 §A.4: the JWS signed with it.
const RFC8037_A4_TOKEN: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
/// RFC 7638 §3.1: the example RSA key and its thumbprint.
const RFC7638_JWK: &str = r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#;
const RFC7638_THUMBPRINT: &str = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

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
    assert!(
        exports
            .jwks
            .contains(&format!("\"kid\": \"{RFC7638_THUMBPRINT}\""))
    );
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
        assert_eq!(
            *encoded,
            hex(example["raw_public_key"].as_str().expect("hex"))
        );
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
    let signature =
        ml_dsa::Signature::<ml_dsa::MlDsa65>::try_from(signature.as_slice()).expect("3309 bytes");
    assert!(verifying.verify(b"a.b", &signature).is_ok());
}

/// Every algorithm, ML-DSA included, signed here with a key generated here
/// (RSA from the fixtures: RSA generation is WebCrypto's), verifies with
/// the decoder's verifier and the exported public key, as SPKI PEM and as
/// JWK, and fails once tampered.
#[test]
fn signed_here_verifies_here_for_every_alg() {
    let rsa = fixture_key("rsa")["pkcs8_pem"]
        .as_str()
        .expect("pem")
        .to_owned();
    for alg in SigningAlg::ALL {
        let key_text = match alg.name().as_bytes()[0] {
            b'R' | b'P' => rsa.clone(),
            _ => {
                let kind = match alg {
                    SigningAlg::MlDsa44 => KeyType::MlDsa(MlDsaLevel::L44),
                    SigningAlg::MlDsa65 => KeyType::MlDsa(MlDsaLevel::L65),
                    SigningAlg::MlDsa87 => KeyType::MlDsa(MlDsaLevel::L87),
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
