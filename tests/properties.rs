//! Properties over arbitrary input: the core never panics, and what the
//! encoder writes the decoder reads back exactly.

use jwt_lens::jwt::base64url::{self, Alphabet};
use jwt_lens::jwt::insight::{clock_findings, guess_role, secret_findings};
use jwt_lens::jwt::json::{self, set_member};
use jwt_lens::jwt::{
    AlgChoice, Credential, Expectations, HmacAlg, Secret, SecretEncoding, SignAlg, encode, inspect,
    validate, verify,
};
use proptest::prelude::*;

/// Runs everything the page runs on a paste and a secret.
fn analyse(input: &str, secret: &str) {
    let Some(report) = inspect(input) else {
        return;
    };
    for e in &report.errors {
        assert!(!e.to_string().is_empty());
        assert!(!e.kind().is_empty());
    }
    for encoding in SecretEncoding::ALL {
        let key = Secret::decode(secret, encoding);
        let status = verify(
            &report,
            Credential::Secret(key.clone()),
            AlgChoice::FromToken,
        );
        let _ = verify(
            &report,
            Credential::Secret(key.clone()),
            AlgChoice::Fixed(HmacAlg::Hs384),
        );
        let _ = secret_findings(
            &report,
            Some(HmacAlg::Hs256),
            secret,
            encoding,
            key.as_ref().ok(),
            false,
        );
        let expect = Expectations {
            issuer: Some("i".into()),
            audiences: vec!["a".into()],
            nonce: None,
            leeway: 5,
            now: 1_700_000_000,
        };
        let _ = validate(&report, &status, &expect);
    }
    let _ = clock_findings(&report, 1_700_000_000);
    let _ = guess_role(&report);
    let _ = report.status(1_700_000_000, 0);
}

/// Token-like text: segments of base64url characters, dots, and some noise.
fn tokenish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => proptest::char::range('A', 'z'),
            2 => Just('.'),
            1 => Just('-'),
            1 => Just('_'),
            1 => Just('='),
            1 => any::<char>(),
        ],
        0..200,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// A JSON object text built from arbitrary keys and scalar values.
fn json_object() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            "[a-z_]{1,8}",
            prop_oneof![
                any::<i64>().prop_map(|n| n.to_string()),
                "[1-9][0-9]{0,29}",
                any::<bool>().prop_map(|b| b.to_string()),
                any::<String>().prop_map(|s| {
                    let mut out = String::new();
                    json::write_string(&mut out, &s);
                    out
                }),
            ],
        ),
        0..8,
    )
    .prop_map(|members| {
        let body: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        format!("{{{}}}", body.join(", "))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_text_gives_a_report_or_typed_errors_never_a_panic(input in any::<String>(), secret in any::<String>()) {
        analyse(&input, &secret);
    }

    #[test]
    fn token_like_text_never_panics(input in tokenish(), secret in "[ -~]{0,40}") {
        analyse(&input, &secret);
    }

    #[test]
    fn any_segments_of_bytes_never_panic(header in any::<Vec<u8>>(), payload in any::<Vec<u8>>(), sig in any::<Vec<u8>>()) {
        let token = format!("{}.{}.{}", base64url::encode(&header), base64url::encode(&payload), base64url::encode(&sig));
        analyse(&token, "secret");
    }

    #[test]
    fn base64url_round_trips(bytes in any::<Vec<u8>>()) {
        let decoded = base64url::decode(&base64url::encode(&bytes), Alphabet::Url).unwrap();
        prop_assert_eq!(decoded.bytes, bytes);
        prop_assert!(!decoded.non_canonical);
    }

    #[test]
    fn encoded_tokens_decode_to_the_exact_texts_and_verify(
        header in json_object(),
        payload in json_object(),
        key in proptest::collection::vec(any::<u8>(), 0..80),
        alg in prop_oneof![Just(HmacAlg::Hs256), Just(HmacAlg::Hs384), Just(HmacAlg::Hs512)],
    ) {
        let secret = Secret::from_bytes(key);
        let token = encode(&header, &payload, SignAlg::Hmac(alg), Some(&secret)).unwrap();
        let report = inspect(&token).unwrap();
        prop_assert!(report.errors.is_empty(), "{:?}", report.errors);
        prop_assert_eq!(&report.header.as_ref().unwrap().text, &header);
        prop_assert_eq!(&report.payload.as_ref().unwrap().text, &payload);
        let status = verify(&report, Credential::Secret(Ok(secret)), AlgChoice::Fixed(alg));
        prop_assert_eq!(status.as_str(), if header.contains(&format!("\"alg\": \"{alg}\"")) { "valid" } else { "invalid" });
    }

    #[test]
    fn pretty_json_parses_back_to_the_same_value(text in json_object()) {
        let value = json::parse(&text).unwrap();
        prop_assert_eq!(json::parse(&value.pretty()).unwrap(), value);
    }

    #[test]
    fn set_member_keeps_the_text_json_and_sets_the_value(text in json_object(), key in "[a-z]{1,6}", n in any::<i64>()) {
        let edited = set_member(&text, &key, &n.to_string()).unwrap();
        let value = json::parse(&edited).unwrap();
        prop_assert_eq!(value.get(&key), Some(&jwt_lens::jwt::Json::Number(n.to_string())));
    }
}

#[test]
fn ten_thousand_levels_of_nesting_are_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let token = format!(
        "{}.{}.",
        base64url::encode(b"{\"alg\":\"none\"}"),
        base64url::encode(deep.as_bytes())
    );
    let report = inspect(&token).unwrap();
    assert_eq!(report.primary_error().map(|e| e.kind()), Some("json"));
    let deep_object = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    assert!(json::parse(&deep_object).is_err());
}
