//! The JSON reader keeps numbers, order and duplicates exactly.

use jwt_lens::jwt::JsonReason;
use jwt_lens::jwt::json::{Elements, Json, ParseError, duplicate_keys, parse};
use jwt_lens::ui::highlight::{Highlight, highlight};

fn pretty(text: &str) -> String {
    parse(text).unwrap().pretty()
}

#[test]
fn big_integers_stay_exact() {
    assert_eq!(
        pretty(r#"{"id":100002348117421473}"#),
        "{\n  \"id\": 100002348117421473\n}"
    );
}

#[test]
fn numbers_keep_their_written_form() {
    assert_eq!(
        pretty(r#"[3.0,1e400,-0,1E+2,0.1]"#),
        "[\n  3.0,\n  1e400,\n  -0,\n  1E+2,\n  0.1\n]"
    );
}

#[test]
fn key_order_is_kept() {
    assert_eq!(
        pretty(r#"{"z":1,"a":2,"m":3}"#),
        "{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}"
    );
}

#[test]
fn unicode_and_escapes_are_resolved_and_reescaped() {
    let value = parse(r#"{"name":"\u00e9\ud83d\ude00 中文","q":"a\"b\\c\nd\/e"}"#).unwrap();
    assert_eq!(value.get("name").and_then(Json::as_str), Some("é😀 中文"));
    assert_eq!(value.get("q").and_then(Json::as_str), Some("a\"b\\c\nd/e"));
    assert_eq!(
        value.pretty(),
        "{\n  \"name\": \"é😀 中文\",\n  \"q\": \"a\\\"b\\\\c\\nd/e\"\n}"
    );
}

#[test]
fn invisible_and_bidi_characters_are_shown_escaped() {
    let value = parse("{\"a\":\"x\u{200B}y\u{202E}z\"}").unwrap();
    assert_eq!(value.pretty(), "{\n  \"a\": \"x\\u200by\\u202ez\"\n}");
}

#[test]
fn empty_containers_print_compactly() {
    assert_eq!(
        pretty(r#"{"a":{},"b":[]}"#),
        "{\n  \"a\": {},\n  \"b\": []\n}"
    );
}

#[test]
fn duplicate_keys_are_kept_and_reported_and_last_wins_on_get() {
    let value = parse(r#"{"admin":false,"admin":true,"n":{"x":1,"x":2}}"#).unwrap();
    assert_eq!(value.members().map(<[_]>::len), Some(3));
    assert_eq!(value.get("admin"), Some(&Json::Bool(true)));
    assert_eq!(
        duplicate_keys(&value),
        vec![
            ("$".to_owned(), "admin".to_owned()),
            ("$.n".to_owned(), "x".to_owned())
        ]
    );
}

#[test]
fn error_positions_are_line_and_column() {
    let text = "{\n  \"a\": 1,\n  \"b\": tru\n}";
    let err = parse(text).unwrap_err();
    assert_eq!(err.reason, JsonReason::Unexpected('\n'));
    assert_eq!(err.line_column(text), (3, 11));
}

#[test]
fn every_malformed_form_is_refused() {
    let cases: &[(&str, JsonReason)] = &[
        ("", JsonReason::UnexpectedEnd),
        ("{", JsonReason::UnexpectedEnd),
        (r#"{"a":1,}"#, JsonReason::Unexpected('}')),
        (r#"{"a":01}"#, JsonReason::BadNumber),
        (r#"{"a":-}"#, JsonReason::BadNumber),
        (r#"{"a":1.}"#, JsonReason::BadNumber),
        (r#"{"a":1e}"#, JsonReason::BadNumber),
        (r#"{"a":"\x"}"#, JsonReason::BadEscape),
        (r#"{"a":"\ud800"}"#, JsonReason::LoneSurrogate),
        (r#"{"a":"\udc00"}"#, JsonReason::LoneSurrogate),
        ("{\"a\":\"\u{1}\"}", JsonReason::ControlCharacter('\u{1}')),
        (r#"{"a":1} x"#, JsonReason::Trailing('x')),
        (r#"{'a':1}"#, JsonReason::Unexpected('\'')),
        (r#"{"a":NaN}"#, JsonReason::Unexpected('N')),
    ];
    for (text, reason) in cases {
        assert_eq!(
            parse(text).map_err(|e| e.reason),
            Err(reason.clone()),
            "{text:?}"
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(parse(&deep).map_err(|e| e.reason), Err(JsonReason::TooDeep));
    let fine = "[".repeat(100) + &"]".repeat(100);
    assert!(parse(&fine).is_ok());
}

#[test]
fn accepts_exactly_what_serde_json_accepts_on_samples() {
    let samples = [
        r#"{"a":[1,2,{"b":null}],"c":"d"}"#,
        r#" { "x" : -1.5e-3 } "#,
        r#"{"a":1,}"#,
        r#"[1 2]"#,
        r#""\u0041""#,
        r#"{"a":"\ud83d\ude00"}"#,
        r#"tru"#,
        "{\"a\":\"\t\"}",
        r#"00"#,
        r#"-0.0e+0"#,
        r#"[]]"#,
    ];
    for text in samples {
        let ours = parse(text).is_ok();
        let reference = serde_json::from_str::<serde_json::Value>(text).is_ok();
        assert_eq!(ours, reference, "{text:?}");
    }
}

#[test]
fn highlight_covers_the_text_exactly() {
    let text = pretty(r#"{"k":"v","n":-1.5e3,"t":true,"z":null,"a":[1,"x"]}"#);
    let runs = highlight(&text);
    assert_eq!(runs.iter().map(|(_, t)| *t).collect::<String>(), text);
    let kinds: Vec<_> = runs
        .iter()
        .filter(|(k, _)| *k != Highlight::Punctuation)
        .collect();
    assert_eq!(kinds[0], &(Highlight::Key, "\"k\""));
    assert_eq!(kinds[1], &(Highlight::String, "\"v\""));
    assert_eq!(kinds[3], &(Highlight::Number, "-1.5e3"));
    assert_eq!(kinds[5], &(Highlight::Literal, "true"));
}

#[test]
fn compact_is_one_bounded_line() {
    let value = parse(r#"{"a":[1,2,{"b":"c"}],"n":100002348117421473}"#).unwrap();
    assert_eq!(
        value.compact(80),
        r#"{"a": [1, 2, {"b": "c"}], "n": 100002348117421473}"#
    );
    let huge = parse(&format!(
        r#"{{"s":"{}","t":[{}]}}"#,
        "x".repeat(100_000),
        "1,".repeat(50_000) + "1"
    ))
    .unwrap();
    let short = huge.compact(60);
    assert_eq!(short.chars().count(), 60);
    assert!(short.ends_with('…'));
}

/// Every element of `log.entries`, then the rest checked: `None` when
/// there is no such array, `Err` when the text is not JSON.
fn entries(text: &str) -> Option<Result<Vec<Json>, ParseError>> {
    let mut elements = Elements::find(text, &["log", "entries"])?;
    let mut out = Vec::new();
    loop {
        match elements.next(text) {
            Ok(Some(item)) => out.push(item),
            Ok(None) => break,
            Err(e) => return Some(Err(e)),
        }
    }
    Some(elements.finish(text).map(|()| out))
}

const HAR: &str = r#" {"log": {"version": "1.2", "creator": {"name": "WebInspector", "a": [1, {"b": null}]},
  "entries": [ {"request": {"url": "https://a.example/?q=\u00e9\"x\""}}, [], 3.5e2, "\ud83d\ude00" ],
  "pages": [{"id": "p"}]}, "extra": true} "#;

#[test]
fn elements_of_an_array_inside_objects_are_what_parse_gives() {
    let whole = parse(HAR).unwrap();
    let Some(Json::Array(expected)) = whole.get("log").and_then(|l| l.get("entries")) else {
        panic!("entries")
    };
    assert_eq!(entries(HAR), Some(Ok(expected.clone())));
    assert_eq!(entries(r#"{"log":{"entries":[]}}"#), Some(Ok(Vec::new())));
}

#[test]
fn elements_accept_exactly_what_parse_accepts() {
    let broken = [
        HAR.replace("\"x\\\"\"}}, []", "\"x\\\"\"}}, [],"),
        HAR.replace("3.5e2,", "3.5e2,,"),
        HAR.replace("3.5e2", "3.5e"),
        HAR.replace("\"extra\": true}", "\"extra\": true}}"),
        HAR.replace("\"extra\": true}", "\"extra\": true"),
        HAR.replace("\"extra\": true}", "\"extra\": tru}"),
        HAR.replace("[{\"id\": \"p\"}]}", "[{\"id\": \"p\"}],}"),
        HAR.replace("\"pages\"", "pages"),
        HAR.replace("\\ude00", "\\u0000\\ude00"),
        format!("{HAR} x"),
        HAR.replace("\"a\": [1,", "\"a\": [1,,"),
        r#"{"log":{"entries":[1 2]}}"#.to_owned(),
        r#"{"log":{"entries":[,1]}}"#.to_owned(),
        r#"{"log":{"entries":[1]"#.to_owned(),
    ];
    for text in &broken {
        assert!(parse(text).is_err(), "{text}");
        assert!(!matches!(entries(text), Some(Ok(_))), "{text}");
    }
}

#[test]
fn elements_need_objects_down_to_an_array() {
    for text in [
        r#"{"log":{"entries":{}}}"#,
        r#"{"log":[{"entries":[]}]}"#,
        r#"{"log":{}}"#,
        r#"{"other":1}"#,
        r#"[{"log":{"entries":[]}}]"#,
        "",
    ] {
        assert!(entries(text).is_none(), "{text}");
    }
}

#[test]
fn elements_follow_the_first_of_two_equal_keys() {
    // Documented: a front-to-back reader cannot know of a later `log`.
    let text = r#"{"log":{"entries":[1]},"log":{"entries":[2]}}"#;
    assert_eq!(entries(text), Some(Ok(vec![Json::Number("1".to_owned())])));
}
