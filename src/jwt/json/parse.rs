//! The RFC 8259 parser: a JSON text to a [`Json`], or where it stops being JSON.

use std::ops::Range;

use super::error::{JsonReason, ParseError};
use super::value::Json;

/// Nesting deeper than this is refused rather than risking the stack.
pub const MAX_DEPTH: usize = 128;
/// Parses one JSON text (RFC 8259 §2): a value with optional whitespace around.
///
/// # Errors
///
/// The first place where the text stops being JSON.
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut parser = Parser::at(text, 0);
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    match parser.peek_char() {
        None => Ok(value),
        Some(c) => Err(parser.error(JsonReason::Trailing(c))),
    }
}

/// Top-level object members, each with the byte range of its value.
pub type MemberSpans = Vec<(String, Range<usize>)>;

/// The top-level members of an object text, each with the byte range of its
/// value, and the position of the closing brace: what [`set_member`] edits.
///
/// # Errors
///
/// The first place where the text stops being JSON, or `Unexpected` at the
/// start when it is not an object.
pub fn member_spans(text: &str) -> Result<(MemberSpans, usize), ParseError> {
    let mut parser = Parser::at(text, 0);
    parser.skip_whitespace();
    if parser.peek() != Some(b'{') {
        return Err(parser.unexpected());
    }
    let mut members = Vec::new();
    parser.object_members(1, &mut |key, range, _| members.push((key, range)))?;
    let close = parser.pos - 1;
    parser.skip_whitespace();
    match parser.peek_char() {
        None => Ok((members, close)),
        Some(c) => Err(parser.error(JsonReason::Trailing(c))),
    }
}

/// The parser's state: the text and where in it the next byte is. Shared
/// with [`super::elements`], which reads one array a piece at a time.
pub(super) struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Parser<'a> {
    /// A parser at byte `pos` of `text`.
    pub(super) fn at(text: &'a str, pos: usize) -> Parser<'a> {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }
}

impl Parser<'_> {
    pub(super) fn error(&self, reason: JsonReason) -> ParseError {
        ParseError {
            offset: self.pos,
            reason,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn peek_char(&self) -> Option<char> {
        self.text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
    }

    /// The error for whatever stands at the current position.
    pub(super) fn unexpected(&self) -> ParseError {
        match self.peek_char() {
            None => self.error(JsonReason::UnexpectedEnd),
            Some(c) => self.error(JsonReason::Unexpected(c)),
        }
    }

    pub(super) fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    pub(super) fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    pub(super) fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            _ => Err(self.unexpected()),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, ParseError> {
        for expected in word.bytes() {
            if self.peek() != Some(expected) {
                return Err(self.unexpected());
            }
            self.pos += 1;
        }
        Ok(value)
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonReason::TooDeep));
        }
        let mut members = Vec::new();
        self.object_members(depth, &mut |key, _, value| members.push((key, value)))?;
        Ok(Json::Object(members))
    }

    /// Reads an object from its `{` through its `}`, handing each member's
    /// key, the byte range of its value and the value to `member`: the one
    /// loop behind both [`parse`] and [`member_spans`].
    fn object_members(
        &mut self,
        depth: usize,
        member: &mut dyn FnMut(String, Range<usize>, Json),
    ) -> Result<(), ParseError> {
        self.pos += 1; // '{'
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            self.skip_whitespace();
            self.expect(b':')?;
            self.skip_whitespace();
            let start = self.pos;
            let value = self.value(depth)?;
            member(key, start..self.pos, value);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonReason::TooDeep));
        }
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error(JsonReason::BadNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error(JsonReason::BadNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error(JsonReason::BadNumber));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(JsonReason::BadNumber));
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or_default();
        Ok(Json::Number(raw.to_owned()))
    }

    pub(super) fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        let mut reserved = false;
        loop {
            // Copy the run of plain characters in one go.
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error(JsonReason::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    // Room for the rest at once: escapes only shrink, and a
                    // body in a HAR file has one every few characters.
                    if !reserved {
                        out.reserve(self.string_end() - self.pos);
                        reserved = true;
                    }
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(control) => {
                    return Err(self.error(JsonReason::ControlCharacter(char::from(control))));
                }
            }
        }
    }

    /// Where the string being read ends: its closing quote, or the end of
    /// the text. Looks ahead only; [`Parser::string`] checks the string.
    fn string_end(&self) -> usize {
        let mut at = self.pos;
        while let Some(&b) = self.bytes.get(at) {
            match b {
                b'"' => return at,
                b'\\' => at += 2,
                _ => at += 1,
            }
        }
        self.bytes.len()
    }

    /// Resolves the escape after a backslash, joining surrogate pairs.
    fn escape(&mut self) -> Result<char, ParseError> {
        let escape_start = self.pos - 1;
        let Some(byte) = self.peek() else {
            return Err(self.error(JsonReason::UnexpectedEnd));
        };
        self.pos += 1;
        let simple = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{08}',
            b'f' => '\u{0C}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(escape_start),
            _ => {
                self.pos = escape_start;
                return Err(self.error(JsonReason::BadEscape));
            }
        };
        Ok(simple)
    }

    fn unicode_escape(&mut self, escape_start: usize) -> Result<char, ParseError> {
        let first = self.hex4(escape_start)?;
        let code = match first {
            0xD800..=0xDBFF => {
                let low_start = self.pos;
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    self.pos = escape_start;
                    return Err(self.error(JsonReason::LoneSurrogate));
                }
                self.pos += 2;
                let second = self.hex4(low_start)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    self.pos = escape_start;
                    return Err(self.error(JsonReason::LoneSurrogate));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                self.pos = escape_start;
                return Err(self.error(JsonReason::LoneSurrogate));
            }
            other => u32::from(other),
        };
        char::from_u32(code).ok_or_else(|| {
            self.pos = escape_start;
            self.error(JsonReason::BadEscape)
        })
    }

    fn hex4(&mut self, escape_start: usize) -> Result<u16, ParseError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .and_then(|h| h.bytes().all(|b| b.is_ascii_hexdigit()).then_some(h))
            .and_then(|h| u16::from_str_radix(h, 16).ok());
        match digits {
            Some(value) => {
                self.pos += 4;
                Ok(value)
            }
            None => {
                self.pos = escape_start;
                Err(self.error(JsonReason::BadEscape))
            }
        }
    }
}
