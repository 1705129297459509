//! Findings about the JSON itself: repeated keys and integers JavaScript rounds.

use crate::jwt::findings::{Finding, Severity};
use crate::jwt::json::{self, Json};

pub(super) fn json_findings(value: Option<&Json>, part: &str, out: &mut Vec<Finding>) {
    let Some(value) = value else {
        return;
    };
    let duplicates = json::duplicate_keys(value);
    if !duplicates.is_empty() {
        let list: Vec<String> = duplicates
            .iter()
            .take(5)
            .map(|(path, key)| format!("{key} in {path}"))
            .collect();
        out.push(Finding::new(
            "duplicate-key",
            Severity::Danger,
            format!(
                "The {part} repeats keys ({}). Parsers disagree on which copy wins (most take the last), so two systems can read different claims from one token.",
                list.join(", ")
            ),
            "RFC 7519 §4, RFC 7515 §5.2, RFC 8259 §4",
        ));
    }
    let mut unsafe_numbers = Vec::new();
    collect_unsafe_integers(value, &mut unsafe_numbers);
    if !unsafe_numbers.is_empty() {
        out.push(Finding::new(
            "unsafe-integer",
            Severity::Warning,
            format!(
                "The {part} has integers beyond 2^53 ({}): JavaScript clients (JSON.parse) will round them, so ids may silently change.",
                unsafe_numbers.into_iter().take(3).collect::<Vec<_>>().join(", ")
            ),
            "RFC 7493 §2.2, RFC 8259 §6",
        ));
    }
}

/// Integer literals whose magnitude exceeds 2^53, where an IEEE double
/// stops representing every integer.
fn collect_unsafe_integers(value: &Json, out: &mut Vec<String>) {
    const SAFE: u64 = 1 << 53;
    match value {
        Json::Number(n) => {
            let digits = n.strip_prefix('-').unwrap_or(n);
            let integer = digits.bytes().all(|b| b.is_ascii_digit());
            let big = digits.len() > 16 || digits.parse::<u64>().is_ok_and(|v| v > SAFE);
            if integer && big {
                out.push(n.clone());
            }
        }
        Json::Array(items) => items.iter().for_each(|i| collect_unsafe_integers(i, out)),
        Json::Object(members) => members
            .iter()
            .for_each(|(_, v)| collect_unsafe_integers(v, out)),
        _ => {}
    }
}

/// A JSON value in one line, shortened to 60 characters, for messages.
pub fn compact(value: &Json) -> String {
    value.compact(60)
}
