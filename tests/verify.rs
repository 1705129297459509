//! HMAC verification with secrets in every encoding.

mod fixtures;

use fixtures::{JWT_IO, JWT_IO_SECRET, RFC7515_A1, RFC7515_A1_KEY};
use jwt_lens::jwt::{
    Alg, AlgChoice, Error, HmacAlg, Secret, SecretEncoding, SignatureStatus, inspect, sign, verify,
};

fn check(token: &str, secret: &str, encoding: SecretEncoding) -> SignatureStatus {
    let report = inspect(token).unwrap();
    verify(
        &report,
        AlgChoice::FromToken,
        Some(Secret::decode(secret, encoding)),
    )
}

#[test]
fn rfc7515_a1_verifies_with_its_jwk_key_as_base64url() {
    assert_eq!(
        check(RFC7515_A1, RFC7515_A1_KEY, SecretEncoding::Base64Url),
        SignatureStatus::Valid {
            alg: Alg::Hmac(HmacAlg::Hs256)
        }
    );
}

#[test]
fn rfc7515_a1_key_read_as_utf8_is_invalid() {
    assert_eq!(
        check(RFC7515_A1, RFC7515_A1_KEY, SecretEncoding::Utf8).as_str(),
        "invalid"
    );
}

#[test]
fn jwt_io_example_verifies_with_its_secret() {
    assert_eq!(
        check(JWT_IO, JWT_IO_SECRET, SecretEncoding::Utf8).as_str(),
        "valid"
    );
}

#[test]
fn wrong_secret_is_invalid() {
    let status = check(JWT_IO, "your-256-bit-secreT", SecretEncoding::Utf8);
    assert!(matches!(
        status,
        SignatureStatus::Invalid {
            alg: Alg::Hmac(HmacAlg::Hs256),
            ..
        }
    ));
}

#[test]
fn one_changed_signature_character_is_invalid() {
    let tampered = JWT_IO.replace("Sfl", "Sfm");
    assert_eq!(
        check(&tampered, JWT_IO_SECRET, SecretEncoding::Utf8).as_str(),
        "invalid"
    );
}

#[test]
fn hex_and_base64_secrets_decode_to_the_same_key() {
    let key = b"your-256-bit-secret";
    let hex: String = key.iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(
        Secret::decode(&hex, SecretEncoding::Hex)
            .unwrap()
            .as_bytes(),
        key
    );
    assert_eq!(check(JWT_IO, &hex, SecretEncoding::Hex).as_str(), "valid");
    assert_eq!(
        check(
            JWT_IO,
            "eW91ci0yNTYtYml0LXNlY3JldA==",
            SecretEncoding::Base64
        )
        .as_str(),
        "valid"
    );
}

#[test]
fn malformed_secrets_say_where() {
    assert!(matches!(
        Secret::decode("abzz", SecretEncoding::Hex),
        Err(Error::Secret {
            position: 3,
            character: 'z',
            ..
        })
    ));
    assert!(matches!(
        Secret::decode("abc", SecretEncoding::Hex),
        Err(Error::SecretLength { length: 3, .. })
    ));
    assert!(matches!(
        Secret::decode("a-b_", SecretEncoding::Base64),
        Err(Error::Secret {
            position: 2,
            character: '-',
            ..
        })
    ));
    assert_eq!(
        Secret::decode("zz", SecretEncoding::Hex)
            .unwrap_err()
            .to_string(),
        "secret: 'z' at position 1 is not valid hex"
    );
    let status = check(JWT_IO, "xyz!", SecretEncoding::Base64Url);
    assert_eq!(status.as_str(), "unverified");
}

#[test]
fn no_secret_is_unverified() {
    let report = inspect(JWT_IO).unwrap();
    assert_eq!(
        verify(&report, AlgChoice::FromToken, None).as_str(),
        "unverified"
    );
}

#[test]
fn every_hmac_algorithm_signs_and_verifies() {
    let secret = Secret::from_bytes(vec![7; 64]);
    for alg in HmacAlg::ALL {
        let header = format!(r#"{{"alg":"{alg}"}}"#);
        let token = sign(alg, &header, r#"{"n":1.0}"#, &secret);
        let report = inspect(&token).unwrap();
        assert_eq!(
            report.signature.as_ref().map(Vec::len),
            Some(alg.output_len())
        );
        assert_eq!(
            verify(&report, AlgChoice::FromToken, Some(Ok(secret.clone()))),
            SignatureStatus::Valid {
                alg: Alg::Hmac(alg)
            }
        );
    }
}

#[test]
fn chosen_algorithm_that_differs_from_the_token_fails() {
    let report = inspect(JWT_IO).unwrap();
    let secret = Some(Secret::decode(JWT_IO_SECRET, SecretEncoding::Utf8));
    let status = verify(&report, AlgChoice::Fixed(HmacAlg::Hs512), secret);
    assert!(
        matches!(
            status,
            SignatureStatus::Invalid {
                alg: Alg::Hmac(HmacAlg::Hs512),
                ..
            }
        ),
        "{status:?}"
    );
    assert!(status.message().contains("HS256"));
}

#[test]
fn alg_none_is_unsigned_even_with_a_secret() {
    let token = fixtures::unsigned(r#"{"alg":"none"}"#, r#"{"sub":"x"}"#, "");
    assert_eq!(
        check(&token, "secret", SecretEncoding::Utf8),
        SignatureStatus::Unsigned
    );
}

#[test]
fn public_key_alg_is_never_verified_with_a_secret() {
    let token = fixtures::unsigned(r#"{"alg":"RS256"}"#, r#"{"sub":"x"}"#, "AAAA");
    let status = check(&token, "secret", SecretEncoding::Utf8);
    assert_eq!(status.as_str(), "unverified");
    assert!(
        status.message().contains("never with a secret"),
        "{status:?}"
    );
    let report = inspect(&token).unwrap();
    let forced = verify(
        &report,
        AlgChoice::Fixed(HmacAlg::Hs256),
        Some(Ok(Secret::from_bytes(b"secret".to_vec()))),
    );
    assert_eq!(forced.as_str(), "invalid");
}

#[test]
fn unknown_alg_is_unsupported_and_lists_what_is() {
    let token = fixtures::unsigned(r#"{"alg":"ES256K"}"#, r#"{"sub":"x"}"#, "AAAA");
    let status = check(&token, "secret", SecretEncoding::Utf8);
    assert_eq!(
        status,
        SignatureStatus::Unsupported {
            alg: "ES256K".into()
        }
    );
    assert!(status.message().contains("HS256, HS384, HS512, RS256"));
    assert!(status.message().contains("ES512, EdDSA"));
}

#[test]
fn secret_debug_is_redacted() {
    let secret = Secret::from_bytes(b"hunter2".to_vec());
    assert_eq!(format!("{secret:?}"), "Secret([redacted; 7 bytes])");
}

#[test]
fn signature_with_stray_trailing_bits_is_invalid_though_the_mac_matches() {
    // 'c' → 'd' changes only the two bits base64url drops from the last character.
    let tampered = format!("{}d", &JWT_IO[..JWT_IO.len() - 1]);
    let status = check(&tampered, JWT_IO_SECRET, SecretEncoding::Utf8);
    assert!(
        matches!(status, SignatureStatus::Invalid { .. }),
        "{status:?}"
    );
    assert!(status.message().contains("not canonical base64url"));
    let report = inspect(&tampered).unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.id == "non-canonical-base64")
    );
}
