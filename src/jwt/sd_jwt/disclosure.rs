//! One disclosure: `base64url(JSON array [salt, name, value] or [salt, value])`
//! (RFC 9901 §4.2.1, §4.2.2).

use std::fmt;

use super::super::base64url::{self, Alphabet};
use super::super::json::{self, Json};

/// What a disclosure says, once decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    /// The salt, as written.
    pub salt: String,
    /// The claim name for an object property; `None` for an array element.
    pub name: Option<String>,
    /// The value, with numbers exactly as written.
    pub value: Json,
}

/// Why a disclosure could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Malformed {
    /// Nothing between two `~`.
    Empty,
    /// A character, length or padding that is not unpadded base64url.
    Base64,
    /// The decoded bytes are not UTF-8.
    Utf8,
    /// The decoded text is not JSON.
    Json,
    /// JSON, but not an array of two or three elements.
    Shape {
        /// What was found, such as "an object" or "an array of 4 elements".
        found: String,
    },
    /// The salt is not a string.
    Salt,
    /// The claim name is not a string.
    Name,
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Malformed::Empty => f.write_str("empty: nothing between two '~'"),
            Malformed::Base64 => f.write_str("not unpadded base64url"),
            Malformed::Utf8 => f.write_str("its bytes are not UTF-8"),
            Malformed::Json => f.write_str("its text is not JSON"),
            Malformed::Shape { found } => write!(
                f,
                "{found}, not an array of [salt, name, value] or [salt, value]"
            ),
            Malformed::Salt => f.write_str("its salt is not a string"),
            Malformed::Name => f.write_str("its claim name is not a string"),
        }
    }
}

/// Decodes one disclosure as transmitted (RFC 9901 §7.1 step 3).
///
/// # Errors
///
/// Why it is not a disclosure.
pub fn decode(text: &str) -> Result<Content, Malformed> {
    if text.is_empty() {
        return Err(Malformed::Empty);
    }
    let decoded = base64url::decode(text, Alphabet::Url).map_err(|_| Malformed::Base64)?;
    if decoded.padded || decoded.non_canonical {
        return Err(Malformed::Base64);
    }
    let text = String::from_utf8(decoded.bytes).map_err(|_| Malformed::Utf8)?;
    let value = json::parse(&text).map_err(|_| Malformed::Json)?;
    let Json::Array(mut items) = value else {
        return Err(Malformed::Shape {
            found: value.type_name().to_owned(),
        });
    };
    let (salt, name, value) = match items.len() {
        2 => {
            let value = items.pop();
            (items.pop(), None, value)
        }
        3 => {
            let value = items.pop();
            let name = items.pop();
            (items.pop(), name, value)
        }
        n => {
            return Err(Malformed::Shape {
                found: format!("an array of {n} elements"),
            });
        }
    };
    let Some(Json::String(salt)) = salt else {
        return Err(Malformed::Salt);
    };
    let name = match name {
        None => None,
        Some(Json::String(name)) => Some(name),
        Some(_) => return Err(Malformed::Name),
    };
    let Some(value) = value else {
        return Err(Malformed::Shape {
            found: "an array".to_owned(),
        });
    };
    Ok(Content { salt, name, value })
}
