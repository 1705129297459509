//! HMAC signatures (RFC 7518 §3.2): computing and comparing them.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

use super::secret::Secret;
use crate::jwt::base64url;
use crate::jwt::header::HmacAlg;

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
