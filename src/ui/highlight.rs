//! Colouring pretty-printed JSON: which run of text is a key, a string, a number.

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

/// Splits text produced by [`Json::pretty`](crate::jwt::Json::pretty) into coloured runs that cover it
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
