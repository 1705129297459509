//! Reading whole tokens: what is decoded, and what each broken token says.

mod fixtures;

use fixtures::{RFC7515_A1, b64, unsigned};
use jwt_lens::jwt::{Error, JsonReason, MAX_TOKEN_BYTES, Part, TokenStatus, inspect};

#[test]
fn rfc7519_example_decodes_with_exact_claims() {
    let report = inspect(RFC7515_A1).unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let header = report.header.as_ref().unwrap();
    assert_eq!(header.text, "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}");
    assert_eq!(
        header.pretty.as_deref(),
        Some("{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\"\n}")
    );
    assert_eq!(
        report.payload.as_ref().unwrap().pretty.as_deref(),
        Some(
            "{\n  \"iss\": \"joe\",\n  \"exp\": 1300819380,\n  \"http://example.com/is_root\": true\n}"
        )
    );
    assert_eq!(report.signature.as_ref().map(Vec::len), Some(32));
    assert_eq!(report.status(1_300_819_379, 0), Some(TokenStatus::Valid));
    assert_eq!(report.status(1_300_819_380, 0), Some(TokenStatus::Expired));
}

#[test]
fn empty_or_whitespace_input_is_no_report() {
    assert!(inspect("").is_none());
    assert!(inspect("  \n\t").is_none());
    assert!(inspect("Bearer ").is_none());
}

#[test]
fn bearer_quotes_and_newlines_are_cleaned_before_decoding() {
    let wrapped = format!("Bearer \"{}\n{}\"", &RFC7515_A1[..40], &RFC7515_A1[40..]);
    let report = inspect(&wrapped).unwrap();
    assert!(report.errors.is_empty());
    assert_eq!(report.cleaned.token, RFC7515_A1);
    assert_eq!(report.cleaned.removed.len(), 4);
}

#[test]
fn numbers_are_shown_exactly_as_written() {
    let token = unsigned(
        r#"{"alg":"HS256"}"#,
        r#"{"id":100002348117421473,"v":3.0,"big":1e400}"#,
        "",
    );
    let pretty = inspect(&token).unwrap().payload.unwrap().pretty.unwrap();
    assert!(pretty.contains("100002348117421473"));
    assert!(pretty.contains("3.0"));
    assert!(pretty.contains("1e400"));
}

#[test]
fn two_segments_is_a_segments_error_but_header_and_payload_still_decode() {
    let token = format!("{}.{}", b64(r#"{"alg":"HS256"}"#), b64(r#"{"sub":"a"}"#));
    let report = inspect(&token).unwrap();
    assert_eq!(report.primary_error(), Some(&Error::Segments { found: 2 }));
    assert_eq!(report.primary_error().unwrap().kind(), "segments");
    assert!(report.header.unwrap().json.is_some());
    assert!(report.payload.unwrap().json.is_some());
}

#[test]
fn segment_count_message_says_found_and_expected() {
    let report = inspect("abc").unwrap();
    assert_eq!(
        report.errors[0].to_string(),
        "found 1 segment but no dot: a JWT has 3 segments (header.payload.signature)"
    );
    let report = inspect("a.b.c.d").unwrap();
    assert!(
        report.errors[0]
            .to_string()
            .starts_with("found 4 segments separated by dots, expected 3")
    );
}

#[test]
fn bad_character_names_segment_character_and_position() {
    let payload = b64(r#"{"sub":"a"}"#);
    let token = format!("{}.{}*x.sig", b64(r#"{"alg":"HS256"}"#), payload);
    let report = inspect(&token).unwrap();
    let error = report.primary_error().unwrap();
    assert_eq!(
        error,
        &Error::Base64Char {
            part: Part::Payload,
            position: payload.len() + 1,
            character: '*'
        }
    );
    assert_eq!(error.kind(), "base64");
    assert!(error.to_string().starts_with(&format!(
        "payload: '*' at position {} is not base64url",
        payload.len() + 1
    )));
    // The header still decodes.
    assert!(report.header.unwrap().json.is_some());
}

#[test]
fn bad_signature_does_not_hide_header_and_payload() {
    let token = unsigned(r#"{"alg":"HS256"}"#, r#"{"sub":"a"}"#, "abc!");
    let report = inspect(&token).unwrap();
    assert!(matches!(
        report.primary_error(),
        Some(Error::Base64Char {
            part: Part::Signature,
            ..
        })
    ));
    assert!(report.header.unwrap().pretty.is_some());
    assert!(report.payload.unwrap().pretty.is_some());
}

#[test]
fn truncated_segment_is_a_length_error() {
    let token = format!("{}.{}.sig", b64(r#"{"alg":"HS256"}"#), "eyJzd");
    let report = inspect(&token).unwrap();
    assert_eq!(
        report.primary_error(),
        Some(&Error::Base64Length {
            part: Part::Payload,
            length: 5
        })
    );
}

#[test]
fn invalid_utf8_is_reported_with_offset() {
    let payload = jwt_lens::jwt::base64url::encode(b"{\"a\":\"\xff\"}");
    let token = format!("{}.{payload}.", b64(r#"{"alg":"none"}"#));
    let report = inspect(&token).unwrap();
    assert_eq!(
        report.primary_error(),
        Some(&Error::Utf8 {
            part: Part::Payload,
            offset: 6
        })
    );
    assert_eq!(report.primary_error().unwrap().kind(), "utf8");
}

#[test]
fn json_syntax_error_has_line_and_column() {
    let token = unsigned(
        "{\"alg\":\"HS256\",\n\"typ\" \"JWT\"}",
        r#"{"sub":"a"}"#,
        "",
    );
    let report = inspect(&token).unwrap();
    assert_eq!(
        report.primary_error(),
        Some(&Error::Json {
            part: Part::Header,
            line: 2,
            column: 7,
            reason: JsonReason::Unexpected('"')
        })
    );
    assert_eq!(
        report.primary_error().unwrap().to_string(),
        "header: not valid JSON at line 2, column 7: unexpected '\"'"
    );
    // The decoded text is kept for display.
    assert!(report.header.unwrap().text.contains("typ"));
}

#[test]
fn json_that_is_not_an_object_is_not_object() {
    let token = unsigned(r#"{"alg":"HS256"}"#, "[1,2]", "");
    let report = inspect(&token).unwrap();
    assert_eq!(
        report.primary_error(),
        Some(&Error::NotObject {
            part: Part::Payload,
            found: "an array"
        })
    );
    assert_eq!(report.primary_error().unwrap().kind(), "not-object");
}

#[test]
fn five_segments_is_a_jwe_whose_header_is_shown() {
    let header = b64(r#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#);
    let token = format!("{header}.a2V5.aXY.Y2lwaGVy.dGFn");
    let report = inspect(&token).unwrap();
    assert_eq!(report.primary_error(), Some(&Error::Jwe));
    assert_eq!(report.primary_error().unwrap().kind(), "jwe");
    assert!(report.header.unwrap().pretty.unwrap().contains("A256GCM"));
    assert!(report.payload.is_none());
}

#[test]
fn standard_base64_segment_is_decoded_and_flagged() {
    // "{"a":"??>"}" encodes with '+' and '/' in standard base64, plus padding.
    let payload = "eyJhIjoiPz8+In0=";
    let token = format!("{}.{payload}.", b64(r#"{"alg":"none"}"#));
    let report = inspect(&token).unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.findings.iter().any(|f| f.id == "standard-base64"));
    assert_eq!(
        report
            .payload
            .unwrap()
            .json
            .unwrap()
            .get("a")
            .and_then(|v| v.as_str()),
        Some("??>")
    );
}

#[test]
fn oversized_input_is_refused_with_the_limit() {
    let big = "a".repeat(MAX_TOKEN_BYTES + 1);
    let report = inspect(&big).unwrap();
    assert_eq!(report.primary_error().unwrap().kind(), "too-large");
    assert!(report.header.is_none());
}

#[test]
fn alg_none_and_unknown_alg_are_findings() {
    let none = inspect(&unsigned(r#"{"alg":"none"}"#, "{}", "")).unwrap();
    assert!(none.findings.iter().any(|f| f.id == "alg-none"));
    let odd = inspect(&unsigned(r#"{"alg":"HS999"}"#, "{}", "")).unwrap();
    assert!(odd.findings.iter().any(|f| f.id == "alg-unknown"));
    let missing = inspect(&unsigned(r#"{"typ":"JWT"}"#, "{}", "")).unwrap();
    assert!(missing.findings.iter().any(|f| f.id == "alg-missing"));
}

#[test]
fn signature_length_that_does_not_fit_alg_is_flagged() {
    let token = unsigned(r#"{"alg":"HS256"}"#, "{}", "AAAA");
    let report = inspect(&token).unwrap();
    assert!(report.findings.iter().any(|f| f.id == "signature-length"));
    assert!(
        !inspect(fixtures::RFC7515_A1)
            .unwrap()
            .findings
            .iter()
            .any(|f| f.id == "signature-length")
    );
}
