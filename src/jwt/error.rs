//! Why a token, or a secret, could not be read.
//!
//! # Design
//!
//! One enum for everything that stops JWT Lens from reading what the user
//! pasted. Its `Display` *is* the text the page shows, so each message says
//! what went wrong, where, and what was expected: a lowercase fragment without
//! a final period, so that the UI can join several with "; ". Risks in a token
//! that *could* be read are not errors but [`Finding`](super::Finding)s.

use std::fmt;

use super::chars::describe as describe_char;
use super::json::JsonReason;

/// A part of a compact token, named the way RFC 7515 and RFC 7516 name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The JOSE header, first segment of a JWS or JWE.
    Header,
    /// The JWS payload (the claims), second segment of a JWS.
    Payload,
    /// The JWS signature, third segment.
    Signature,
    /// A JWE segment after the header; only its base64url is checked.
    Encrypted,
}

impl Part {
    /// The lowercase name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Part::Header => "header",
            Part::Payload => "payload",
            Part::Signature => "signature",
            Part::Encrypted => "encrypted part",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything that can stop JWT Lens from reading a token or a secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    // The token as a whole.
    /// The cleaned input is longer than [`MAX_TOKEN_BYTES`](super::MAX_TOKEN_BYTES).
    TooLarge { bytes: usize, limit: usize },
    /// The input does not have the 3 (JWS) or 5 (JWE) dot-separated segments.
    Segments { found: usize },
    /// A five-segment token: a JWE, whose payload is encrypted.
    Jwe,

    // One segment.
    /// A character that belongs to neither base64 alphabet.
    Base64Char {
        part: Part,
        position: usize,
        character: char,
    },
    /// A segment whose length cannot come from base64 (4n + 1 characters).
    Base64Length { part: Part, length: usize },
    /// `=` padding that is misplaced or of the wrong length.
    Base64Padding { part: Part, position: usize },
    /// Decoded bytes that are not UTF-8; `offset` is the first bad byte.
    Utf8 { part: Part, offset: usize },
    /// Decoded text that is not JSON.
    Json {
        part: Part,
        line: usize,
        column: usize,
        reason: JsonReason,
    },
    /// JSON that is valid but not an object.
    NotObject { part: Part, found: &'static str },

    // The secret typed for verification.
    /// A secret that is not valid in the encoding the user chose. `position`
    /// counts characters from 1 in the secret as typed, before whitespace
    /// around it is trimmed.
    Secret {
        encoding: &'static str,
        position: usize,
        character: char,
    },
    /// A hex or base64 secret whose length cannot be decoded.
    SecretLength {
        encoding: &'static str,
        length: usize,
    },
    /// Signing with HMAC was asked for without a secret.
    SecretMissing,
}

impl Error {
    /// A stable, kebab-case name for the kind of error, used as the page's
    /// `data-kind`: `too-large`, `segments`, `jwe`, `base64`, `utf8`, `json`,
    /// `not-object` or `secret`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "too-large",
            Error::Segments { .. } => "segments",
            Error::Jwe => "jwe",
            Error::Base64Char { .. } | Error::Base64Length { .. } | Error::Base64Padding { .. } => {
                "base64"
            }
            Error::Utf8 { .. } => "utf8",
            Error::Json { .. } => "json",
            Error::NotObject { .. } => "not-object",
            Error::Secret { .. } | Error::SecretLength { .. } | Error::SecretMissing => "secret",
        }
    }

    /// The token part the error is about, if it is about one.
    pub fn part(&self) -> Option<Part> {
        match self {
            Error::Base64Char { part, .. }
            | Error::Base64Length { part, .. }
            | Error::Base64Padding { part, .. }
            | Error::Utf8 { part, .. }
            | Error::Json { part, .. }
            | Error::NotObject { part, .. } => Some(*part),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "too large to decode: {bytes} bytes, and JWT Lens decodes tokens of up to {limit} bytes"
            ),
            Error::Segments { found: 1 } => f.write_str(
                "found 1 segment but no dot: a JWT has 3 segments (header.payload.signature)",
            ),
            Error::Segments { found } => write!(
                f,
                "found {found} segments separated by dots, expected 3 (header.payload.signature) \
                 for a signed JWT or 5 for an encrypted JWE"
            ),
            Error::Jwe => f.write_str(
                "this is an encrypted JWT (JWE, 5 segments): its header is shown, \
                 but the payload is encrypted and cannot be read without the recipient's key",
            ),
            Error::Base64Char {
                part,
                position,
                character,
            } => write!(
                f,
                "{part}: {} at position {position} is not base64url (A-Z, a-z, 0-9, '-' and '_')",
                describe_char(*character)
            ),
            Error::Base64Length { part, length } => write!(
                f,
                "{part}: {length} characters cannot be base64url, whose length is never \
                 one more than a multiple of 4 (a character was probably lost in copying)"
            ),
            Error::Base64Padding { part, position } => write!(
                f,
                "{part}: '=' padding at position {position} is misplaced \
                 (base64url in a JWT has no padding)"
            ),
            Error::Utf8 { part, offset } => write!(
                f,
                "{part}: decoded bytes are not UTF-8 text (first bad byte at offset {offset})"
            ),
            Error::Json {
                part,
                line,
                column,
                reason,
            } => write!(
                f,
                "{part}: not valid JSON at line {line}, column {column}: {reason}"
            ),
            Error::NotObject { part, found } => {
                write!(
                    f,
                    "{part}: JSON is {found}, but a JWT {part} must be an object"
                )
            }
            Error::Secret {
                encoding,
                position,
                character,
            } => write!(
                f,
                "secret: {} at position {position} is not valid {encoding}",
                describe_char(*character)
            ),
            Error::SecretLength { encoding, length } => {
                write!(f, "secret: {length} characters cannot be {encoding}")
            }
            Error::SecretMissing => {
                f.write_str("secret: enter a secret to sign with, or generate one")
            }
        }
    }
}

impl std::error::Error for Error {}
