//! Our JSON reader against `serde_json`: it accepts exactly what `serde_json`
//! accepts and reads the same values.
//!
//! # Numbers
//!
//! Our reader keeps a number as the text it was written as (`1e400`, `1.0`,
//! `-0`); `serde_json::Value` keeps an `f64`, `u64` or `i64`. Its
//! `arbitrary_precision` feature would keep the text too, but Cargo unifies
//! features per build: turning it on for our dev-dependency turns it on for the
//! `serde_json` that leptos, server_fn and gloo use in every test build of the
//! workspace, and changes what `Value` numbers compare equal for every other
//! test (`tests/keys.rs` uses `serde_json` too). So numbers are compared by
//! re-reading: our number text, parsed alone by `serde_json`, must give the
//! very `Number` that `serde_json` read at that place in the document. That
//! checks that we cut each number's text exactly, whatever its precision.
//!
//! # Where the two differ by design (excluded, see [`reference`])
//!
//! - Range: `serde_json` refuses numbers beyond `f64` (`1e400`: "number out of
//!   range"); RFC 8259 §6 lets an implementation limit range and precision.
//!   We keep them as text. The reference reads such a number as `0` and the
//!   comparison checks that our text for it is out of range too.
//! - Depth: `serde_json` refuses a 128th level of nesting, we refuse a 129th
//!   (`json::MAX_DEPTH`); RFC 8259 §9 lets an implementation limit nesting.

use jwt_lens::jwt::Json;
use jwt_lens::jwt::json::{MAX_DEPTH, parse};
use proptest::prelude::*;
use serde_json::Value;

/// Placeholder for a number `serde_json` cannot hold (see the module docs).
const OUT_OF_RANGE: &str = "0";

fn is_out_of_range(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("number out of range")
}

/// `serde_json`'s reading of `text`, with each out-of-range number replaced by
/// [`OUT_OF_RANGE`]; `None` when `serde_json` stops at its recursion limit,
/// where the two readers differ by design.
fn reference(text: &str) -> Option<Result<Value, serde_json::Error>> {
    let mut text = text.to_owned();
    loop {
        match serde_json::from_str::<Value>(&text) {
            Err(e) if is_out_of_range(&e) => {
                // The error's line and column (1-based, in bytes) are those
                // of the number's last character.
                let line_start: usize = text
                    .split_inclusive('\n')
                    .take(e.line() - 1)
                    .map(str::len)
                    .sum();
                // It points into the number (where the overflow showed), so
                // find the whole number around it.
                let at = line_start + e.column();
                let start = text[..at]
                    .rfind(|c: char| !is_number_char(c))
                    .map_or(0, |i| i + 1);
                let end = number_end(&text, start);
                // A number character right after the number (`1e400e5`) makes
                // the text invalid, which the placeholder must not hide (`0e5`).
                if end < at || text[end..].starts_with(is_number_char) {
                    return Some(Err(e));
                }
                text.replace_range(start..end, OUT_OF_RANGE);
            }
            Err(e) if e.to_string().starts_with("recursion limit exceeded") => return None,
            other => return Some(other),
        }
    }
}

fn is_number_char(c: char) -> bool {
    matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E')
}

/// The end of the longest RFC 8259 §6 number at `start`:
/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn number_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let digits = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let mut i = start + usize::from(bytes.get(start) == Some(&b'-'));
    i = if bytes.get(i) == Some(&b'0') {
        i + 1
    } else {
        digits(i)
    };
    if bytes.get(i) == Some(&b'.') && digits(i + 1) > i + 1 {
        i = digits(i + 1);
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(i + 1), Some(b'+' | b'-')));
        if digits(i + 1 + sign) > i + 1 + sign {
            i = digits(i + 1 + sign);
        }
    }
    i
}

/// Whether our value reads as `serde_json`'s; `Err` says where not.
fn same_value(text: &str, ours: &Json, theirs: &Value, path: &str) -> Result<(), String> {
    let differ = || Err(format!("{path}: ours {ours:?}, serde_json {theirs:?}"));
    match (ours, theirs) {
        (Json::Null, Value::Null) => Ok(()),
        (Json::Bool(a), Value::Bool(b)) if a == b => Ok(()),
        (Json::String(a), Value::String(b)) if a == b => Ok(()),
        (Json::Number(raw), Value::Number(number)) => {
            // Our text must be a number as written in the source, alone.
            if raw.is_empty() || raw.trim() != raw || !text.contains(raw.as_str()) {
                return differ();
            }
            match serde_json::from_str::<Value>(raw) {
                Ok(Value::Number(again)) if &again == number => Ok(()),
                Err(e) if is_out_of_range(&e) && number.to_string() == OUT_OF_RANGE => Ok(()),
                _ => differ(),
            }
        }
        (Json::Array(items), Value::Array(theirs)) if items.len() == theirs.len() => items
            .iter()
            .zip(theirs)
            .enumerate()
            .try_for_each(|(i, (a, b))| same_value(text, a, b, &format!("{path}[{i}]"))),
        (Json::Object(members), Value::Object(map)) => {
            // serde_json keeps the last of duplicate keys; `Json::get` reads
            // the last one too. Every key must be in both.
            if members.iter().any(|(k, _)| !map.contains_key(k)) {
                return differ();
            }
            map.iter().try_for_each(|(key, b)| match ours.get(key) {
                Some(a) => same_value(text, a, b, &format!("{path}.{key}")),
                None => differ(),
            })
        }
        _ => differ(),
    }
}

/// Compares the two readers on one text.
fn compare(text: &str) -> Result<(), String> {
    let ours = parse(text);
    let Some(theirs) = reference(text) else {
        // serde_json's recursion limit (RFC 8259 §9): only deep texts get here.
        return Ok(());
    };
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => same_value(text, a, b, "$").map_err(|e| format!("{text:?}: {e}")),
        (Err(_), Err(_)) => Ok(()),
        _ => Err(format!(
            "{text:?}: ours {:?}, serde_json {:?}",
            ours.map_err(|e| e.reason),
            theirs.map_err(|e| e.to_string())
        )),
    }
}

fn ws() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => Just(String::new()),
        4 => Just(" ".to_owned()),
        3 => "[ \t\n\r]{1,3}",
        // Whitespace JSON does not have (RFC 8259 §2 lists only four).
        1 => prop::sample::select(vec!["\u{0B}", "\u{0C}", "\u{A0}", "\u{FEFF}", "\u{2028}", "\u{3000}"])
            .prop_map(str::to_owned),
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "0", "-0", "1.0", "-0.0", "1e400", "-1e400", "1E+2", "1e-400", "0.5", "-0.0e-0",
            "123456789012345678901234567890", "18446744073709551615", "18446744073709551616",
            "-9223372036854775808", "-9223372036854775809", "1.7976931348623157e308", "1.8e308",
            "100002348117421473", "4.9e-324", "1e0000000000000000000001",
            "01", "1.", "-", ".5", "+1", "1e", "1e+", "0x10", "NaN", "Infinity", "-01", "--1",
            "1.e5", "1ee5", "0.", "00.0",
        ])
        .prop_map(str::to_owned),
        2 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|f| format!("{f:e}")),
        3 => "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,10})?([eE][+-]?[0-9]{1,4})?",
    ]
}

fn string_literal() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 ]{1,5}",
        3 => prop::sample::select(vec![
            "\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t", "\\u0041", "\\u00e9",
            "\\u0000", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\uDBFF\\uDFFF", "\\ud800",
            "\\udc00", "\\ud800\\u0041", "\\ud800\\ud800", "\\ud800\\n", "\\udfff\\ud800",
            "\\u12", "\\u12G4", "\\x41", "\\'", "\\U0041", "\\", "\\u", "\\0",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec!["\u{0}", "\u{1f}", "\t", "\n", "\u{7f}", "\u{80}", "\u{2028}", "é", "😀"])
            .prop_map(str::to_owned),
        1 => any::<char>()
            .prop_filter("not a delimiter", |c| *c != '"' && *c != '\\')
            .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..5).prop_map(|p| format!("\"{}\"", p.concat()))
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        // Few names, so duplicate keys are common.
        6 => prop::sample::select(vec!["\"a\"", "\"b\"", "\"\"", "\"a\\u0062\"", "\"ab\""]).prop_map(str::to_owned),
        2 => string_literal(),
        1 => prop::sample::select(vec!["a", "1", "'a'", "null"]).prop_map(str::to_owned),
    ]
}

/// Almost-JSON: nested objects and arrays of tricky scalars, with a few
/// faults (trailing commas, missing colons, garbage) mixed in.
fn json_ish() -> impl Strategy<Value = String> {
    let literal =
        prop::sample::select(vec!["true", "false", "null", "tru", "nul", "True", "nulll"])
            .prop_map(str::to_owned);
    let leaf = prop_oneof![3 => number(), 3 => string_literal(), 1 => literal];
    let trailing = || prop_oneof![9 => Just(""), 1 => Just(",")];
    let value = leaf.prop_recursive(6, 64, 6, move |inner| {
        let colon = prop_oneof![20 => Just(":"), 1 => Just(""), 1 => Just("::"), 1 => Just("=")];
        prop_oneof![
            (
                proptest::collection::vec((ws(), inner.clone(), ws()), 0..6),
                trailing()
            )
                .prop_map(|(items, t)| {
                    let items: Vec<String> =
                        items.into_iter().map(|(a, v, b)| a + &v + &b).collect();
                    format!("[{}{t}]", items.join(","))
                }),
            (
                proptest::collection::vec((ws(), key(), ws(), colon, ws(), inner), 0..6),
                trailing()
            )
                .prop_map(|(members, t)| {
                    let members: Vec<String> = members
                        .into_iter()
                        .map(|(a, k, b, c, d, v)| format!("{a}{k}{b}{c}{d}{v}"))
                        .collect();
                    format!("{{{}{t}}}", members.join(","))
                }),
        ]
    });
    let garbage = prop_oneof![
        12 => Just(""),
        1 => prop::sample::select(vec![",", "]", "}", "x", "0", "\"\"", "{}", "\u{0}"]),
    ];
    (ws(), value, ws(), garbage).prop_map(|(a, v, b, g)| format!("{a}{v}{b}{g}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn parse_agrees_with_serde_json_on_any_text(text in any::<String>()) {
        compare(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn parse_agrees_with_serde_json_on_json_like_text(text in json_ish()) {
        compare(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn parse_agrees_with_serde_json_after_one_edit(
        text in json_ish(),
        at in any::<prop::sample::Index>(),
        c in prop::sample::select(vec!['"', '\\', ',', ':', '[', ']', '{', '}', '-', '.', 'e', '0', ' ', '\u{0}']),
        delete in any::<bool>(),
    ) {
        let mut chars: Vec<char> = text.chars().collect();
        if delete && !chars.is_empty() {
            chars.remove(at.index(chars.len()));
        } else {
            chars.insert(at.index(chars.len() + 1), c);
        }
        let text: String = chars.into_iter().collect();
        compare(&text).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn parse_agrees_with_serde_json_on_pinned_cases() {
    for text in [
        "-0",
        "1.0",
        "123456789012345678901234567890",
        r#"{"a":1,"a":2}"#,
        r#""\ud83d\ude00""#,
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        "\"\u{1f}\"",
        "[1,]",
        r#"{"a":1,}"#,
        "\u{FEFF}{}",
        "{}\u{A0}",
        // Found by the edit property: serde_json stops at the overflow.
        r#"{"a":4.267819e0892283727e40}"#,
        "1e400e5",
        "1e23456789012345678901234567890",
        "[1e23456789012345678901234567890.5]",
        &format!("[{}.5e3]", "9".repeat(400)),
        " \t\n\r[] \t\n\r",
    ] {
        compare(text).unwrap();
    }
}

/// RFC 8259 §6: `serde_json` refuses what `f64` cannot hold; we keep the text.
#[test]
fn numbers_beyond_f64_are_kept_as_text_where_serde_json_refuses_them() {
    for text in ["1e400", "-1e400", &"9".repeat(400)] {
        let refused = serde_json::from_str::<Value>(text).unwrap_err();
        assert!(is_out_of_range(&refused), "{text}: {refused}");
        assert_eq!(parse(text), Ok(Json::Number(text.to_owned())));
        compare(&format!("[1, {text}, {{\"k\": {text}}}]")).unwrap();
    }
}

/// RFC 8259 §9: both readers limit nesting, one level apart.
#[test]
fn nesting_limits_differ_by_one_level_only() {
    let nest = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert_eq!(MAX_DEPTH, 128);
    for depth in [1, 64, 127, 129, 10_000] {
        compare(&nest(depth)).unwrap();
    }
    // The one depth where they differ: serde_json's limit is 127 levels.
    assert!(serde_json::from_str::<Value>(&nest(128)).is_err());
    assert!(parse(&nest(128)).is_ok());
}
