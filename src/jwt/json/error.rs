//! Why a JSON text was rejected, and where.

use std::fmt;

use super::parse::MAX_DEPTH;
use crate::jwt::chars::describe;

/// Where in the text a parse failed: byte offset and reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset of the offending character (or the end of the text).
    pub offset: usize,
    /// What was wrong there.
    pub reason: JsonReason,
}

impl ParseError {
    /// 1-based line and column (in characters) of the error in `text`.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let before = text.get(..self.offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

/// Why a JSON text was rejected, with the position kept in [`Error::Json`](crate::jwt::Error::Json).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonReason {
    /// The text ended inside a value.
    UnexpectedEnd,
    /// A character that cannot start or continue a value here.
    Unexpected(char),
    /// Something other than whitespace after the top-level value.
    Trailing(char),
    /// A number that breaks RFC 8259's grammar (leading zero, lone `-`, …).
    BadNumber,
    /// An escape sequence that is not one of RFC 8259's.
    BadEscape,
    /// A `\u` escape that leaves half of a UTF-16 surrogate pair.
    LoneSurrogate,
    /// A raw control character (U+0000 to U+001F) inside a string.
    ControlCharacter(char),
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl fmt::Display for JsonReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonReason::UnexpectedEnd => f.write_str("the text ends before the JSON is complete"),
            JsonReason::Unexpected(c) => write!(f, "unexpected {}", describe(*c)),
            JsonReason::Trailing(c) => {
                write!(f, "{} after the end of the JSON value", describe(*c))
            }
            JsonReason::BadNumber => f.write_str("invalid number"),
            JsonReason::BadEscape => f.write_str("invalid escape sequence in a string"),
            JsonReason::LoneSurrogate => {
                f.write_str("\\u escape is half of a UTF-16 surrogate pair")
            }
            JsonReason::ControlCharacter(c) => write!(
                f,
                "control character U+{:04X} must be escaped inside a string",
                u32::from(*c)
            ),
            JsonReason::TooDeep => {
                write!(f, "nested more than {} levels deep", MAX_DEPTH)
            }
        }
    }
}
