//! Writing JSON string literals, with invisible characters made visible.

use crate::jwt::chars::{is_invisible, plain_runs, push_escape};

/// Writes `s` as a JSON string literal. Runs of characters that need no
/// escape are copied whole: a 740 KB string is one copy, not 740,000 pushes.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, c) in plain_runs(s, |b| b != b'"' && b != b'\\') {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{08}' => "\\b",
            '\u{0C}' => "\\f",
            c if is_invisible(c) => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            push_escape(out, c);
        } else {
            out.push_str(escape);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
    out.push('"');
}
