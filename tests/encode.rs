//! The encoder: exact signing input, every algorithm, JSON errors, presets and edits.

mod fixtures;

use fixtures::{RFC7515_A1, RFC7515_A1_KEY};
use jwt_lens::jwt::json::set_member;
use jwt_lens::jwt::{
    AlgChoice, Credential, Error, HmacAlg, JsonReason, Part, Preset, Secret, SecretEncoding,
    SignAlg, encode, inspect, preset, signing_input, verify,
};

#[test]
fn signing_rfc7515_a1_reproduces_its_signature_exactly() {
    let header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
    let payload =
        "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
    let key = Secret::decode(RFC7515_A1_KEY, SecretEncoding::Base64Url).unwrap();
    let token = encode(header, payload, SignAlg::Hmac(HmacAlg::Hs256), Some(&key)).unwrap();
    assert_eq!(token, RFC7515_A1);
}

#[test]
fn every_algorithm_round_trips_through_the_decoder() {
    let key = Secret::from_bytes(
        b"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".to_vec(),
    );
    for alg in HmacAlg::ALL {
        let header = format!("{{\"alg\":\"{alg}\"}}");
        let payload = "{\"n\": 100002348117421473, \"f\": 3.0}";
        let token = encode(&header, payload, SignAlg::Hmac(alg), Some(&key)).unwrap();
        let report = inspect(&token).unwrap();
        assert_eq!(
            report.payload.as_ref().unwrap().text,
            payload,
            "text kept exactly"
        );
        assert_eq!(
            verify(
                &report,
                Credential::Secret(Ok(key.clone())),
                AlgChoice::FromToken
            )
            .as_str(),
            "valid",
            "{alg}"
        );
    }
    let unsigned = encode("{\"alg\":\"none\"}", "{}", SignAlg::None, None).unwrap();
    assert!(unsigned.ends_with('.'));
    assert_eq!(
        verify(
            &inspect(&unsigned).unwrap(),
            Credential::None,
            AlgChoice::FromToken
        )
        .as_str(),
        "unsigned"
    );
}

#[test]
fn json_errors_name_the_part_line_and_column() {
    let key = Secret::from_bytes(vec![1; 32]);
    let err = encode(
        "{\"alg\":\"HS256\"}",
        "{\n  \"a\": 1,\n}",
        SignAlg::Hmac(HmacAlg::Hs256),
        Some(&key),
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::Json {
            part: Part::Payload,
            line: 3,
            column: 1,
            reason: JsonReason::Unexpected('}')
        }
    );
    let err = encode("[]", "{}", SignAlg::Hmac(HmacAlg::Hs256), Some(&key)).unwrap_err();
    assert_eq!(
        err,
        Error::NotObject {
            part: Part::Header,
            found: "an array"
        }
    );
}

#[test]
fn hmac_without_a_secret_is_an_error() {
    let err = encode("{}", "{}", SignAlg::Hmac(HmacAlg::Hs256), None).unwrap_err();
    assert_eq!(err, Error::SecretMissing);
    assert_eq!(err.kind(), "secret");
}

#[test]
fn set_member_replaces_in_place_and_keeps_everything_else() {
    let text = "{\n  \"id\": 100002348117421473,\n  \"exp\": 1,\n  \"v\": 3.0\n}";
    assert_eq!(
        set_member(text, "exp", "99").unwrap(),
        "{\n  \"id\": 100002348117421473,\n  \"exp\": 99,\n  \"v\": 3.0\n}"
    );
    assert_eq!(
        set_member(text, "iat", "5").unwrap(),
        "{\n  \"id\": 100002348117421473,\n  \"exp\": 1,\n  \"v\": 3.0,\n  \"iat\": 5\n}"
    );
    assert_eq!(
        set_member("{\"a\":1}", "b", "2").unwrap(),
        "{\"a\":1,\"b\":2}"
    );
    assert_eq!(set_member("{}", "b", "2").unwrap(), "{\"b\": 2}");
    assert_eq!(set_member("[1]", "b", "2"), None);
    assert_eq!(set_member("{\"a\":", "b", "2"), None);
}

#[test]
fn presets_are_shaped_like_real_tokens() {
    let now = 1_700_000_000;
    for (which, role, lifetime) in [
        (Preset::Access, "access", 900),
        (Preset::Refresh, "refresh", 7 * 86_400),
        (Preset::Id, "id", 3600),
    ] {
        let (header, payload) = preset(which, now, "abc123");
        let key = Secret::from_bytes(vec![9; 32]);
        let token = encode(&header, &payload, SignAlg::Hmac(HmacAlg::Hs256), Some(&key)).unwrap();
        let report = inspect(&token).unwrap();
        assert!(report.errors.is_empty());
        assert_eq!(
            jwt_lens::jwt::insight::guess_role(&report).role.as_str(),
            role,
            "{which:?}"
        );
        assert_eq!(jwt_lens::jwt::insight::lifetime(&report), Some(lifetime));
    }
}

#[test]
fn signing_input_of_rfc7515_a1_is_its_first_two_segments() {
    let header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
    let payload =
        "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
    let expected = RFC7515_A1.rsplit_once('.').unwrap().0;
    assert_eq!(signing_input(header, payload).unwrap(), expected);
}

#[test]
fn signing_input_of_bad_json_names_the_part() {
    assert!(matches!(
        signing_input("{}", "[1]"),
        Err(Error::NotObject {
            part: Part::Payload,
            ..
        })
    ));
    assert!(matches!(
        signing_input("{", "{}"),
        Err(Error::Json {
            part: Part::Header,
            ..
        })
    ));
}
