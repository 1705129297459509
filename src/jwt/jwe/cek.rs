//! Recovering the content encryption key (CEK) with the recipient's key,
//! for each `alg` (RFC 7516 §5.2 steps 9–10, RFC 7518 §4).

use rsa::{Oaep, Pkcs1v15Encrypt};
use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};

use super::alg::{KeyAlg, KeyKind, RsaPadding};
use super::ecdh;
use super::error::JweError;
use super::header::Params;
use super::private::PrivateKey;
use super::wrap;
use crate::jwt::json::Json;

/// The key length a symmetric `alg` needs, and the name to give it in
/// messages: the CEK length of `enc` for `dir`, the AES key size otherwise.
pub(super) fn symmetric_need(params: &Params) -> (usize, String) {
    match params.alg {
        KeyAlg::Dir => (
            params.enc.key_bytes(),
            format!("dir with {}", params.enc.name()),
        ),
        KeyAlg::AesKw(bits) | KeyAlg::AesGcmKw(bits) => {
            (bits.bytes(), params.alg.name().to_owned())
        }
        _ => (0, params.alg.name().to_owned()),
    }
}

/// The CEK for one recipient: `encrypted_key` decrypted or unwrapped with
/// `key`, or derived by key agreement, or `key` itself for `dir`.
///
/// # Errors
///
/// [`JweError::WrongKeyType`] for a key of the wrong kind, the length
/// errors, and the failures of each algorithm (RSA, unwrap integrity,
/// `epk`).
pub(super) fn content_key(
    params: &Params,
    head: &Json,
    encrypted_key: &[u8],
    key: &PrivateKey,
) -> Result<Vec<u8>, JweError> {
    let alg = params.alg;
    let wrong = || JweError::WrongKeyType {
        alg,
        got: key.describe(),
    };
    let no_encrypted_key = || {
        if encrypted_key.is_empty() {
            Ok(())
        } else {
            Err(JweError::EncryptedKeyPresent { alg })
        }
    };
    match (alg, key) {
        (KeyAlg::Rsa(padding), PrivateKey::Rsa(rsa_key)) => {
            let decrypted = match padding {
                RsaPadding::OaepSha1 => rsa_key.decrypt(Oaep::<Sha1>::new(), encrypted_key),
                RsaPadding::OaepSha256 => rsa_key.decrypt(Oaep::<Sha256>::new(), encrypted_key),
                RsaPadding::OaepSha384 => rsa_key.decrypt(Oaep::<Sha384>::new(), encrypted_key),
                RsaPadding::OaepSha512 => rsa_key.decrypt(Oaep::<Sha512>::new(), encrypted_key),
                RsaPadding::Pkcs1v15 => rsa_key.decrypt(Pkcs1v15Encrypt, encrypted_key),
            };
            match (padding, decrypted) {
                (RsaPadding::Pkcs1v15, Ok(cek)) if cek.len() == params.enc.key_bytes() => Ok(cek),
                // RFC 7516 §11.5: a bad RSA1_5 padding must look like any
                // other failure, so it is reported as the tag mismatch it
                // would cause with a random CEK.
                (RsaPadding::Pkcs1v15, _) => Err(JweError::TagMismatch),
                (_, Ok(cek)) => Ok(cek),
                (_, Err(_)) => Err(JweError::RsaFailed { alg }),
            }
        }
        (KeyAlg::EcdhEs(wrap_bits), PrivateKey::Ec(_) | PrivateKey::X25519(_)) => match wrap_bits {
            None => {
                no_encrypted_key()?;
                ecdh::derive(key, head, params.enc.name(), params.enc.key_bytes())
            }
            Some(bits) => {
                let kek = ecdh::derive(key, head, alg.name(), bits.bytes())?;
                wrap::aes_kw(alg, bits, &kek, encrypted_key)
            }
        },
        (_, PrivateKey::Octets(bytes)) if alg.needs() == KeyKind::Password => match alg {
            KeyAlg::Pbes2(bits) => wrap::pbes2(alg, bits, bytes, encrypted_key, head),
            _ => Err(wrong()),
        },
        (_, PrivateKey::Octets(bytes)) if alg.needs() == KeyKind::Symmetric => {
            let (needed, what) = symmetric_need(params);
            if bytes.len() != needed {
                return Err(JweError::KeyLength {
                    what,
                    needed,
                    readings: vec![("the JWK's \"k\"", bytes.len())],
                });
            }
            match alg {
                KeyAlg::Dir => {
                    no_encrypted_key()?;
                    Ok(bytes.clone())
                }
                KeyAlg::AesKw(bits) => wrap::aes_kw(alg, bits, bytes, encrypted_key),
                KeyAlg::AesGcmKw(bits) => wrap::aes_gcm_kw(alg, bits, bytes, encrypted_key, head),
                _ => Err(wrong()),
            }
        }
        _ => Err(wrong()),
    }
}
