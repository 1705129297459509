//! HMAC verification with secrets in every encoding.

mod fixtures;

use fixtures::{JWT_IO, JWT_IO_SECRET, RFC7515_A1, RFC7515_A1_KEY};
use jwt_lens::jwt::{
    Alg, AlgChoice, Credential, Error, HmacAlg, Part, Reason, Secret, SecretEncoding,
    SignatureStatus, inspect, sign, verify,
};

fn check(token: &str, secret: &str, encoding: SecretEncoding) -> SignatureStatus {
    let report = inspect(token).unwrap();
    verify(
        &report,
        Credential::Secret(Secret::decode(secret, encoding)),
        AlgChoice::FromToken,
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

/// Positions count in the secret as typed: the trimmed spaces in front are
/// characters the person sees, so they are counted too.
#[test]
fn secret_with_leading_spaces_points_at_typed_character() {
    for (typed, encoding) in [
        ("  abc!", SecretEncoding::Base64Url),
        ("\t  ab+c!d", SecretEncoding::Base64),
        ("   abzz", SecretEncoding::Hex),
        // An ideographic space is three bytes but one character.
        ("\u{3000} ab!", SecretEncoding::Base64Url),
    ] {
        let bad = typed.find('!').or_else(|| typed.find('z')).unwrap();
        // Character (not byte) positions from 1, as the message defines them.
        let expected = typed[..bad].chars().count() + 1;
        let err = Secret::decode(typed, encoding).unwrap_err();
        let Error::Secret { position, .. } = err else {
            panic!("{typed:?}: expected a character error, got {err}");
        };
        assert_eq!(position, expected, "{typed:?}");
    }
    let bad_padding = "  ab=c";
    assert!(matches!(
        Secret::decode(bad_padding, SecretEncoding::Base64Url),
        Err(Error::Secret { position, character: '=', .. })
            if position == bad_padding.find('=').unwrap() + 1
    ));
}

#[test]
fn no_secret_is_unverified() {
    let report = inspect(JWT_IO).unwrap();
    assert_eq!(
        verify(&report, Credential::None, AlgChoice::FromToken).as_str(),
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
            verify(
                &report,
                Credential::Secret(Ok(secret.clone())),
                AlgChoice::FromToken
            ),
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
    let status = verify(
        &report,
        secret.map_or(Credential::None, Credential::Secret),
        AlgChoice::Fixed(HmacAlg::Hs512),
    );
    assert!(
        matches!(
            status,
            SignatureStatus::Invalid {
                alg: Alg::Hmac(HmacAlg::Hs512),
                reason: Reason::AlgMismatch {
                    token: Some(Alg::Hmac(HmacAlg::Hs256)),
                    chosen: Alg::Hmac(HmacAlg::Hs512),
                },
            }
        ),
        "{status:?}"
    );
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
    assert!(
        matches!(
            &status,
            SignatureStatus::Unverified {
                reason: Reason::SecretForPublicKeyAlg { alg: Alg::Rsa(256) }
            }
        ),
        "{status:?}"
    );
    // Pins the page wording of this reason (the one test that does).
    assert!(
        status.message().contains("never with a secret"),
        "{status:?}"
    );
    let report = inspect(&token).unwrap();
    let forced = verify(
        &report,
        Credential::Secret(Ok(Secret::from_bytes(b"secret".to_vec()))),
        AlgChoice::Fixed(HmacAlg::Hs256),
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
    // Pins the page wording: the message lists what is supported.
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
    assert!(
        matches!(
            status,
            SignatureStatus::Invalid {
                reason: Reason::NotCanonical {
                    part: Part::Signature
                },
                ..
            }
        ),
        "{status:?}"
    );
    let report = inspect(&tampered).unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.id == "non-canonical-base64")
    );
}

// One verification path: every credential goes through the same structural
// check, so a token that is not exactly a compact JWS never reads as valid.
// Public-key fixtures are signed by npm jose (tests/fixtures/keys); HMAC
// tokens are built with the `hmac` crate directly, not with JWT Lens's signer.

/// Inside the validity of the fixtures' certificates.
const NOW: i64 = 1_800_000_000;

fn key_cases() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/keys/tokens.json"
    ))
    .expect("tests/fixtures/keys/tokens.json");
    let fixtures: serde_json::Value = serde_json::from_str(&text).expect("fixtures are JSON");
    fixtures["cases"].as_array().expect("cases").clone()
}

/// A token signed with HMAC by the `hmac` crate, with its secret.
fn hmac_token(alg: &str) -> (String, String) {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use hmac::{Hmac, KeyInit, Mac};
    let secret = format!("a secret long enough for {alg}, with some margin to spare!!");
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#)),
        URL_SAFE_NO_PAD.encode(r#"{"sub":"1234567890","admin":true}"#)
    );
    fn mac<M: Mac + KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
        let mut m = <M as KeyInit>::new_from_slice(key).unwrap();
        m.update(data);
        m.finalize().into_bytes().to_vec()
    }
    let key = secret.as_bytes();
    let signature = match alg {
        "HS256" => mac::<Hmac<sha2::Sha256>>(key, input.as_bytes()),
        "HS384" => mac::<Hmac<sha2::Sha384>>(key, input.as_bytes()),
        _ => mac::<Hmac<sha2::Sha512>>(key, input.as_bytes()),
    };
    (
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature)),
        secret,
    )
}

/// Every token the tests verify, with the credential text that verifies it.
fn tokens() -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = ["HS256", "HS384", "HS512"]
        .into_iter()
        .map(|alg| {
            let (token, secret) = hmac_token(alg);
            (alg.to_owned(), token, secret)
        })
        .collect();
    for case in key_cases() {
        out.push((
            case["alg"].as_str().unwrap().to_owned(),
            case["token"].as_str().unwrap().to_owned(),
            case["spki_pem"].as_str().unwrap().to_owned(),
        ));
    }
    out
}

/// The status the page shows for `token` checked with `credential`: a
/// secret for HS*, a public key otherwise.
fn status_for(alg: &str, token: &str, credential: &str) -> SignatureStatus {
    let Some(report) = inspect(token) else {
        return SignatureStatus::Unverified {
            reason: Reason::Unreadable,
        };
    };
    if alg.starts_with("HS") {
        let secret = Secret::decode(credential, SecretEncoding::Utf8);
        verify(&report, Credential::Secret(secret), AlgChoice::FromToken)
    } else {
        jwt_lens::jwt::verify::with_public_key(&report, AlgChoice::FromToken, credential, NOW).0
    }
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn signature_bytes(token: &str) -> Vec<u8> {
    use base64::Engine;
    let signature = token.rsplit('.').next().unwrap();
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(signature)
        .unwrap()
}

fn with_signature(token: &str, signature: &[u8]) -> String {
    let (input, _) = token.rsplit_once('.').unwrap();
    format!("{input}.{}", b64(signature))
}

/// The token with every segment in standard base64 (`+` and `/`), or `None`
/// when no segment has a character that differs.
fn standard_alphabet(token: &str) -> Option<String> {
    let changed = token.replace('-', "+").replace('_', "/");
    (changed != token).then_some(changed)
}

#[test]
fn every_alg_fixture_unmodified_is_valid() {
    for (alg, token, credential) in tokens() {
        let status = status_for(&alg, &token, &credential);
        assert_eq!(status.as_str(), "valid", "{alg}: {status:?}");
    }
}

#[test]
fn every_alg_with_wrong_segment_count_is_never_valid() {
    for (alg, token, credential) in tokens() {
        let (input, signature) = token.rsplit_once('.').unwrap();
        let variants = [
            ("2 segments", input.to_owned()),
            ("4 segments", format!("{token}.junk")),
            ("5 segments", format!("{token}.junk.more")),
            ("trailing dot", format!("{token}.")),
            ("signature moved", format!("{input}..{signature}")),
        ];
        for (what, bad) in variants {
            let status = status_for(&alg, &bad, &credential);
            assert_ne!(status.as_str(), "valid", "{alg}, {what}: {status:?}");
        }
        let four = status_for(&alg, &format!("{token}.junk"), &credential);
        assert!(
            matches!(
                four,
                SignatureStatus::Invalid {
                    reason: Reason::Malformed { segments: 4 },
                    ..
                }
            ),
            "{alg}: {four:?}"
        );
        let dot = status_for(&alg, &format!("{token}."), &credential);
        assert!(
            matches!(
                dot,
                SignatureStatus::Invalid {
                    reason: Reason::Malformed { segments: 4 },
                    ..
                }
            ),
            "{alg}: {dot:?}"
        );
    }
}

#[test]
fn every_alg_with_non_canonical_base64_is_never_valid() {
    let mut standard_seen = 0;
    for (alg, token, credential) in tokens() {
        let pad = "=".repeat(match token.rsplit('.').next().unwrap().len() % 4 {
            0 => 4,
            n => 4 - n,
        });
        let padded = format!("{token}{pad}");
        let status = status_for(&alg, &padded, &credential);
        assert_ne!(status.as_str(), "valid", "{alg}, padded: {status:?}");
        if let Some(standard) = standard_alphabet(&token) {
            standard_seen += 1;
            let status = status_for(&alg, &standard, &credential);
            assert_ne!(status.as_str(), "valid", "{alg}, +/: {status:?}");
            assert!(
                matches!(
                    status,
                    SignatureStatus::Invalid {
                        reason: Reason::NotCanonical { .. },
                        ..
                    }
                ),
                "{alg}, +/: {status:?}"
            );
        }
        let spaced = token.replacen('.', ". ", 1);
        let status = status_for(&alg, &format!("x{spaced}"), &credential);
        assert_ne!(status.as_str(), "valid", "{alg}, whitespace: {status:?}");
    }
    assert!(standard_seen > 3, "too few tokens had '-' or '_' to swap");
}

#[test]
fn every_alg_with_truncated_or_lengthened_signature_is_never_valid() {
    for (alg, token, credential) in tokens() {
        let signature = signature_bytes(&token);
        let truncated = with_signature(&token, &signature[..signature.len() - 1]);
        let mut longer = signature.clone();
        longer.push(0);
        let lengthened = with_signature(&token, &longer);
        for (what, bad) in [("truncated", truncated), ("lengthened", lengthened)] {
            let status = status_for(&alg, &bad, &credential);
            assert_ne!(status.as_str(), "valid", "{alg}, {what}: {status:?}");
            assert_eq!(status.as_str(), "invalid", "{alg}, {what}: {status:?}");
        }
    }
}

#[test]
fn ecdsa_all_zero_signature_is_invalid() {
    for (alg, token, credential) in tokens() {
        if !alg.starts_with("ES") {
            continue;
        }
        let zeros = vec![0u8; signature_bytes(&token).len()];
        let status = status_for(&alg, &with_signature(&token, &zeros), &credential);
        assert!(
            matches!(
                status,
                SignatureStatus::Invalid {
                    reason: Reason::ZeroEcdsa,
                    ..
                }
            ),
            "{alg}: {status:?}"
        );
    }
}

#[test]
fn prepare_hands_the_keys_module_only_checked_bytes() {
    for (alg, token, _) in tokens() {
        let report = inspect(&token).unwrap();
        let checked = jwt_lens::jwt::verify::prepare(&report, AlgChoice::FromToken).unwrap();
        assert_eq!(checked.alg().to_string(), alg);
        assert_eq!(checked.signature(), signature_bytes(&token).as_slice());
        let (input, _) = token.rsplit_once('.').unwrap();
        assert_eq!(checked.signing_input(), input.as_bytes());
        let junk = inspect(&format!("{token}.junk")).unwrap();
        assert!(jwt_lens::jwt::verify::prepare(&junk, AlgChoice::FromToken).is_err());
    }
}

#[test]
fn key_answer_from_the_wire_fails_closed() {
    use jwt_lens::jwt::keys::KeyCheck;
    let asked = Alg::parse("RS256");
    for wire in [
        r#"{"state":"maybe","alg":"RS256","reason":"","key":"used","facts":[],"notes":[]}"#,
        r#"{"state":"valid","alg":"HS256","reason":"","key":"used","facts":[],"notes":[]}"#,
        r#"{"state":"valid","alg":"ES256","reason":"","key":"used","facts":[],"notes":[]}"#,
        r#"{"state":"valid","alg":"","reason":"","key":"used","facts":[],"notes":[]}"#,
    ] {
        let answer = KeyCheck::from_wire(wire).expect("readable wire");
        let status = jwt_lens::jwt::verify::with_key_answer(&asked, &answer);
        assert_eq!(status.as_str(), "unverified", "{wire}: {status:?}");
    }
}

/// An HS256 token over `header` exactly as written, signed by the `hmac`
/// crate (not JWT Lens's own signer).
fn hs256_with_header(header: &str, secret: &str) -> String {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use hmac::{Hmac, KeyInit, Mac};
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(r#"{"sub":"1"}"#)
    );
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    format!(
        "{input}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

/// RFC 7515 §4.1.11: a recipient that does not understand an extension
/// listed in `crit` must reject the token; JWT Lens understands only `b64`
/// (RFC 7797), and refuses `b64: false` that `crit` does not list (npm
/// jose rejects the same tokens with ERR_JOSE_NOT_SUPPORTED).
#[test]
fn crit_extension_makes_a_correct_mac_invalid() {
    let secret = "a-secret-that-is-long-enough-for-hs256!!";
    for header in [
        r#"{"alg":"HS256","crit":["urn:example:unknown"],"urn:example:unknown":1}"#,
        r#"{"alg":"HS256","b64":false,"crit":["b64","urn:example:unknown"]}"#,
        r#"{"alg":"HS256","crit":"not-a-list"}"#,
        r#"{"alg":"HS256","crit":[]}"#,
    ] {
        let token = hs256_with_header(header, secret);
        let status = check(&token, secret, SecretEncoding::Utf8);
        assert!(
            matches!(
                status,
                SignatureStatus::Invalid {
                    reason: Reason::Crit { .. },
                    ..
                }
            ),
            "{header}: {status:?}"
        );
    }
    // The same MAC without crit verifies: only crit made the difference.
    let plain = hs256_with_header(r#"{"alg":"HS256"}"#, secret);
    assert_eq!(
        check(&plain, secret, SecretEncoding::Utf8).as_str(),
        "valid"
    );
}

/// A JWE's `alg` names key management, not a signature: the status says
/// the token is encrypted, whatever its `alg`.
#[test]
fn jwe_is_encrypted_not_an_unsupported_alg() {
    // RFC 7516 Appendix A.1's JWE (RSA-OAEP, A256GCM), segments shortened:
    // only the header and the count of segments matter here.
    let header = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ";
    let jwe = format!(
        "{header}.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ"
    );
    for secret in ["anything", ""] {
        let status = check(&jwe, secret, SecretEncoding::Utf8);
        assert!(
            matches!(
                status,
                SignatureStatus::Unverified {
                    reason: Reason::Encrypted
                }
            ),
            "{status:?}"
        );
    }
}

/// RFC 9964's ML-DSA examples (tests/fixtures/sign) without a key: the
/// decoder asks for the public key (verifying is in tests/verify_ml_dsa.rs),
/// and checks the signature's length against FIPS 204 Table 2.
#[test]
fn ml_dsa_token_without_a_key_asks_for_one() {
    for (file, name, len) in [
        ("ML_DSA_44.jose.json", "ML-DSA-44", 2420),
        ("ML_DSA_65.jose.json", "ML-DSA-65", 3309),
        ("ML_DSA_87.jose.json", "ML-DSA-87", 4627),
    ] {
        let path = format!("{}/tests/fixtures/sign/{file}", env!("CARGO_MANIFEST_DIR"));
        let example: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let report = inspect(example["jws"].as_str().unwrap()).unwrap();
        let alg = report.alg().unwrap();
        assert_eq!(alg.to_string(), name);
        assert!(alg.is_ml_dsa(), "{alg}");
        assert!(alg.judge_signature_length(len).0, "{alg}");
        assert!(!alg.judge_signature_length(len - 1).0, "{alg}");
        let status = verify(&report, Credential::None, AlgChoice::FromToken);
        assert!(
            matches!(
                &status,
                SignatureStatus::Unverified {
                    reason: Reason::NoKey { .. }
                }
            ),
            "{status:?}"
        );
        assert!(
            !status.message().contains("not supported"),
            "{}",
            status.message()
        );
        let finding = report
            .findings
            .iter()
            .find(|f| f.id == "alg-unknown")
            .unwrap();
        assert!(finding.message.contains("is ML-DSA"), "{}", finding.message);
    }
    assert!(!Alg::parse("ML-DSA-99").is_ml_dsa());
}
