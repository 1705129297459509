//! Turning whatever was pasted into a compact token, and saying what was removed.
//!
//! People paste tokens from `Authorization` headers, JSON, logs and terminals:
//! with `Bearer `, with quotes, wrapped over lines. JWT Lens strips those and
//! lists what it stripped, so nothing changes silently.

use std::fmt;
use std::ops::Range;

/// Something [`clean`] removed from the pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removed {
    /// An `Authorization:` header name before the token.
    HeaderName,
    /// The `Bearer` authentication scheme (RFC 6750 §2.1).
    Bearer,
    /// Quotes around the token, such as those of a JSON string.
    Quotes,
    /// Line breaks (CR, LF or CRLF each count once).
    LineBreaks(usize),
    /// Spaces, tabs and other whitespace that is not a line break.
    Spaces(usize),
}

impl fmt::Display for Removed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: &usize| if *n == 1 { "" } else { "s" };
        match self {
            Removed::HeaderName => f.write_str("the \"Authorization:\" header name"),
            Removed::Bearer => f.write_str("the \"Bearer\" prefix"),
            Removed::Quotes => f.write_str("surrounding quotes"),
            Removed::LineBreaks(n) => write!(f, "{n} line break{}", plural(n)),
            Removed::Spaces(n) => write!(f, "{n} space{}", plural(n)),
        }
    }
}

/// The compact token found in the pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    /// The token, with everything in `removed` taken out.
    pub token: String,
    /// What was taken out, in the order it was found.
    pub removed: Vec<Removed>,
}

/// Strips an `Authorization:` header name, a `Bearer` scheme, surrounding
/// quotes and all whitespace from pasted text.
///
/// # Example
///
/// ```
/// use jwt_lens::jwt::{clean, Removed};
/// let cleaned = clean("  Bearer \"a.b.c\"\n");
/// assert_eq!(cleaned.token, "a.b.c");
/// assert_eq!(cleaned.removed, [Removed::Bearer, Removed::Quotes, Removed::LineBreaks(1), Removed::Spaces(3)]);
/// ```
pub fn clean(input: &str) -> Cleaned {
    let mut removed = Vec::new();
    let mut rest = input.trim();
    loop {
        let before = rest;
        if let Some(after) = strip_prefix_ignore_case(rest, "authorization:") {
            push_once(&mut removed, Removed::HeaderName);
            rest = after.trim_start();
        }
        if let Some(after) = strip_prefix_ignore_case(rest, "bearer")
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            push_once(&mut removed, Removed::Bearer);
            rest = after.trim_start();
        }
        if let Some(inner) = strip_quotes(rest) {
            push_once(&mut removed, Removed::Quotes);
            rest = inner.trim();
        }
        if rest == before {
            break;
        }
    }

    let (line_breaks, spaces) = count_whitespace(input);
    // Whitespace inside the removed prefixes was removed with them.
    let token = if rest.bytes().any(|b| b.is_ascii_whitespace()) || !rest.is_ascii() {
        rest.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        rest.to_owned()
    };
    if line_breaks > 0 {
        removed.push(Removed::LineBreaks(line_breaks));
    }
    if spaces > 0 {
        removed.push(Removed::Spaces(spaces));
    }
    Cleaned { token, removed }
}

/// Line breaks (CR, LF and CRLF each once) and other whitespace in `input`.
/// A byte scan, as a megabyte paste is mostly ASCII; characters are decoded
/// only where a byte is not ASCII.
fn count_whitespace(input: &str) -> (usize, usize) {
    let (mut line_breaks, mut spaces) = (0, 0);
    let bytes = input.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' => {
                line_breaks += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => line_breaks += 1,
            b' ' | b'\t' | b'\x0B' | b'\x0C' => spaces += 1,
            0x80.. => {
                let c = input
                    .get(i..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or(' ');
                if c.is_whitespace() {
                    spaces += 1;
                }
                i += c.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (line_breaks, spaces)
}

fn push_once(removed: &mut Vec<Removed>, item: Removed) {
    if !removed.contains(&item) {
        removed.push(item);
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

fn strip_quotes(text: &str) -> Option<&str> {
    ['"', '\'', '`', '\u{201C}'].into_iter().find_map(|open| {
        let close = if open == '\u{201C}' { '\u{201D}' } else { open };
        text.strip_prefix(open)?.strip_suffix(close)
    })
}

/// Byte ranges of the dot-separated segments of `token`.
pub fn segments(token: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, _) in token.match_indices('.') {
        ranges.push(start..i);
        start = i + 1;
    }
    ranges.push(start..token.len());
    ranges
}

/// Where the JWT in `token` ends: at the first `~`, which ends the
/// issuer-signed JWT of an SD-JWT (RFC 9901 §4), or at the end.
pub fn issuer_jwt_end(token: &str) -> usize {
    token.find('~').unwrap_or(token.len())
}
