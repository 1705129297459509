//! Content decryption (RFC 7518 §5): AES-CBC with HMAC-SHA-2, checked in
//! constant time before any decryption, and AES-GCM.

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeDecrypt, KeyIvInit};
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};
use subtle::ConstantTimeEq;

use super::alg::{AesBits, ContentAlg};
use super::error::{JweError, JwePart};
use super::wrap::gcm_in_place;

/// Decrypts `ciphertext` under `enc` with the content encryption key.
///
/// # Errors
///
/// [`JweError::CekLength`] or [`JweError::Length`] for parts of the wrong
/// length, and [`JweError::TagMismatch`] when the tag does not verify
/// (wrong key or altered token) or, for CBC, the padding is bad after it.
pub fn decrypt(
    enc: ContentAlg,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, JweError> {
    if cek.len() != enc.key_bytes() {
        return Err(JweError::CekLength {
            enc,
            needed: enc.key_bytes(),
            found: cek.len(),
        });
    }
    let length = |part, needed, found| JweError::Length {
        part,
        what: enc.name(),
        needed,
        found,
    };
    if iv.len() != enc.iv_bytes() {
        return Err(length(JwePart::Iv, enc.iv_bytes(), iv.len()));
    }
    if tag.len() != enc.tag_bytes() {
        return Err(length(JwePart::Tag, enc.tag_bytes(), tag.len()));
    }
    match enc {
        ContentAlg::Gcm(bits) => {
            let mut data = ciphertext.to_vec();
            if gcm_in_place(bits, cek, iv, aad, &mut data, tag) {
                Ok(data)
            } else {
                Err(JweError::TagMismatch)
            }
        }
        ContentAlg::CbcHs(bits) => cbc_hs(bits, cek, iv, aad, ciphertext, tag),
    }
}

/// RFC 7518 §5.2.2.2: the first half of the CEK is the MAC key, the second
/// the AES key; the tag is the first half of
/// `HMAC(AAD ‖ IV ‖ ciphertext ‖ AL)`, AL being the AAD's length in bits.
fn cbc_hs(
    bits: AesBits,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, JweError> {
    let (mac_key, enc_key) = cek.split_at(bits.bytes());
    let al = u64::try_from(aad.len())
        .unwrap_or(u64::MAX)
        .saturating_mul(8)
        .to_be_bytes();
    let parts: [&[u8]; 4] = [aad, iv, ciphertext, &al];
    let full = match bits {
        AesBits::A128 => mac::<Hmac<Sha256>>(mac_key, &parts),
        AesBits::A192 => mac::<Hmac<Sha384>>(mac_key, &parts),
        AesBits::A256 => mac::<Hmac<Sha512>>(mac_key, &parts),
    };
    let expected = full.get(..bits.bytes()).unwrap_or_default();
    // Constant time, so that timing does not tell how much of a forged tag
    // was right.
    if !bool::from(expected.ct_eq(tag)) || expected.len() != tag.len() {
        return Err(JweError::TagMismatch);
    }
    let plain = match bits {
        AesBits::A128 => unpad::<cbc::Decryptor<aes::Aes128>>(enc_key, iv, ciphertext),
        AesBits::A192 => unpad::<cbc::Decryptor<aes::Aes192>>(enc_key, iv, ciphertext),
        AesBits::A256 => unpad::<cbc::Decryptor<aes::Aes256>>(enc_key, iv, ciphertext),
    };
    // The tag verified, so bad padding means the sender encrypted it so:
    // reported as a mismatch all the same, as there is no plaintext to show.
    plain.ok_or(JweError::TagMismatch)
}

fn mac<M: Mac + KeyInit>(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    // HMAC takes keys of any length (RFC 2104 §2), so this never fails.
    let Ok(mut m) = <M as KeyInit>::new_from_slice(key) else {
        return Vec::new();
    };
    for part in parts {
        m.update(part);
    }
    m.finalize().into_bytes().to_vec()
}

fn unpad<D: BlockModeDecrypt + KeyIvInit>(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let decryptor = D::new_from_slices(key, iv).ok()?;
    let mut buf = data.to_vec();
    let len = decryptor.decrypt_padded::<Pkcs7>(&mut buf).ok()?.len();
    buf.truncate(len);
    Some(buf)
}
