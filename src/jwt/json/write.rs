//! Writing JSON string literals, with invisible characters made visible.

use crate::jwt::chars::{is_invisible, push_escape};

/// Writes `s` as a JSON string literal.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            c if is_invisible(c) => push_escape(out, c),
            c => out.push(c),
        }
    }
    out.push('"');
}
