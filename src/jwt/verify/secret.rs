//! The HMAC secret the user types, and how its characters become key bytes.

use std::fmt;

use crate::jwt::base64url::{self, Alphabet, Fault};
use crate::jwt::error::Error;

/// How the characters the user typed become key bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SecretEncoding {
    /// The UTF-8 bytes of the text, as most libraries take a string secret.
    #[default]
    Utf8,
    /// Standard base64 (RFC 4648 §4), padding optional.
    Base64,
    /// Base64url (RFC 4648 §5), as in a JWK's `k`; padding optional.
    Base64Url,
    /// Hexadecimal, two digits a byte, either case.
    Hex,
}

impl SecretEncoding {
    /// Every encoding, in the order the page lists them.
    pub const ALL: [SecretEncoding; 4] = [
        SecretEncoding::Utf8,
        SecretEncoding::Base64,
        SecretEncoding::Base64Url,
        SecretEncoding::Hex,
    ];

    /// The value used in the page's `<select>`: `utf8`, `base64`, `base64url`, `hex`.
    pub fn id(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "utf8",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64Url => "base64url",
            SecretEncoding::Hex => "hex",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "UTF-8 text",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64Url => "base64url",
            SecretEncoding::Hex => "hex",
        }
    }

    /// The encoding whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<SecretEncoding> {
        SecretEncoding::ALL.into_iter().find(|e| e.id() == id)
    }
}

/// Key bytes for HMAC. Its `Debug` never shows them.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    /// Decodes typed text in the chosen encoding. Surrounding whitespace is
    /// kept for UTF-8 (it may be part of the secret) and ignored otherwise.
    ///
    /// # Errors
    ///
    /// [`Error::Secret`] or [`Error::SecretLength`] when the text is not valid
    /// in that encoding. A position counts characters from 1 in `text` as
    /// typed, leading whitespace included, so it points at the character the
    /// person sees.
    pub fn decode(text: &str, encoding: SecretEncoding) -> Result<Secret, Error> {
        let name = encoding.label();
        let trimmed = text.trim();
        // Characters the trim removed in front: positions inside `trimmed`
        // are shifted by this much to count in `text`.
        let lead = text
            .get(..text.len() - text.trim_start().len())
            .map_or(0, |w| w.chars().count());
        let alphabet = match encoding {
            SecretEncoding::Utf8 => return Ok(Secret(text.as_bytes().to_vec())),
            SecretEncoding::Hex => return decode_hex(trimmed, lead).map(Secret),
            SecretEncoding::Base64 => Alphabet::Standard,
            SecretEncoding::Base64Url => Alphabet::Url,
        };
        match base64url::decode(trimmed, alphabet) {
            Ok(decoded) => Ok(Secret(decoded.bytes)),
            Err(Fault::Char {
                position,
                character,
            }) => Err(Error::Secret {
                encoding: name,
                position: lead + position,
                character,
            }),
            Err(Fault::Padding { position }) => Err(Error::Secret {
                encoding: name,
                position: lead + position,
                character: '=',
            }),
            Err(Fault::Length { length }) => Err(Error::SecretLength {
                encoding: name,
                length,
            }),
        }
    }

    /// Wraps raw key bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Secret {
        Secret(bytes)
    }

    /// The key bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Key length in bits.
    pub fn bits(&self) -> usize {
        self.0.len() * 8
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret([redacted; {} bytes])", self.0.len())
    }
}

/// Hex digits to bytes; `lead` is the number of characters trimmed from the
/// front of what was typed, added to the position of a bad digit.
fn decode_hex(text: &str, lead: usize) -> Result<Vec<u8>, Error> {
    let encoding = SecretEncoding::Hex.label();
    if let Some((index, character)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_hexdigit())
    {
        return Err(Error::Secret {
            encoding,
            position: lead + index + 1,
            character,
        });
    }
    if !text.len().is_multiple_of(2) {
        return Err(Error::SecretLength {
            encoding,
            length: text.len(),
        });
    }
    Ok(text
        .as_bytes()
        .chunks(2)
        .filter_map(|pair| std::str::from_utf8(pair).ok())
        .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
        .collect())
}
