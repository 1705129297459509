//! Public-key verification: the RFCs' own examples, tokens signed by an
//! independent library (npm `jose`, see tests/fixtures/keys/generate.mjs),
//! tampering, algorithm confusion, JWKS `kid` selection and secret material.

use jwt_lens::jwt::base64url::Fault;
use jwt_lens::jwt::keys::{self, KeyError, KeyState, SecretKind, read_keys, secret_material};
use jwt_lens::jwt::verify::{Reason, with_public_key};
use jwt_lens::jwt::{
    AlgChoice, Credential, Secret, SecretEncoding, SignatureStatus, inspect, verify,
};
use serde_json::Value;

/// 2027-01-15: inside the validity of the fixtures' ten-year certificates
/// (generated 2026-11-25; regenerating them after this date needs a new NOW).
const NOW: i64 = 1_800_000_000;

const RFC7515_A2_TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
const RFC7515_A2_JWK: &str = r#"{"kty":"RSA","n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ","e":"AQAB"}"#;
const RFC7515_A3_TOKEN: &str = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
const RFC7515_A3_JWK: &str = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;
const RFC8037_A4_TOKEN: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
const RFC8037_A4_JWK: &str =
    r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;

fn fixtures() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/keys/tokens.json"
    ))
    .expect("tests/fixtures/keys/tokens.json");
    serde_json::from_str(&text).expect("fixtures are JSON")
}

fn cases() -> Vec<Value> {
    fixtures()["cases"].as_array().expect("cases").clone()
}

fn case(alg: &str) -> Value {
    cases().into_iter().find(|c| c["alg"] == alg).expect("case")
}

fn text(v: &Value, name: &str) -> String {
    v[name]
        .as_str()
        .unwrap_or_else(|| panic!("fixture member {name}"))
        .to_owned()
}

/// RFC 7515 A.2's JWK with one more member, written as `"name":value`.
fn a2_jwk_with(member: &str) -> String {
    RFC7515_A2_JWK.replace("\"kty\"", &format!("{member},\"kty\""))
}

/// The page's status for a token and key, with the keys module's answer.
#[derive(Debug)]
struct Run {
    status: SignatureStatus,
    check: keys::KeyCheck,
}

impl std::ops::Deref for Run {
    type Target = keys::KeyCheck;
    fn deref(&self) -> &keys::KeyCheck {
        &self.check
    }
}

fn run_at(token: &str, key: &str, now: i64) -> Run {
    let report = inspect(token).expect("a token");
    let (status, check) = with_public_key(&report, AlgChoice::FromToken, key, now);
    // A token the core refused never reaches the keys module: no facts.
    let check = check.unwrap_or_else(|| keys::KeyCheck::unverified(status.message()));
    Run { status, check }
}

fn run(token: &str, key: &str) -> Run {
    run_at(token, key, NOW)
}

fn state(token: &str, key: &str) -> &'static str {
    run(token, key).status.as_str()
}

#[test]
fn rfc7515_a2_rs256_verifies_with_its_published_key() {
    let check = run(RFC7515_A2_TOKEN, RFC7515_A2_JWK);
    assert_eq!(check.status.as_str(), "valid", "{check:?}");
    assert_eq!(check.key_state, KeyState::Used);
    assert!(
        check
            .facts
            .iter()
            .any(|(k, v)| k == "Key" && v == "RSA public key, 2048 bits"),
        "{check:?}"
    );
}

#[test]
fn rfc7515_a3_es256_verifies_with_its_published_key() {
    let check = run(RFC7515_A3_TOKEN, RFC7515_A3_JWK);
    assert_eq!(check.status.as_str(), "valid", "{check:?}");
    assert!(
        check
            .facts
            .iter()
            .any(|(_, v)| v == "EC public key on P-256")
    );
}

#[test]
fn rfc8037_a4_ed25519_verifies_with_its_published_key() {
    assert_eq!(state(RFC8037_A4_TOKEN, RFC8037_A4_JWK), "valid");
}

#[test]
fn rfc_examples_fail_when_one_payload_character_changes() {
    for (token, key) in [
        (RFC7515_A2_TOKEN, RFC7515_A2_JWK),
        (RFC7515_A3_TOKEN, RFC7515_A3_JWK),
        (RFC8037_A4_TOKEN, RFC8037_A4_JWK),
    ] {
        let dot = token.find('.').expect("a dot") + 3;
        let mut bytes = token.as_bytes().to_vec();
        bytes[dot] = if bytes[dot] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).expect("ascii");
        let check = run(&tampered, key);
        assert_eq!(check.status.as_str(), "invalid", "{check:?}");
    }
}

#[test]
fn rfc7638_thumbprint_of_the_rfc_example_key() {
    // RFC 7638 §3.1's example key (RFC 7517 A.1's), and the thumbprint printed there.
    let jwk = r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#;
    let entries = read_keys(jwk).expect("a key");
    let key = entries[0].key.as_ref().expect("usable");
    assert_eq!(
        keys::thumbprint(key),
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    );
}

#[test]
fn every_jose_signed_token_verifies_with_each_key_form() {
    let cases = cases();
    assert_eq!(cases.len(), 10);
    for case in &cases {
        let alg = text(case, "alg");
        let token = text(case, "token");
        let mut forms = vec![
            ("spki", text(case, "spki_pem")),
            ("jwk", text(case, "jwk")),
            ("jwks", text(case, "jwks")),
        ];
        for optional in ["pkcs1_pem", "cert_pem"] {
            if let Some(pem) = case[optional].as_str() {
                forms.push((optional, pem.to_owned()));
            }
        }
        for (form, key) in forms {
            let check = run(&token, &key);
            assert_eq!(
                check.status.as_str(),
                "valid",
                "{alg} with {form}: {check:?}"
            );
            assert_eq!(check.key_state, KeyState::Used, "{alg} with {form}");
        }
    }
}

#[test]
fn tampered_jose_tokens_fail() {
    for case in cases() {
        let check = run(&text(&case, "tampered"), &text(&case, "spki_pem"));
        assert_eq!(
            check.status.as_str(),
            "invalid",
            "{}: {check:?}",
            text(&case, "alg")
        );
        assert!(
            matches!(
                check.status,
                SignatureStatus::Invalid {
                    reason: Reason::KeyMismatch(_),
                    ..
                }
            ),
            "{check:?}"
        );
    }
}

#[test]
fn a_key_of_another_type_never_verifies() {
    let (rs, es, es384, ed) = (case("RS256"), case("ES256"), case("ES384"), case("EdDSA"));
    // An RSA key for ES256, an EC key for RS256, the wrong curve, Ed25519 for ES256.
    for (token, key) in [
        (text(&es, "token"), text(&rs, "spki_pem")),
        (text(&rs, "token"), text(&es, "spki_pem")),
        (text(&es, "token"), text(&es384, "spki_pem")),
        (text(&es, "token"), text(&ed, "spki_pem")),
    ] {
        let check = run(&token, &key);
        assert!(
            matches!(
                check.status,
                SignatureStatus::Invalid {
                    reason: Reason::WrongKeyType(_),
                    ..
                }
            ),
            "{check:?}"
        );
    }
    // Pins the page wording of a wrong key type once: it names what is needed.
    let check = run(&text(&es, "token"), &text(&es384, "spki_pem"));
    assert!(
        check
            .status
            .message()
            .contains("cannot verify ES256, which needs an EC key on P-256"),
        "{check:?}"
    );
}

#[test]
fn jwks_key_is_picked_by_the_tokens_kid() {
    let case = case("RS256");
    let check = run(&text(&case, "token"), &text(&case, "jwks"));
    assert_eq!(check.status.as_str(), "valid");
    let kid = check
        .facts
        .iter()
        .find(|(k, _)| k == "kid")
        .expect("kid fact");
    assert!(
        kid.1.starts_with("rs256-2026 (matches the token's kid)"),
        "{kid:?}"
    );
    assert!(
        check
            .facts
            .iter()
            .any(|(k, v)| k == "From" && v == "JWKS, key 2 of 2")
    );
}

#[test]
fn jwks_without_the_tokens_kid_lists_the_kids_present() {
    let case = case("ES256");
    let jwks = text(&case, "jwks").replace("es256-2026", "rotated-away");
    let check = run(&text(&case, "token"), &jwks);
    assert!(
        matches!(
            check.status,
            SignatureStatus::Unverified {
                reason: Reason::KeyUnusable(_)
            }
        ),
        "{check:?}"
    );
    // Pins the wording: the kids present are the evidence a person needs.
    let message = check.status.message();
    assert!(message.contains("\"es256-2026\""), "{message}");
    assert!(
        message.contains("\"other-key\"") && message.contains("\"rotated-away\""),
        "{message}"
    );
}

#[test]
fn a_token_without_kid_tries_each_fitting_key_of_a_jwks() {
    let case = case("EdDSA");
    // RFC 8037's token has no kid; put its key second in a set.
    let jwks = format!(
        "{{\"keys\":[{},{}]}}",
        serde_json::from_str::<Value>(&text(&case, "jwks")).expect("json")["keys"][0],
        RFC8037_A4_JWK
    );
    let check = run(RFC8037_A4_TOKEN, &jwks);
    assert_eq!(check.status.as_str(), "valid", "{check:?}");
    assert!(
        check
            .facts
            .iter()
            .any(|(k, v)| k == "From" && v == "JWKS, key 2 of 2")
    );
}

#[test]
fn a_jwk_for_another_alg_or_for_encryption_is_refused() {
    let pinned = a2_jwk_with("\"alg\":\"PS256\"");
    let enc = a2_jwk_with("\"use\":\"enc\"");
    for jwk in [&pinned, &enc] {
        let check = run(RFC7515_A2_TOKEN, jwk);
        assert!(
            matches!(
                check.status,
                SignatureStatus::Invalid {
                    reason: Reason::KeyRefused(_),
                    ..
                }
            ),
            "{check:?}"
        );
    }
    // Pins the page wording of an alg-restricted JWK.
    let check = run(RFC7515_A2_TOKEN, &pinned);
    assert!(check.status.message().contains("PS256 only"), "{check:?}");
}

#[test]
fn hmac_secret_offered_for_rs256_never_verifies() {
    let case = case("RS256");
    let report = inspect(&text(&case, "token")).expect("token");
    // In the secret box: the token's RS256 is never checked with a secret.
    let status = verify(
        &report,
        Credential::Secret(Secret::decode("whatever", SecretEncoding::Utf8)),
        AlgChoice::FromToken,
    );
    assert!(
        matches!(
            status,
            SignatureStatus::Unverified {
                reason: Reason::SecretForPublicKeyAlg { .. }
            }
        ),
        "{status:?}"
    );
    // In the public-key box: an oct JWK is refused as secret material.
    let oct = r#"{"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"}"#;
    assert_eq!(secret_material(oct), Some(SecretKind::JwkSymmetric));
    let check = run(&text(&case, "token"), oct);
    assert_eq!(check.key_state, KeyState::Refused);
    assert!(
        matches!(
            &check.status,
            SignatureStatus::Unverified {
                reason: Reason::KeyUnusable(text)
            } if *text == KeyError::Secret(SecretKind::JwkSymmetric).to_string()
        ),
        "{check:?}"
    );
}

#[test]
fn hs256_forged_with_the_public_key_as_secret_is_refused() {
    let fixtures = fixtures();
    let forged = &fixtures["hs256_confusion"];
    let report = inspect(&text(forged, "token")).expect("token");
    let secret = Secret::decode(&text(forged, "spki_pem"), SecretEncoding::Utf8);
    let status = verify(&report, Credential::Secret(secret), AlgChoice::FromToken);
    let SignatureStatus::Invalid { reason, .. } = &status else {
        panic!("expected invalid, got {status:?}");
    };
    assert!(matches!(reason, Reason::PublicKeyAsSecret), "{reason}");
    // Pins the page wording of this reason (the one test that does).
    assert!(
        reason.to_string().contains("algorithm-confusion"),
        "{reason}"
    );
}

#[test]
fn private_keys_are_detected_and_refused() {
    let fixtures = fixtures();
    let case = &fixtures["cases"][0];
    for key in [
        text(case, "private_pem"),
        text(case, "private_jwk"),
        fixtures["pkcs1_private_pem"]
            .as_str()
            .expect("pem")
            .to_owned(),
        fixtures["ec_private_pem"].as_str().expect("pem").to_owned(),
        format!("{{\"keys\":[{}]}}", text(case, "private_jwk")),
    ] {
        assert!(secret_material(&key).is_some(), "{key}");
        let check = run(&text(case, "token"), &key);
        assert_eq!(check.key_state, KeyState::Refused);
        assert!(
            matches!(
                secret_material(&key),
                Some(SecretKind::PemPrivate | SecretKind::JwkPrivate)
            ),
            "{key}"
        );
        assert!(
            matches!(
                check.status,
                SignatureStatus::Unverified {
                    reason: Reason::KeyUnusable(_)
                }
            ),
            "{check:?}"
        );
    }
    assert!(secret_material(&text(case, "spki_pem")).is_none());
    assert!(secret_material(&text(case, "jwks")).is_none());
}

#[test]
fn a_1024_bit_rsa_key_verifies_but_is_flagged() {
    let fixtures = fixtures();
    let weak = &fixtures["weak_rsa"];
    let check = run(&text(weak, "token"), &text(weak, "spki_pem"));
    assert_eq!(check.status.as_str(), "valid", "{check:?}");
    assert!(
        check
            .notes
            .iter()
            .any(|n| n.contains("1024 bits") && n.contains("2048")),
        "{check:?}"
    );
}

#[test]
fn a_certificate_shows_its_subject_and_validity() {
    let case = case("ES256");
    let check = run(&text(&case, "token"), &text(&case, "cert_pem"));
    assert_eq!(check.status.as_str(), "valid");
    let fact = |name: &str| {
        check
            .facts
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        fact("Subject").as_deref(),
        Some("CN=JWT Lens fixture ES256, O=JWT Lens")
    );
    assert!(
        fact("Valid").expect("validity").contains(" to 20"),
        "{check:?}"
    );
    assert!(check.notes.is_empty(), "{check:?}");
    // Ten years on, it has expired: still verifies, with a note.
    let later = run_at(
        &text(&case, "token"),
        &text(&case, "cert_pem"),
        NOW + 20 * 365 * 86_400,
    );
    assert_eq!(later.status.as_str(), "valid");
    assert!(
        later.notes.iter().any(|n| n.contains("expired")),
        "{later:?}"
    );
}

/// Whether a [`KeyError`] is the one a test expects.
type IsError = fn(&KeyError) -> bool;

#[test]
fn malformed_keys_say_why() {
    let token = RFC7515_A2_TOKEN;
    let too_many = format!("{{\"keys\":[{}{{}}]}}", "{},".repeat(100));
    let cases: [(&str, IsError); 11] = [
        (
            "-----BEGIN PUBLIC KEY-----\nMIIB!IjANBg\n-----END PUBLIC KEY-----",
            |e| {
                matches!(
                    e,
                    KeyError::PemBase64 {
                        fault: Fault::Char { character: '!', .. },
                        ..
                    }
                )
            },
        ),
        (
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg",
            |e| matches!(e, KeyError::PemUnterminated { label } if label == "PUBLIC KEY"),
        ),
        (
            "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----",
            |e| {
                matches!(
                    e,
                    KeyError::Der {
                        what: "SubjectPublicKeyInfo",
                        ..
                    }
                )
            },
        ),
        (
            "{\"kty\":\"RSA\",\"e\":\"AQAB\"}",
            |e| matches!(e, KeyError::Jwk { reason } if reason.contains("\"n\"")),
        ),
        ("{\"kty\":\"RSA\",\"n\":", |e| {
            matches!(e, KeyError::Json { line: 1, .. })
        }),
        ("{\"keys\":[]}", |e| matches!(e, KeyError::Jwks { .. })),
        (&too_many, |e| matches!(e, KeyError::Jwks { .. })),
        ("hello", |e| matches!(e, KeyError::NotAKey)),
        ("https://issuer.example/.well-known/jwks.json", |e| {
            matches!(e, KeyError::Url)
        }),
        ("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 me@host", |e| {
            matches!(e, KeyError::OpenSsh)
        }),
        (
            "{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"AA\",\"y\":\"AA\"}",
            |e| matches!(e, KeyError::Curve { name } if name == "secp256k1"),
        ),
    ];
    for (key, expected) in cases {
        let error = read_keys(key).expect_err(key);
        assert!(expected(&error), "{key}: {error}");
        // The page shows that error as why the token is not verified.
        let check = run(token, key);
        assert_eq!(check.key_state, KeyState::Unusable);
        assert!(
            matches!(
                &check.status,
                SignatureStatus::Unverified { reason: Reason::KeyUnusable(text) }
                    if *text == error.to_string()
            ),
            "{key}: {check:?}"
        );
    }
}

/// A PEM fault's position counts in the text as pasted (BEGIN line, line
/// breaks and indentation included), not in the stripped base64.
#[test]
fn a_broken_pem_body_points_at_the_character_in_the_pasted_text() {
    let pem = text(&case("RS256"), "spki_pem");
    let mut lines: Vec<String> = pem.lines().map(str::to_owned).collect();
    // Line 3 is the second line of base64; break its sixth character and
    // indent it, as a pasted key sometimes is.
    let third = lines.get_mut(2).expect("a PEM of several lines");
    third.replace_range(5..6, "!");
    third.insert_str(0, "  ");
    let broken = format!("\r\n{}", lines.join("\r\n"));
    let expected = broken[..broken.find('!').unwrap()].chars().count() + 1;
    let Err(KeyError::PemBase64 { fault, .. }) = read_keys(&broken) else {
        panic!("expected a base64 fault");
    };
    assert_eq!(
        fault,
        Fault::Char {
            position: expected,
            character: '!'
        }
    );
    // Misplaced padding, also counted in the pasted text.
    let padded = pem.replacen("\n", "\n==", 2).replacen("\n==", "\n", 1);
    let expected = padded[..padded.find("==").unwrap()].chars().count() + 1;
    assert!(
        matches!(
            read_keys(&padded),
            Err(KeyError::PemBase64 { fault: Fault::Padding { position }, .. }) if position == expected
        ),
        "{:?}",
        read_keys(&padded).err()
    );
}

/// Pins the wording of base64 faults in a PEM body and in a JWK member: the
/// character is named in words (a space is "space"), never as Rust `Debug`.
#[test]
fn base64_faults_name_the_character_in_words() {
    let pem = "-----BEGIN PUBLIC KEY-----\nMIIB IjAN\tBg\u{202e}A\n-----END PUBLIC KEY-----";
    let at = pem[..pem.find('\u{202e}').unwrap()].chars().count() + 1;
    assert_eq!(
        read_keys(pem).unwrap_err().to_string(),
        format!(
            "the base64 inside the PEM PUBLIC KEY is broken: character {at} of the pasted text \
             (character U+202E) is not base64"
        )
    );
    let jwk = RFC7515_A3_JWK.replace("\"x\":\"f83O", "\"x\":\"f8!O");
    assert_eq!(
        read_keys(&jwk).unwrap_err().to_string(),
        "not a usable JWK: \"x\" is not base64url: character 3 ('!') is not in its alphabet"
    );
    // Two characters fewer: 4n + 1 characters, which no bytes encode to.
    let y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    let short = &y[2..];
    let jwk = RFC7515_A3_JWK.replace(y, short);
    assert_eq!(
        read_keys(&jwk).unwrap_err().to_string(),
        format!(
            "not a usable JWK: \"y\" is not base64url: {} characters cannot encode whole bytes",
            short.len()
        )
    );
}

#[test]
fn a_pem_without_its_lines_is_read_as_der() {
    let case = case("PS256");
    let body: String = text(&case, "spki_pem")
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    assert_eq!(state(&text(&case, "token"), &body), "valid");
}

#[test]
fn the_wire_form_round_trips() {
    let case = case("RS256");
    for key in [
        text(&case, "cert_pem"),
        "nonsense".to_owned(),
        text(&case, "private_pem"),
    ] {
        let check = run(&text(&case, "token"), &key);
        assert_eq!(
            keys::KeyCheck::from_wire(&check.to_wire()),
            Some(check.check)
        );
    }
}

#[test]
fn keys_named_by_the_token_are_explained_not_used() {
    let header = jwt_lens::jwt::json::parse(
        r#"{"alg":"RS256","jku":"https://evil.example/jwks.json","x5c":["MII"]}"#,
    )
    .expect("json");
    let note = keys::embedded_key_note(&header).expect("a note");
    assert!(
        note.contains("x5c, jku") && note.contains("never fetches"),
        "{note}"
    );
}

#[test]
fn a_der_encoded_ecdsa_signature_is_named_as_such() {
    // RFC 7515 A.3's r and s, re-encoded as ASN.1 DER: SEQUENCE { INTEGER r, INTEGER s }.
    let (head, signature) = RFC7515_A3_TOKEN.rsplit_once('.').expect("three parts");
    let raw = jwt_lens::jwt::base64url::decode(signature, jwt_lens::jwt::base64url::Alphabet::Url)
        .expect("base64url")
        .bytes;
    let integer = |half: &[u8]| {
        let mut out = vec![0x02];
        let pad = half[0] & 0x80 != 0;
        out.push((half.len() + usize::from(pad)) as u8);
        if pad {
            out.push(0);
        }
        out.extend_from_slice(half);
        out
    };
    let body = [integer(&raw[..32]), integer(&raw[32..])].concat();
    let der = [vec![0x30, body.len() as u8], body].concat();
    let token = format!("{head}.{}", jwt_lens::jwt::base64url::encode(&der));
    let check = run(&token, RFC7515_A3_JWK);
    assert!(
        matches!(
            check.status,
            SignatureStatus::Invalid {
                reason: Reason::DerEcdsa {
                    expected: 64,
                    found: 70..=72
                },
                ..
            }
        ),
        "{check:?}"
    );
    // Pins the page wording of this reason (the one test that does).
    assert!(check.status.message().contains("ASN.1 DER"), "{check:?}");
}

fn pem_body(pem: &str) -> String {
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}

#[test]
fn every_form_of_public_key_is_refused_as_an_hmac_secret() {
    let fixtures = fixtures();
    let forged = &fixtures["hs256_confusion"];
    let token = text(forged, "token");
    let report = inspect(&token).expect("token");
    let pem = text(forged, "spki_pem");
    let ed = text(&case("EdDSA"), "spki_pem");
    for (secret, encoding) in [
        (pem.clone(), SecretEncoding::Utf8),
        (pem_body(&pem), SecretEncoding::Utf8),
        (pem_body(&pem), SecretEncoding::Base64),
        (pem_body(&ed), SecretEncoding::Base64),
        (
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGz me@host".to_owned(),
            SecretEncoding::Utf8,
        ),
        (text(&case("RS256"), "jwk"), SecretEncoding::Utf8),
    ] {
        let status = verify(
            &report,
            Credential::Secret(Secret::decode(&secret, encoding)),
            AlgChoice::FromToken,
        );
        assert!(
            matches!(
                status,
                SignatureStatus::Invalid {
                    reason: Reason::PublicKeyAsSecret,
                    ..
                }
            ),
            "{secret:?} as {encoding:?}: {status:?}"
        );
    }
    // An ordinary secret still verifies an ordinary HS256 token.
    let jwt_io = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    let status = verify(
        &inspect(jwt_io).expect("t"),
        Credential::Secret(Secret::decode("your-256-bit-secret", SecretEncoding::Utf8)),
        AlgChoice::FromToken,
    );
    assert_eq!(status.as_str(), "valid");
}

#[test]
fn private_keys_in_every_disguise_are_refused() {
    let rs = case("RS256");
    let private_jwk = text(&rs, "private_jwk");
    for key in [
        pem_body(&text(&rs, "private_pem")),
        pem_body(fixtures()["pkcs1_private_pem"].as_str().expect("pem")),
        pem_body(fixtures()["ec_private_pem"].as_str().expect("pem")),
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----"
            .to_owned(),
        format!("[{private_jwk}]"),
        format!("{{\"signing_key\":{private_jwk}}}"),
        format!("{},", private_jwk),
    ] {
        assert!(secret_material(&key).is_some(), "not refused: {key}");
    }
    // Public keys in the same forms are not.
    assert!(secret_material(&pem_body(&text(&rs, "spki_pem"))).is_none());
    assert!(
        secret_material(&pem_body(
            &text(&rs, "pkcs1_pem").replace("RSA PUBLIC", "X")
        ))
        .is_none()
    );
}

#[test]
fn an_rsassa_pss_only_key_verifies_ps256_but_never_rs256() {
    // The RS256 fixture's key with its algorithm set to id-RSASSA-PSS.
    let rs = case("RS256");
    let spki = jwt_lens::jwt::base64url::decode(
        &pem_body(&text(&rs, "spki_pem")),
        jwt_lens::jwt::base64url::Alphabet::Standard,
    )
    .expect("base64")
    .bytes;
    let rsa_oid = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01];
    let at = spki
        .windows(9)
        .position(|w| w == rsa_oid)
        .expect("rsaEncryption");
    let mut pss = spki.clone();
    pss[at + 8] = 0x0A;
    let check = run(&text(&rs, "token"), &jwt_lens::jwt::base64url::encode(&pss));
    assert!(
        matches!(
            check.status,
            SignatureStatus::Invalid {
                reason: Reason::WrongKeyType(_),
                ..
            }
        ),
        "{check:?}"
    );
    // Pins the page wording: it says why an RSA key will not do RS256.
    assert!(
        check.status.message().contains("RSASSA-PSS only"),
        "{check:?}"
    );
}

#[test]
fn key_ops_without_verify_is_refused() {
    let jwk = a2_jwk_with("\"key_ops\":[\"encrypt\"]");
    let check = run(RFC7515_A2_TOKEN, &jwk);
    assert!(
        matches!(
            check.status,
            SignatureStatus::Invalid {
                reason: Reason::KeyRefused(_),
                ..
            }
        ),
        "{check:?}"
    );
    // Pins the page wording: it names the member that refuses.
    assert!(check.status.message().contains("key_ops"), "{check:?}");
    let ok = a2_jwk_with("\"key_ops\":[\"verify\"]");
    assert_eq!(state(RFC7515_A2_TOKEN, &ok), "valid");
}

#[test]
fn a_key_that_cannot_be_read_leaves_the_token_unverified_not_invalid() {
    let rs = case("RS256");
    let jwks = r#"{"keys":[{"kty":"RSA","kid":"rs256-2026","n":"AQAB","e":"AQAB"}]}"#;
    let check = run(&text(&rs, "token"), jwks);
    assert_eq!(check.status.as_str(), "unverified", "{check:?}");
    let wrong_kid = text(&rs, "jwks").replace("rs256-2026", "elsewhere");
    assert_eq!(state(&text(&rs, "token"), &wrong_kid), "unverified");
}

#[test]
fn the_first_key_block_is_used_and_a_broken_later_block_is_ignored() {
    let es = case("ES256");
    let cert = text(&es, "cert_pem");
    let params = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";
    let chain = format!("{params}{cert}\n-----BEGIN CERTIFICATE-----\nMIIB");
    let check = run(&text(&es, "token"), &chain);
    assert_eq!(check.status.as_str(), "valid", "{check:?}");
}

/// A JWKS is searched by kid even when it holds one key (RFC 7515 §4.1.4;
/// npm jose's local JWKS answers ERR_JWKS_NO_MATCHING_KEY): a key published
/// under another kid is not the issuer's key for this token.
#[test]
fn one_key_jwks_with_another_kid_is_not_used() {
    let rs = case("RS256");
    let token = text(&rs, "token");
    let jwk = text(&rs, "jwk");
    let other = jwk.replace("\"kid\":\"rs256-2026\"", "\"kid\":\"someone-else\"");
    assert_ne!(jwk, other, "the fixture's JWK has its kid");
    let found = run(&token, &format!("{{\"keys\":[{other}]}}"));
    assert!(
        matches!(
            found.status,
            SignatureStatus::Unverified {
                reason: Reason::KeyUnusable(_)
            }
        ),
        "{found:?}"
    );
    // The same key under the token's kid verifies, and a lone JWK (not a
    // set) is used whatever its kid, with the difference shown.
    assert_eq!(state(&token, &format!("{{\"keys\":[{jwk}]}}")), "valid");
    let lone = run(&token, &other);
    assert_eq!(lone.status.as_str(), "valid", "{lone:?}");
    assert!(
        lone.facts
            .iter()
            .any(|(k, v)| k == "kid" && v.contains("differs from the token's kid"))
    );
}
