//! A paste read a piece at a time, so that a page can let the browser
//! breathe between pieces: a 5 MB HAR file is hundreds of entries.

use super::{Collector, Extraction, Form, Request, extract_other, har, is_one_token};
use crate::jwt::json::Elements;

/// [`read`](super::read) in steps: the first tells a HAR file from the rest
/// (and reads anything else whole); each later one parses and reads a few of
/// the HAR's entries. The result is exactly what `read` returns for the
/// same text.
///
/// # Example
///
/// ```
/// use jwt_lens::jwt::paste::{self, Reading};
///
/// let text = r#"{"access_token": "opaque-1", "refresh_token": "opaque-2"}"#;
/// let mut reading = Reading::new();
/// let found = loop {
///     if let Some(found) = reading.step(text, 50) {
///         break found;
///     }
/// };
/// assert_eq!(found, paste::read(text));
/// ```
pub struct Reading(Stage);

enum Stage {
    /// Nothing read yet.
    Start,
    /// A HAR file, its entries being read.
    Har(Box<HarReading>),
    /// Read; a further step answers `None`.
    Done,
}

/// How far the reading of a HAR file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HarProgress {
    /// Entries read so far.
    pub entries: usize,
    /// Bytes of the text read so far.
    pub bytes: usize,
}

impl Default for Reading {
    fn default() -> Self {
        Reading::new()
    }
}

impl Reading {
    /// A reading that has not started.
    pub fn new() -> Reading {
        Reading(Stage::Start)
    }

    /// Reads on in `text`, the same text every time: the first call tells
    /// a HAR file from the rest and reads anything else whole; later calls
    /// read up to `entries` of the HAR's entries each. `Some` with what
    /// [`read`](super::read) returns once the whole paste is read.
    pub fn step(&mut self, text: &str, entries: usize) -> Option<Option<Extraction>> {
        match std::mem::replace(&mut self.0, Stage::Done) {
            Stage::Start => {
                if is_one_token(text) {
                    return Some(None);
                }
                match HarReading::start(text) {
                    Some(har) => {
                        self.0 = Stage::Har(Box::new(har));
                        None
                    }
                    None => Some(found_any(extract_other(text))),
                }
            }
            Stage::Har(mut har) => match har.read(text, entries) {
                Ok(true) => Some(found_any(har.finish())),
                Ok(false) => {
                    self.0 = Stage::Har(har);
                    None
                }
                // Not JSON after all, further on: read as any other paste.
                Err(()) => Some(found_any(extract_other(text))),
            },
            Stage::Done => None,
        }
    }

    /// For a HAR file being read: how far.
    pub fn progress(&self) -> Option<HarProgress> {
        match &self.0 {
            Stage::Har(har) => Some(HarProgress {
                entries: har.next,
                bytes: har.elements.position(),
            }),
            _ => None,
        }
    }
}

/// `read`'s answer: `None` when nothing token-like was found.
fn found_any(found: Extraction) -> Option<Extraction> {
    (!found.tokens.is_empty()).then_some(found)
}

/// A HAR file's entries, parsed and read a few at a time.
pub(super) struct HarReading {
    elements: Elements,
    /// The number of the next entry.
    next: usize,
    found: Collector,
    /// The request of the last entry read that carried a `DPoP` header.
    request: Option<Request>,
}

impl HarReading {
    /// The reading of `text`'s entries, or `None` when `text` is no HAR file.
    /// Like every reading here, it reads `text` trimmed.
    pub(super) fn start(text: &str) -> Option<HarReading> {
        let text = text.trim();
        if !text.starts_with('{') || !text.contains("\"log\"") {
            return None;
        }
        Some(HarReading {
            elements: har::entries(text)?,
            next: 0,
            found: Collector::default(),
            request: None,
        })
    }

    /// Parses and reads up to `count` more entries of `text`; `true` once
    /// all are read and the rest of the text is checked. `Err` when the text
    /// turns out not to be JSON: then it is no HAR file.
    pub(super) fn read(&mut self, text: &str, count: usize) -> Result<bool, ()> {
        let text = text.trim();
        for _ in 0..count {
            match self.elements.next(text) {
                Ok(Some(item)) => {
                    let request = har::read_entry(self.next, &item, &mut self.found);
                    self.request = request.or(self.request.take());
                    self.next += 1;
                }
                Ok(None) => return self.elements.finish(text).map(|()| true).map_err(|_| ()),
                Err(_) => return Err(()),
            }
        }
        Ok(false)
    }

    /// Everything found. A HAR's reading visits every string in it, so
    /// nothing is left to find as plain text.
    pub(super) fn finish(self) -> Extraction {
        self.found.into_extraction(Form::Har, self.request)
    }
}
