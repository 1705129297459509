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
