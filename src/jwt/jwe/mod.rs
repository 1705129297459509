//! JWE decryption (RFC 7516, RFC 7518 §4–5) with a key the user pastes:
//! compact and JSON serializations, the key management of RFC 7518 §4.1
//! (RSA1_5, RSA-OAEP, RSA-OAEP-256, and the registry's RSA-OAEP-384 and
//! -512; AES key wrap, dir, ECDH-ES with and
//! without key wrap, AES-GCM key wrap, PBES2), every content encryption of
//! §5.1, and `zip: "DEF"` with a bounded inflate.
//!
//! # Design
//!
//! [`parse`] reads a token without any key or cryptography, so the page can
//! show the headers from its own module. [`decrypt`] links the RustCrypto
//! crates and runs in a module loaded only when a JWE gets a key (the `jwe/`
//! crate), as public-key verification does in `keys/`.
//!
//! Costs a token controls are capped before any work: the PBES2 iteration
//! count at [`P2C_CAP`], the inflated plaintext at [`MAX_INFLATED_BYTES`],
//! the token at [`MAX_TOKEN_BYTES`](crate::jwt::MAX_TOKEN_BYTES).
//!
//! Decryption only: nothing here encrypts, so no randomness is needed, and
//! RSA decrypts without blinding. The timing that blinding hides is only
//! observable by code on the user's own machine.

mod alg;
mod cek;
mod content;
mod der;
mod ecdh;
mod error;
mod header;
mod inflate;
mod jwk;
mod key;
mod parse;
mod private;
mod result;
mod serialization;
mod wire;
mod wrap;

pub use alg::{AesBits, ContentAlg, KeyAlg, KeyKind, RsaPadding};
pub use ecdh::concat_kdf;
pub use error::{HeaderPlace, JweError, JwePart, State};
pub use header::{Params, params};
pub use inflate::{MAX_INFLATED_BYTES, inflate};
pub use key::KeyReading;
pub use parse::{Form, Jwe, Recipient, parse};
pub use result::{Decrypted, Nested, Warning, nested};
pub use wire::{Answer, AnswerState};
pub use wrap::P2C_CAP;

use alg::RsaPadding as Padding;
use key::{Candidate, Pasted};
use private::PrivateKey;

/// Decrypts the JWE in `token_text` (compact, or JSON serialization) with
/// the key, secret or password in `key_text`.
///
/// Each recipient of a JSON serialization is tried in turn; a key set is
/// searched by the recipient's `kid`, or every key tried when it has none.
///
/// # Errors
///
/// A [`JweError`]; its [`state`](JweError::state) says whether the page
/// shows `failed` or `refused`.
pub fn decrypt(token_text: &str, key_text: &str) -> Result<Decrypted, JweError> {
    let jwe = parse(token_text)?;
    let count = jwe.recipients.len();
    let mut pasted: Option<Pasted> = None;
    let mut first_error = None;
    for (index, recipient) in jwe.recipients.iter().enumerate() {
        match try_recipient(&jwe, index, recipient, key_text, &mut pasted) {
            Ok(done) => return Ok(done),
            // A key that cannot be read fails the same way for every recipient.
            Err(e @ (JweError::KeyEmpty | JweError::PublicKeyOnly { .. })) => return Err(e),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    let first = first_error.unwrap_or(JweError::Serialization {
        reason: "it has no recipients".to_owned(),
    });
    Err(if count > 1 {
        JweError::NoRecipient {
            count,
            first: Box::new(first),
        }
    } else {
        first
    })
}

/// Decrypts for one recipient. The header is checked, and a PBES2 count
/// capped, before the key text is read at all.
fn try_recipient(
    jwe: &Jwe,
    index: usize,
    recipient: &Recipient,
    key_text: &str,
    pasted: &mut Option<Pasted>,
) -> Result<Decrypted, JweError> {
    let head = &recipient.header;
    let params = params(head, &jwe.protected)?;
    if let KeyAlg::Pbes2(_) = params.alg {
        wrap::p2c(head)?;
    }
    let pasted = match pasted {
        Some(p) => p,
        None => pasted.insert(key::read(key_text)?),
    };
    let mut first_error = None;
    for (key, reading) in keys_for(pasted, &params)? {
        let attempt =
            cek::content_key(&params, head, &recipient.encrypted_key, &key).and_then(|cek| {
                content::decrypt(
                    params.enc,
                    &cek,
                    &jwe.iv,
                    &jwe.aad(),
                    &jwe.ciphertext,
                    &jwe.tag,
                )
            });
        match attempt {
            Ok(plain) => return finish(jwe, index, &params, head, plain, reading),
            Err(e) => {
                // A key of the right type says more than one of the wrong type.
                let better = matches!(
                    first_error,
                    Some(JweError::WrongKeyType { .. } | JweError::WrongCurve { .. })
                ) && !matches!(
                    e,
                    JweError::WrongKeyType { .. } | JweError::WrongCurve { .. }
                );
                if first_error.is_none() || better {
                    first_error = Some(e);
                }
            }
        }
    }
    Err(first_error.unwrap_or(JweError::KeyEmpty))
}

/// The keys to try for `params`: the pasted key(s), by `kid` in a set, or
/// the pasted text read as the algorithm needs.
fn keys_for(pasted: &Pasted, params: &Params) -> Result<Vec<(PrivateKey, KeyReading)>, JweError> {
    let candidates: Vec<&Candidate> = match pasted {
        Pasted::Text(text) => {
            let (needed, what) = cek::symmetric_need(params);
            return key::from_text(text, params.alg.needs(), needed, &what).map(|k| vec![k]);
        }
        Pasted::Keys(all) => {
            let in_set = all.len() > 1
                || matches!(all.first(), Some(c) if matches!(c.reading, KeyReading::Jwks { .. }));
            match &params.kid {
                Some(kid) if in_set && all.iter().any(|c| c.kid.is_some()) => {
                    let matching: Vec<&Candidate> = all
                        .iter()
                        .filter(|c| c.kid.as_deref() == Some(kid))
                        .collect();
                    if matching.is_empty() {
                        return Err(JweError::NoKeyForKid { kid: kid.clone() });
                    }
                    matching
                }
                _ => all.iter().collect(),
            }
        }
    };
    let mut usable = Vec::new();
    let mut first_error = None;
    for candidate in candidates {
        match &candidate.key {
            Ok(key) => usable.push((key.clone(), candidate.reading.clone())),
            Err(e) => {
                first_error.get_or_insert_with(|| e.clone());
            }
        }
    }
    match (usable.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(usable),
    }
}

fn finish(
    jwe: &Jwe,
    index: usize,
    params: &Params,
    head: &crate::jwt::json::Json,
    plain: Vec<u8>,
    reading: KeyReading,
) -> Result<Decrypted, JweError> {
    let plaintext = if params.deflate {
        inflate(&plain)?
    } else {
        plain
    };
    let mut warnings = Vec::new();
    if params.alg == KeyAlg::Rsa(Padding::Pkcs1v15) {
        warnings.push(Warning::Rsa1_5);
    }
    Ok(Decrypted {
        form: jwe.form,
        protected_header: jwe.protected_text.clone(),
        header: head.pretty(),
        alg: params.alg,
        enc: params.enc,
        recipient: index,
        recipients: jwe.recipients.len(),
        nested: nested(head, &plaintext),
        plaintext,
        compressed: params.deflate,
        key_reading: reading,
        warnings,
    })
}
