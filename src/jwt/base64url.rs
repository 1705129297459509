//! Base64url decoding that says exactly where and why it failed.
//!
//! JWS segments are base64url without padding (RFC 7515 §2). Tokens in the
//! wild also arrive in standard base64 (`+`, `/`, `=`); those are decoded, and
//! the result says so, so that the page can flag them instead of refusing.

/// Which characters a decode accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// RFC 4648 §5: `-` and `_`, optional `=` padding.
    Url,
    /// RFC 4648 §4: `+` and `/`, optional `=` padding.
    Standard,
    /// Either alphabet, reporting which characters were seen. Used for token
    /// segments, where a standard-base64 segment is readable but non-conforming.
    Lenient,
}

/// Bytes decoded from base64, with what the text looked like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// The text used `+` or `/` (standard base64) where base64url has `-` and `_`.
    pub standard_chars: bool,
    /// The text ended in `=` padding, which JWS compact serialization omits.
    pub padded: bool,
    /// The last character carried non-zero bits that decoding drops, so another
    /// text decodes to the same bytes (RFC 4648 §3.5).
    pub non_canonical: bool,
}

/// Where and why a base64 text could not be decoded. Positions count
/// characters from 1, as a person reading the text would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// A character outside the alphabet.
    Char { position: usize, character: char },
    /// A length of 4n + 1 significant characters, which no bytes encode to.
    Length { length: usize },
    /// `=` in the middle, too much of it, or a count that does not fit the length.
    Padding { position: usize },
}

const INVALID: u8 = 0xFF;

/// Sextet value for every byte; `INVALID` for bytes in neither alphabet.
// Indexing is fine here: every index is an ASCII byte, below the length 256,
// and a mistake would fail compilation, as this is evaluated at compile time.
#[allow(clippy::indexing_slicing)]
const TABLE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 26 {
        table[b'A' as usize + i] = i as u8;
        table[b'a' as usize + i] = 26 + i as u8;
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        table[b'0' as usize + d] = 52 + d as u8;
        d += 1;
    }
    table[b'-' as usize] = 62;
    table[b'+' as usize] = 62;
    table[b'_' as usize] = 63;
    table[b'/' as usize] = 63;
    table
};

/// Whether `text` is canonical unpadded base64url (RFC 7515 §2, RFC 4648
/// §3.5): only `A–Z a–z 0–9 - _`, no length that leaves one character over,
/// and zero bits where the last character has more than the bytes need.
/// The same answer as decoding and encoding again, without the bytes: a
/// 1 MB payload is checked in one pass.
pub fn is_canonical(text: &str) -> bool {
    let bytes = text.as_bytes();
    let url = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_';
    if !bytes.iter().all(url) {
        return false;
    }
    let Some(&last) = bytes.last() else {
        return true;
    };
    let unused = match bytes.len() % 4 {
        0 => return true,
        1 => return false,
        2 => 0x0F,
        _ => 0x03,
    };
    lookup(last) & unused == 0
}

/// Decodes `text` as base64 in the given alphabet.
///
/// # Errors
///
/// A [`Fault`] naming the first character, length or padding that is wrong.
pub fn decode(text: &str, alphabet: Alphabet) -> Result<Decoded, Fault> {
    let bytes = text.as_bytes();
    let data_len = bytes.len() - bytes.iter().rev().take_while(|&&b| b == b'=').count();
    let (data, padding) = bytes.split_at(data_len);

    let mut out = Vec::with_capacity(data_len / 4 * 3 + 2);
    let mut standard_chars = false;
    let mut acc: u32 = 0;
    let mut pending = 0u8;
    for (index, &byte) in data.iter().enumerate() {
        let value = lookup(byte);
        let allowed = match byte {
            b'+' | b'/' => {
                standard_chars = true;
                alphabet != Alphabet::Url
            }
            b'-' | b'_' => alphabet != Alphabet::Standard,
            _ => value != INVALID,
        };
        if !allowed {
            return Err(if byte == b'=' {
                Fault::Padding {
                    position: char_position(text, index),
                }
            } else {
                char_fault(text, index)
            });
        }
        acc = (acc << 6) | u32::from(value);
        pending += 1;
        if pending == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            acc = 0;
            pending = 0;
        }
    }

    let non_canonical = match pending {
        0 => false,
        1 => return Err(Fault::Length { length: data_len }),
        2 => {
            out.push((acc >> 4) as u8);
            acc & 0x0F != 0
        }
        _ => {
            out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]);
            acc & 0x03 != 0
        }
    };

    // Padding, when present, must complete the last quantum exactly.
    if !padding.is_empty() && (padding.len() > 2 || !(data_len + padding.len()).is_multiple_of(4)) {
        return Err(Fault::Padding {
            position: char_position(text, data_len),
        });
    }

    Ok(Decoded {
        bytes: out,
        standard_chars,
        padded: !padding.is_empty(),
        non_canonical,
    })
}

/// Encodes bytes as unpadded base64url (RFC 7515 §2).
pub fn encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let sextet = |n: u32| char::from(ALPHABET.get((n & 63) as usize).copied().unwrap_or(b'A'));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for shift in [18, 12, 6, 0].into_iter().take(chars) {
            out.push(sextet(n >> shift));
        }
    }
    out
}

/// Encodes bytes as padded standard base64 (RFC 4648 §4), as PEM bodies
/// are written (RFC 7468 §3).
pub fn encode_standard(bytes: &[u8]) -> String {
    let mut out: String = encode(bytes)
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            other => other,
        })
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

fn lookup(byte: u8) -> u8 {
    TABLE.get(usize::from(byte)).copied().unwrap_or(INVALID)
}

/// The 1-based character position of the byte at `index`.
fn char_position(text: &str, index: usize) -> usize {
    text.get(..index)
        .map_or(index, |before| before.chars().count())
        + 1
}

/// The fault for the (possibly multi-byte) character starting at byte `index`.
fn char_fault(text: &str, index: usize) -> Fault {
    let character = text
        .get(index..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    Fault::Char {
        position: char_position(text, index),
        character,
    }
}
