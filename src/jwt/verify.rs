//! HMAC signatures (RFC 7518 §3.2) with a secret the user types.

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

use super::base64url::{self, Alphabet, Fault};
use super::error::Error;
use super::header::HmacAlg;

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
    /// in that encoding.
    pub fn decode(text: &str, encoding: SecretEncoding) -> Result<Secret, Error> {
        let name = encoding.label();
        let alphabet = match encoding {
            SecretEncoding::Utf8 => return Ok(Secret(text.as_bytes().to_vec())),
            SecretEncoding::Hex => return decode_hex(text.trim()).map(Secret),
            SecretEncoding::Base64 => Alphabet::Standard,
            SecretEncoding::Base64Url => Alphabet::Url,
        };
        match base64url::decode(text.trim(), alphabet) {
            Ok(decoded) => Ok(Secret(decoded.bytes)),
            Err(Fault::Char {
                position,
                character,
            }) => Err(Error::Secret {
                encoding: name,
                position,
                character,
            }),
            Err(Fault::Padding { position }) => Err(Error::Secret {
                encoding: name,
                position,
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

fn decode_hex(text: &str) -> Result<Vec<u8>, Error> {
    let encoding = SecretEncoding::Hex.label();
    if let Some((index, character)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_hexdigit())
    {
        return Err(Error::Secret {
            encoding,
            position: index + 1,
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

/// The HMAC of `signing_input` under `secret`.
pub fn sign_hmac(alg: HmacAlg, secret: &Secret, signing_input: &[u8]) -> Vec<u8> {
    fn mac<M: Mac + KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
        // HMAC accepts keys of any length (RFC 2104 §2), so this never fails.
        match <M as KeyInit>::new_from_slice(key) {
            Ok(mut m) => {
                m.update(data);
                m.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        }
    }
    match alg {
        HmacAlg::Hs256 => mac::<Hmac<Sha256>>(secret.as_bytes(), signing_input),
        HmacAlg::Hs384 => mac::<Hmac<Sha384>>(secret.as_bytes(), signing_input),
        HmacAlg::Hs512 => mac::<Hmac<Sha512>>(secret.as_bytes(), signing_input),
    }
}

/// Checks `signature` against the HMAC of `signing_input`, in constant time.
pub fn verify_hmac(alg: HmacAlg, secret: &Secret, signing_input: &[u8], signature: &[u8]) -> bool {
    fn check<M: Mac + KeyInit>(key: &[u8], data: &[u8], signature: &[u8]) -> bool {
        let Ok(mut m) = <M as KeyInit>::new_from_slice(key) else {
            return false;
        };
        m.update(data);
        m.verify_slice(signature).is_ok()
    }
    let key = secret.as_bytes();
    match alg {
        HmacAlg::Hs256 => check::<Hmac<Sha256>>(key, signing_input, signature),
        HmacAlg::Hs384 => check::<Hmac<Sha384>>(key, signing_input, signature),
        HmacAlg::Hs512 => check::<Hmac<Sha512>>(key, signing_input, signature),
    }
}

/// Builds a compact JWS from header and payload text exactly as given: the
/// signing input is `base64url(header).base64url(payload)` of those bytes, with
/// no re-serialisation (RFC 7515 §7.1).
pub fn sign(alg: HmacAlg, header: &str, payload: &str, secret: &Secret) -> String {
    let signing_input = format!(
        "{}.{}",
        base64url::encode(header.as_bytes()),
        base64url::encode(payload.as_bytes())
    );
    let signature = sign_hmac(alg, secret, signing_input.as_bytes());
    format!("{signing_input}.{}", base64url::encode(&signature))
}
