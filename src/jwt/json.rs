//! A strict RFC 8259 JSON reader that loses nothing a person would notice.
//!
//! `JSON.parse` in a browser rounds `100002348117421473` to `…470`, prints
//! `3.0` as `3`, and keeps only the last of two equal keys. This reader keeps
//! every number as the text it was written as, every key in order, and every
//! duplicate, so that the page can show the token exactly and point out what
//! other parsers would silently change.

use std::collections::HashMap;
use std::ops::Range;

use super::error::JsonReason;

/// Nesting deeper than this is refused rather than risking the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value as written in the token.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as its exact source text (`1e400`, `3.0`, `-0`).
    Number(String),
    /// A string, with escapes resolved.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members in source order, duplicates included.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object: the last one, as most JSON parsers
    /// (and so most JWT libraries) would take it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object's members, if this is one.
    pub fn members(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// "an object", "an array", …: for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// One line of at most `max` characters (with `…` when cut), for tables
    /// and messages. Stops writing once past `max`, so a huge value costs no
    /// more than a small one.
    pub fn compact(&self, max: usize) -> String {
        let mut out = String::new();
        self.write_compact(&mut out, max);
        if out.chars().count() > max {
            out = out.chars().take(max.saturating_sub(1)).collect::<String>() + "…";
        }
        out
    }

    fn write_compact(&self, out: &mut String, max: usize) {
        if out.len() > max * 4 {
            return;
        }
        match self {
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if out.len() > max * 4 {
                        break;
                    }
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_compact(out, max);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if out.len() > max * 4 {
                        break;
                    }
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_string(out, key);
                    out.push_str(": ");
                    value.write_compact(out, max);
                }
                out.push('}');
            }
            Json::String(s) => {
                // Only as much of a long string as can be shown.
                let head: String = s.chars().take(max + 1).collect();
                write_string(out, &head);
            }
            scalar => scalar.write_pretty(out, 0),
        }
    }

    /// Pretty-prints with two-space indentation, like `JSON.stringify(v, null, 2)`
    /// but with numbers exactly as written and invisible characters escaped.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write_pretty(&mut out, 0);
        out
    }

    fn write_pretty(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    push_indent(out, indent + 1);
                    item.write_pretty(out, indent + 1);
                }
                out.push('\n');
                push_indent(out, indent);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    push_indent(out, indent + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write_pretty(out, indent + 1);
                }
                out.push('\n');
                push_indent(out, indent);
                out.push('}');
            }
        }
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// Characters that render as nothing or reorder text: zero-width characters,
/// bidirectional controls, the BOM and the soft hyphen. They are shown as
/// `\uXXXX` escapes so that hostile or confusing text is visible.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

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
            c if c.is_control() || is_invisible(c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

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

/// Parses one JSON text (RFC 8259 §2): a value with optional whitespace around.
///
/// # Errors
///
/// The first place where the text stops being JSON.
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
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
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
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

/// Sets the top-level member `key` of an object text to the JSON `value`,
/// changing nothing else: the value of an existing member (its last copy) is
/// replaced in place, and a new member is added at the end in the text's own
/// style (one line, or indented like the others). `None` when the text is not
/// a JSON object.
pub fn set_member(text: &str, key: &str, value: &str) -> Option<String> {
    let (members, close) = member_spans(text).ok()?;
    if let Some((_, range)) = members.iter().rev().find(|(k, _)| k == key) {
        return Some(format!(
            "{}{value}{}",
            text.get(..range.start)?,
            text.get(range.end..)?
        ));
    }
    let mut name = String::new();
    write_string(&mut name, key);
    let Some((_, last)) = members.last() else {
        let inner = text.get(..close)?.trim_end();
        return Some(format!("{inner}{name}: {value}{}", text.get(close..)?));
    };
    // Indent like the last member when the object spans lines.
    let before_last = text.get(..last.start)?;
    let line_start = before_last.rfind('\n').map(|i| i + 1);
    let member = match line_start {
        Some(start) => {
            let indent: String = text
                .get(start..)?
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            format!(",\n{indent}{name}: {value}")
        }
        None => format!(",{name}:{value}"),
    };
    Some(format!(
        "{}{member}{}",
        text.get(..last.end)?,
        text.get(last.end..)?
    ))
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, reason: JsonReason) -> ParseError {
        ParseError {
            offset: self.pos,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
    }

    /// The error for whatever stands at the current position.
    fn unexpected(&self) -> ParseError {
        match self.peek_char() {
            None => self.error(JsonReason::UnexpectedEnd),
            Some(c) => self.error(JsonReason::Unexpected(c)),
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
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

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
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
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(control) => {
                    return Err(self.error(JsonReason::ControlCharacter(char::from(control))));
                }
            }
        }
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

/// Object keys that appear more than once, anywhere in `value`, with the
/// path of the object that repeats them (`$` for the top level).
pub fn duplicate_keys(value: &Json) -> Vec<(String, String)> {
    let mut found = Vec::new();
    collect_duplicates(value, "$", &mut found);
    found
}

fn collect_duplicates(value: &Json, path: &str, found: &mut Vec<(String, String)>) {
    match value {
        Json::Object(members) => {
            let mut counts: HashMap<&str, usize> = HashMap::with_capacity(members.len());
            for (key, child) in members {
                let count = counts.entry(key).or_default();
                *count += 1;
                if *count == 2 {
                    found.push((path.to_owned(), key.clone()));
                }
                if matches!(child, Json::Object(_) | Json::Array(_)) {
                    collect_duplicates(child, &format!("{path}.{key}"), found);
                }
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if matches!(item, Json::Object(_) | Json::Array(_)) {
                    collect_duplicates(item, &format!("{path}[{i}]"), found);
                }
            }
        }
        _ => {}
    }
}

/// What a run of pretty-printed JSON is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// An object key, quotes included.
    Key,
    /// A string value, quotes included.
    String,
    /// A number.
    Number,
    /// `true`, `false` or `null`.
    Literal,
    /// Brackets, commas, colons and whitespace.
    Punctuation,
}

/// Splits text produced by [`Json::pretty`] into coloured runs that cover it
/// exactly, in order.
pub fn highlight(pretty: &str) -> Vec<(Highlight, &str)> {
    let bytes = pretty.as_bytes();
    let mut runs: Vec<(Highlight, &str)> = Vec::new();
    let mut push = |kind: Highlight, start: usize, end: usize| {
        if let Some(text) = pretty.get(start..end) {
            match runs.last_mut() {
                Some((last, run)) if *last == kind && kind == Highlight::Punctuation => {
                    if let Some(joined) = pretty.get(end - run.len() - text.len()..end) {
                        *run = joined;
                    }
                }
                _ => runs.push((kind, text)),
            }
        }
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let kind = match b {
            b'"' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'"' => break,
                        _ => {}
                    }
                }
                if bytes.get(i) == Some(&b':') {
                    Highlight::Key
                } else {
                    Highlight::String
                }
            }
            b'-' | b'0'..=b'9' => {
                while matches!(
                    bytes.get(i),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    i += 1;
                }
                Highlight::Number
            }
            b't' | b'f' | b'n' => {
                while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    i += 1;
                }
                Highlight::Literal
            }
            _ => {
                i += 1;
                Highlight::Punctuation
            }
        };
        push(kind, start, i.min(bytes.len()));
    }
    runs
}
