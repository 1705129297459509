//! Why a JWE could not be decrypted: [`JweError`], whose `Display` is the
//! page's text, and whether the page says `failed` or `refused`.

use std::fmt;

use super::alg::{ContentAlg, KeyAlg};
use crate::jwt::base64url::Fault;
use crate::jwt::chars::describe;

/// A part of a JWE that is base64url-encoded (RFC 7516 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwePart {
    /// The JWE Protected Header.
    Protected,
    /// The JWE Encrypted Key.
    EncryptedKey,
    /// The JWE Initialization Vector.
    Iv,
    /// The JWE Ciphertext.
    Ciphertext,
    /// The JWE Authentication Tag.
    Tag,
    /// The JWE AAD of the JSON serialization.
    Aad,
    /// A base64url header parameter, such as `p2s`, `apu` or `epk`'s `x`.
    Param(&'static str),
}

impl fmt::Display for JwePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JwePart::Protected => f.write_str("the protected header"),
            JwePart::EncryptedKey => f.write_str("the encrypted key"),
            JwePart::Iv => f.write_str("the initialization vector"),
            JwePart::Ciphertext => f.write_str("the ciphertext"),
            JwePart::Tag => f.write_str("the authentication tag"),
            JwePart::Aad => f.write_str("the aad"),
            JwePart::Param(name) => write!(f, "the header's \"{name}\""),
        }
    }
}

/// Which header a parameter was found in (RFC 7516 §7.2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderPlace {
    /// `protected`, integrity-protected.
    Protected,
    /// `unprotected`, shared by all recipients.
    Shared,
    /// A recipient's own `header`.
    Recipient,
}

impl fmt::Display for HeaderPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HeaderPlace::Protected => "the protected header",
            HeaderPlace::Shared => "the shared unprotected header",
            HeaderPlace::Recipient => "the recipient's header",
        })
    }
}

/// What the page says about a JWE it could not decrypt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Decryption was tried, or the token or key is unusable.
    Failed,
    /// JWT Lens would not try: a cost cap, or an algorithm it does not decrypt.
    Refused,
}

impl State {
    /// The `data-state` of `#decryption-info`: `failed` or `refused`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Failed => "failed",
            State::Refused => "refused",
        }
    }
}

/// Everything that stops a JWE from decrypting. Its `Display` is the page's
/// text: a lowercase fragment, no final period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JweError {
    // The token.
    /// Not five dot-separated segments (RFC 7516 §7.1).
    Segments { found: usize },
    /// More text than JWT Lens decodes.
    TooLarge { bytes: usize, limit: usize },
    /// A part that is not canonical unpadded base64url; `None` for padding,
    /// `+`/`/` or stray bits in the last character.
    Base64 { part: JwePart, fault: Option<Fault> },
    /// The protected header, or a header object, is not a JSON object.
    Header { reason: String },
    /// The JWE JSON serialization (RFC 7516 §7.2) is malformed.
    Serialization { reason: String },
    /// A header parameter twice: in two headers that must be disjoint, or
    /// twice in one.
    DuplicateHeader {
        name: String,
        first: HeaderPlace,
        second: HeaderPlace,
    },
    /// A header parameter the algorithm needs is missing.
    MissingParam { name: &'static str },
    /// A header parameter of the wrong type or length.
    BadParam { name: &'static str, reason: String },
    /// An `alg` JWT Lens does not decrypt.
    UnsupportedAlg { alg: String },
    /// An `enc` JWT Lens does not decrypt.
    UnsupportedEnc { enc: String },
    /// A `zip` other than `DEF`.
    UnsupportedZip { zip: String },
    /// `zip` outside the protected header (RFC 7516 §4.1.3 requires it there).
    ZipUnprotected,
    /// `crit` names extensions, none of which JWT Lens implements.
    Crit { names: Vec<String> },
    /// `p2c` above [`P2C_CAP`](super::P2C_CAP): refused before any work.
    P2cAboveCap { p2c: String, cap: u32 },
    /// `p2s` shorter than the 8 bytes RFC 7518 §4.8.1.1 requires.
    P2sTooShort { found: usize },

    // The key.
    /// Nothing pasted.
    KeyEmpty,
    /// The pasted text is not a key JWT Lens reads.
    KeyUnreadable { reason: String },
    /// A public key or certificate, where the private key is needed.
    PublicKeyOnly { what: String },
    /// A key of the wrong kind for the `alg`.
    WrongKeyType { alg: KeyAlg, got: String },
    /// An EC key on another curve than the token's `epk`.
    WrongCurve {
        key: &'static str,
        epk: &'static str,
    },
    /// Symmetric key bytes of the wrong length in every reading tried.
    KeyLength {
        what: String,
        needed: usize,
        readings: Vec<(&'static str, usize)>,
    },
    /// A key set without a key for the token's `kid`.
    NoKeyForKid { kid: String },

    // Decrypting.
    /// The authentication tag does not match: wrong key or altered token.
    TagMismatch,
    /// AES Key Wrap's integrity check failed.
    UnwrapFailed { alg: KeyAlg },
    /// RSA-OAEP refused the encrypted key.
    RsaFailed { alg: KeyAlg },
    /// `dir` or `ECDH-ES` with a non-empty encrypted key (RFC 7518 §4.5, §4.6).
    EncryptedKeyPresent { alg: KeyAlg },
    /// A part of the wrong length for its algorithm.
    Length {
        part: JwePart,
        what: &'static str,
        needed: usize,
        found: usize,
    },
    /// The unwrapped CEK is not as long as `enc` needs.
    CekLength {
        enc: ContentAlg,
        needed: usize,
        found: usize,
    },
    /// `epk` is not a usable public key.
    Epk { reason: String },
    /// X25519 gave the all-zero secret: `epk` is a low-order point.
    LowOrderPoint,
    /// The inflated plaintext would exceed the limit.
    InflateTooLarge { limit: usize },
    /// The DEFLATE data is corrupt.
    Inflate { reason: &'static str },
    /// No recipient of a JSON serialization decrypts; the first one's reason.
    NoRecipient { count: usize, first: Box<JweError> },
}

impl JweError {
    /// `refused` for caps and algorithms JWT Lens does not decrypt, `failed`
    /// for everything else.
    pub fn state(&self) -> State {
        match self {
            JweError::TooLarge { .. }
            | JweError::UnsupportedAlg { .. }
            | JweError::UnsupportedEnc { .. }
            | JweError::UnsupportedZip { .. }
            | JweError::Crit { .. }
            | JweError::P2cAboveCap { .. }
            | JweError::InflateTooLarge { .. } => State::Refused,
            JweError::NoRecipient { first, .. } => first.state(),
            _ => State::Failed,
        }
    }
}

fn fault_words(f: &mut fmt::Formatter<'_>, fault: &Option<Fault>) -> fmt::Result {
    match fault {
        Some(Fault::Char {
            position,
            character,
        }) => write!(
            f,
            "character {position} ({}) is not in its alphabet",
            describe(*character)
        ),
        Some(Fault::Length { length }) => {
            write!(f, "{length} characters cannot encode whole bytes")
        }
        Some(Fault::Padding { position }) => write!(f, "misplaced '=' at character {position}"),
        None => f.write_str(
            "it is not canonical (padding, '+' or '/', or stray bits in the last character; \
             RFC 7515 §2)",
        ),
    }
}

impl fmt::Display for JweError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JweError::Segments { found } => write!(
                f,
                "a compact JWE has 5 segments (header.encrypted-key.iv.ciphertext.tag, RFC 7516 \
                 §7.1), this has {found}"
            ),
            JweError::TooLarge { bytes, limit } => write!(
                f,
                "the token is {bytes} bytes; JWT Lens decrypts tokens of at most {limit} bytes"
            ),
            JweError::Base64 { part, fault } => {
                write!(f, "{part} is not base64url: ")?;
                fault_words(f, fault)
            }
            JweError::Header { reason } => f.write_str(reason),
            JweError::Serialization { reason } => {
                write!(f, "not a JWE JSON serialization (RFC 7516 §7.2): {reason}")
            }
            JweError::DuplicateHeader {
                name,
                first,
                second,
            } if first == second => write!(
                f,
                "header parameter \"{name}\" appears twice in {first}; RFC 7516 §4 requires \
                 unique names"
            ),
            JweError::DuplicateHeader {
                name,
                first,
                second,
            } => write!(
                f,
                "header parameter \"{name}\" is in both {first} and {second}; RFC 7516 §7.2.1 \
                 requires them disjoint"
            ),
            JweError::MissingParam { name } => write!(f, "the header has no \"{name}\""),
            JweError::BadParam { name, reason } => write!(f, "the header's \"{name}\" {reason}"),
            JweError::UnsupportedAlg { alg } => write!(
                f,
                "alg \"{alg}\" is not a key-management algorithm JWT Lens decrypts (it decrypts {})",
                KeyAlg::ALL.map(KeyAlg::name).join(", ")
            ),
            JweError::UnsupportedEnc { enc } => write!(
                f,
                "enc \"{enc}\" is not a content encryption JWT Lens decrypts (it decrypts {})",
                ContentAlg::ALL.map(ContentAlg::name).join(", ")
            ),
            JweError::UnsupportedZip { zip } => write!(
                f,
                "zip \"{zip}\" is not a compression JWT Lens inflates; RFC 7516 §4.1.3 defines \
                 only \"DEF\""
            ),
            JweError::ZipUnprotected => f.write_str(
                "\"zip\" is outside the protected header; RFC 7516 §4.1.3 requires it there",
            ),
            JweError::Crit { names } => write!(
                f,
                "the header's crit requires {}, which JWT Lens does not implement, and RFC 7516 \
                 §4.1.13 says a recipient must then reject the token",
                if names.is_empty() {
                    "extensions it cannot name (crit is not a list of names)".to_owned()
                } else {
                    names
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
            JweError::P2cAboveCap { p2c, cap } => write!(
                f,
                "p2c {p2c} is above the cap of {cap}: so many PBKDF2 iterations would hold the \
                 page, so JWT Lens did not start"
            ),
            JweError::P2sTooShort { found } => write!(
                f,
                "the header's \"p2s\" salt is {found} bytes; RFC 7518 §4.8.1.1 requires at least 8"
            ),
            JweError::KeyEmpty => f.write_str("paste the private key, secret or password"),
            JweError::KeyUnreadable { reason } => write!(f, "the key cannot be read: {reason}"),
            JweError::PublicKeyOnly { what } => write!(
                f,
                "this is {what}: decrypting needs the private key, which only the recipient holds"
            ),
            JweError::WrongKeyType { alg, got } => {
                write!(f, "wrong key type: {alg} needs {}, got {got}", alg.needs())
            }
            JweError::WrongCurve { key, epk } => write!(
                f,
                "wrong key type: the token's ephemeral key (epk) is on {epk}, this key is on {key}"
            ),
            JweError::KeyLength {
                what,
                needed,
                readings,
            } => {
                write!(f, "{what} needs a {needed}-byte key; ")?;
                let read: Vec<String> = readings
                    .iter()
                    .map(|(how, len)| format!("{len} bytes as {how}"))
                    .collect();
                if read.is_empty() {
                    f.write_str("this text is neither base64url nor hex")
                } else {
                    write!(f, "this text reads as {}", read.join(" or "))
                }
            }
            JweError::NoKeyForKid { kid } => {
                write!(f, "no key in this set has the token's kid \"{kid}\"")
            }
            JweError::TagMismatch => {
                f.write_str("authentication tag mismatch: wrong key or altered token")
            }
            JweError::UnwrapFailed { alg } => write!(
                f,
                "{alg} key unwrap failed its integrity check: wrong key or altered encrypted key"
            ),
            JweError::RsaFailed { alg } => write!(
                f,
                "{alg} decryption of the encrypted key failed: wrong key or altered token"
            ),
            JweError::EncryptedKeyPresent { alg } => write!(
                f,
                "{alg} uses no encrypted key, but the token carries one (RFC 7518 §4.5, §4.6)"
            ),
            JweError::Length {
                part,
                what,
                needed,
                found,
            } => write!(f, "{part} is {found} bytes; {what} needs {needed}"),
            JweError::CekLength { enc, needed, found } => write!(
                f,
                "the content encryption key is {found} bytes; {enc} needs {needed}"
            ),
            JweError::Epk { reason } => write!(f, "the header's \"epk\" {reason}"),
            JweError::LowOrderPoint => f.write_str(
                "the header's \"epk\" is a low-order X25519 point, which gives an all-zero shared \
                 secret",
            ),
            JweError::InflateTooLarge { limit } => write!(
                f,
                "the compressed plaintext inflates to more than {limit} bytes; JWT Lens stopped \
                 there (a small token can inflate to gigabytes)"
            ),
            JweError::Inflate { reason } => {
                write!(f, "the plaintext is not valid DEFLATE data: {reason}")
            }
            JweError::NoRecipient { count, first } => write!(
                f,
                "none of the {count} recipients decrypts with this key; the first: {first}"
            ),
        }
    }
}

impl std::error::Error for JweError {}
