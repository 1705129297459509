//! A strict RFC 8259 JSON reader that loses nothing a person would notice.
//!
//! `JSON.parse` in a browser rounds `100002348117421473` to `…470`, prints
//! `3.0` as `3`, and keeps only the last of two equal keys. This reader keeps
//! every number as the text it was written as, every key in order, and every
//! duplicate, so that the page can show the token exactly and point out what
//! other parsers would silently change.
//!
//! The reader owns its errors ([`ParseError`], [`JsonReason`]);
//! [`jwt::Error`](crate::jwt::Error) wraps them with the token part.

mod edit;
mod elements;
mod error;
mod parse;
mod value;
mod write;

pub use edit::set_member;
pub use elements::Elements;
pub use error::{JsonReason, ParseError};
pub use parse::{MAX_DEPTH, MemberSpans, member_spans, parse};
pub use value::{Json, duplicate_keys};
pub use write::write_string;

/// `text` as one JSON object whose members are each named once, at every
/// depth, as the JOSE JSON serializations require (RFC 7515 §7.2, RFC 7516
/// §7.2); otherwise the sentence that says why, for the caller's own error.
///
/// # Errors
///
/// The position of a syntax error, a value that is not an object, or the
/// first name that appears twice and where.
pub fn parse_unique_object(text: &str) -> Result<Json, String> {
    let value = parse(text).map_err(|e| {
        let (line, column) = e.line_column(text);
        format!(
            "not valid JSON at line {line}, column {column}: {}",
            e.reason
        )
    })?;
    if value.members().is_none() {
        return Err("it is not a JSON object".to_owned());
    }
    if let Some((path, name)) = duplicate_keys(&value).first() {
        return Err(format!("\"{name}\" appears twice in {path}"));
    }
    Ok(value)
}
