//! Unwrapping the content encryption key with a symmetric key: AES Key
//! Wrap (RFC 7518 §4.4, RFC 3394), AES-GCM key wrap (§4.7) and PBES2
//! (§4.8), whose iteration count is capped before any work.

use aes_gcm::aead::AeadInOut;
use aes_gcm::aead::array::Array;
use aes_gcm::aes::{Aes128, Aes192, Aes256};
use aes_gcm::{AesGcm, KeyInit};
use aes_kw::{KwAes128, KwAes192, KwAes256};
use sha2::{Sha256, Sha384, Sha512};

use super::alg::{AesBits, KeyAlg};
use super::error::{JweError, JwePart};
use super::header;
use crate::jwt::json::Json;

/// The most PBKDF2 iterations (`p2c`) JWT Lens runs: 600,000.
///
/// High enough for every count a current recommendation asks of a
/// producer (OWASP's 2023 password-storage advice: 600,000 for
/// PBKDF2-HMAC-SHA256, 210,000 for SHA-512; RFC 7520 §5.3 uses 8,192), so a
/// token made by the book decrypts. Low enough that the worst case, 600,000
/// HMAC-SHA-256 iterations, stays around a second on the page's thread,
/// where a token asking for billions would hang it: above the cap the
/// token is refused before the password is even read.
pub const P2C_CAP: u32 = 600_000;

/// The shortest `p2s` salt RFC 7518 §4.8.1.1 allows, in bytes.
const MIN_P2S: usize = 8;

/// AES Key Wrap unwrap of `wrapped` with `kek`, whose length `bits` fixes.
pub(super) fn aes_kw(
    alg: KeyAlg,
    bits: AesBits,
    kek: &[u8],
    wrapped: &[u8],
) -> Result<Vec<u8>, JweError> {
    let mut buf = vec![0u8; wrapped.len()];
    let failed = |_| JweError::UnwrapFailed { alg };
    let short = || JweError::Length {
        part: JwePart::EncryptedKey,
        what: "AES key wrap",
        needed: bits.bytes() + 8,
        found: wrapped.len(),
    };
    if wrapped.len() < 24 || !wrapped.len().is_multiple_of(8) {
        return Err(short());
    }
    let unwrapped = match bits {
        AesBits::A128 => KwAes128::new_from_slice(kek)
            .map_err(|_| short())?
            .unwrap_key(wrapped, &mut buf)
            .map_err(failed)?,
        AesBits::A192 => KwAes192::new_from_slice(kek)
            .map_err(|_| short())?
            .unwrap_key(wrapped, &mut buf)
            .map_err(failed)?,
        AesBits::A256 => KwAes256::new_from_slice(kek)
            .map_err(|_| short())?
            .unwrap_key(wrapped, &mut buf)
            .map_err(failed)?,
    };
    Ok(unwrapped.to_vec())
}

/// AES-GCM decryption of `data` in place with `key`, a 96-bit `iv` and a
/// 128-bit `tag`; `false` when the tag does not match.
pub(super) fn gcm_in_place(
    bits: AesBits,
    key: &[u8],
    iv: &[u8],
    aad: &[u8],
    data: &mut [u8],
    tag: &[u8],
) -> bool {
    fn run<C: AeadInOut + KeyInit>(
        key: &[u8],
        iv: &[u8],
        aad: &[u8],
        data: &mut [u8],
        tag: &[u8],
    ) -> bool {
        let (Ok(cipher), Ok(nonce), Ok(tag)) = (
            C::new_from_slice(key),
            Array::try_from(iv),
            Array::try_from(tag),
        ) else {
            return false;
        };
        cipher
            .decrypt_inout_detached(&nonce, aad, data.into(), &tag)
            .is_ok()
    }
    use aes_gcm::aead::consts::U12;
    match bits {
        AesBits::A128 => run::<AesGcm<Aes128, U12>>(key, iv, aad, data, tag),
        AesBits::A192 => run::<AesGcm<Aes192, U12>>(key, iv, aad, data, tag),
        AesBits::A256 => run::<AesGcm<Aes256, U12>>(key, iv, aad, data, tag),
    }
}

/// AES-GCM key unwrap: the `iv` and `tag` header parameters, no AAD.
pub(super) fn aes_gcm_kw(
    alg: KeyAlg,
    bits: AesBits,
    kek: &[u8],
    wrapped: &[u8],
    head: &Json,
) -> Result<Vec<u8>, JweError> {
    let iv = header::b64(head, "iv")?.ok_or(JweError::MissingParam { name: "iv" })?;
    let tag = header::b64(head, "tag")?.ok_or(JweError::MissingParam { name: "tag" })?;
    for (part, name, value, needed) in [
        ("iv", "a 96-bit iv", &iv, 12),
        ("tag", "a 128-bit tag", &tag, 16),
    ] {
        if value.len() != needed {
            return Err(JweError::Length {
                part: JwePart::Param(part),
                what: name,
                needed,
                found: value.len(),
            });
        }
    }
    let mut cek = wrapped.to_vec();
    if gcm_in_place(bits, kek, &iv, &[], &mut cek, &tag) {
        Ok(cek)
    } else {
        Err(JweError::UnwrapFailed { alg })
    }
}

/// The `p2c` of a PBES2 header, checked against [`P2C_CAP`] from its text
/// alone, so that a huge count is refused before anything else is read.
pub(super) fn p2c(head: &Json) -> Result<u32, JweError> {
    let text = match head.get("p2c") {
        None => return Err(JweError::MissingParam { name: "p2c" }),
        Some(Json::Number(text)) => text,
        Some(other) => {
            return Err(JweError::BadParam {
                name: "p2c",
                reason: format!("must be a positive integer, it is {}", other.type_name()),
            });
        }
    };
    // JSON allows `1e9` for a billion: the number's value decides, read
    // without running anything.
    let value: f64 = text.parse().unwrap_or(f64::NAN);
    if value > f64::from(P2C_CAP) {
        return Err(JweError::P2cAboveCap {
            p2c: text.clone(),
            cap: P2C_CAP,
        });
    }
    if value.is_nan() || value < 1.0 || value.fract() != 0.0 {
        return Err(JweError::BadParam {
            name: "p2c",
            reason: format!("must be a positive integer, it is {text}"),
        });
    }
    // In 1..=P2C_CAP and whole, so the conversion is exact.
    Ok(value as u32)
}

/// PBES2 (RFC 7518 §4.8): PBKDF2 over the password with salt
/// `alg ‖ 0x00 ‖ p2s`, then AES Key Wrap with the derived key.
pub(super) fn pbes2(
    alg: KeyAlg,
    bits: AesBits,
    password: &[u8],
    wrapped: &[u8],
    head: &Json,
) -> Result<Vec<u8>, JweError> {
    let rounds = p2c(head)?;
    let p2s = header::b64(head, "p2s")?.ok_or(JweError::MissingParam { name: "p2s" })?;
    if p2s.len() < MIN_P2S {
        return Err(JweError::P2sTooShort { found: p2s.len() });
    }
    let mut salt = alg.name().as_bytes().to_vec();
    salt.push(0);
    salt.extend_from_slice(&p2s);
    let mut kek = vec![0u8; bits.bytes()];
    match bits {
        AesBits::A128 => pbkdf2::pbkdf2_hmac::<Sha256>(password, &salt, rounds, &mut kek),
        AesBits::A192 => pbkdf2::pbkdf2_hmac::<Sha384>(password, &salt, rounds, &mut kek),
        AesBits::A256 => pbkdf2::pbkdf2_hmac::<Sha512>(password, &salt, rounds, &mut kek),
    }
    aes_kw(alg, bits, &kek, wrapped)
}
