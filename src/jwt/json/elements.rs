//! One array of a large JSON text parsed an element at a time (a HAR file's
//! `log.entries`), so that a page can read megabytes in short pieces.

use super::error::{JsonReason, ParseError};
use super::parse::Parser;
use super::value::Json;

/// The elements of the array at a path of object keys, read one by one,
/// then the rest of the text checked: together exactly what [`parse`]
/// accepts, without holding the whole document.
///
/// At each level the *first* member with the key is followed (where
/// [`Json::get`] takes the last): a reader that goes front to back cannot
/// know of a later one, and documents such as a HAR file have one.
///
/// [`parse`]: super::parse()
///
/// # Example
///
/// ```
/// use jwt_lens::jwt::json::{Elements, Json};
///
/// let text = r#"{"log": {"version": "1.2", "entries": [1, 2]}}"#;
/// let mut entries = Elements::find(text, &["log", "entries"]).expect("an array");
/// assert_eq!(entries.next(text), Ok(Some(Json::Number("1".to_owned()))));
/// assert_eq!(entries.next(text), Ok(Some(Json::Number("2".to_owned()))));
/// assert_eq!(entries.next(text), Ok(None));
/// assert_eq!(entries.finish(text), Ok(()));
/// ```
#[derive(Clone, Debug)]
pub struct Elements {
    /// Where reading goes on.
    pos: usize,
    /// The objects around the array: as many as the path has keys.
    levels: usize,
    /// Elements read so far.
    count: usize,
    /// Whether the array's `]` was read.
    ended: bool,
}

impl Elements {
    /// Finds the array at `path` in `text`, checking the text before it.
    /// `None` when the text is not JSON up to there, a level is not an
    /// object or lacks the key, or the value found is not an array.
    pub fn find(text: &str, path: &[&str]) -> Option<Elements> {
        let mut parser = Parser::at(text, 0);
        for (level, key) in path.iter().enumerate() {
            parser.skip_whitespace();
            if parser.peek() != Some(b'{') {
                return None;
            }
            parser.pos += 1;
            let mut first = true;
            loop {
                parser.skip_whitespace();
                if first && parser.peek() == Some(b'}') {
                    return None;
                }
                first = false;
                if parser.peek() != Some(b'"') {
                    return None;
                }
                let name = parser.string().ok()?;
                parser.skip_whitespace();
                parser.expect(b':').ok()?;
                parser.skip_whitespace();
                if name == *key {
                    break;
                }
                parser.value(level + 1).ok()?;
                parser.skip_whitespace();
                match parser.peek() {
                    Some(b',') => parser.pos += 1,
                    _ => return None,
                }
            }
        }
        if parser.peek() != Some(b'[') {
            return None;
        }
        Some(Elements {
            pos: parser.pos + 1,
            levels: path.len(),
            count: 0,
            ended: false,
        })
    }

    /// The next element; `None` after the last.
    ///
    /// # Errors
    ///
    /// Where the array stops being JSON.
    pub fn next(&mut self, text: &str) -> Result<Option<Json>, ParseError> {
        if self.ended {
            return Ok(None);
        }
        let mut parser = Parser::at(text, self.pos);
        parser.skip_whitespace();
        let more = match parser.peek() {
            Some(b']') => false,
            Some(b',') if self.count > 0 => {
                parser.pos += 1;
                true
            }
            _ if self.count == 0 => true,
            _ => return Err(parser.unexpected()),
        };
        if !more {
            self.pos = parser.pos + 1;
            self.ended = true;
            return Ok(None);
        }
        parser.skip_whitespace();
        // As deep as `parse` would be: one level per object, then the array.
        let value = parser.value(self.levels + 1)?;
        self.pos = parser.pos;
        self.count += 1;
        Ok(Some(value))
    }

    /// Where reading has got to: a byte offset into the text.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// After the last element: checks that the objects around the array,
    /// and the text after them, are JSON.
    ///
    /// # Errors
    ///
    /// Where the text stops being JSON.
    pub fn finish(&self, text: &str) -> Result<(), ParseError> {
        let mut parser = Parser::at(text, self.pos);
        if !self.ended {
            return Err(parser.unexpected());
        }
        for level in (0..self.levels).rev() {
            loop {
                parser.skip_whitespace();
                match parser.peek() {
                    Some(b',') => parser.pos += 1,
                    Some(b'}') => {
                        parser.pos += 1;
                        break;
                    }
                    _ => return Err(parser.unexpected()),
                }
                parser.skip_whitespace();
                if parser.peek() != Some(b'"') {
                    return Err(parser.unexpected());
                }
                parser.string()?;
                parser.skip_whitespace();
                parser.expect(b':')?;
                parser.skip_whitespace();
                parser.value(level + 1)?;
            }
        }
        parser.skip_whitespace();
        match parser.peek_char() {
            None => Ok(()),
            Some(c) => Err(parser.error(JsonReason::Trailing(c))),
        }
    }
}
