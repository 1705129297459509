//! Signing a JWS signing input with a private key: the one path every
//! public-key `alg` goes through.

use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
use sha2::{Sha256, Sha384, Sha512};

use super::alg::SigningAlg;
use super::error::SignError;
use super::private::{PrivateKey, Secret};
use super::random::Randomness;

/// The JWS signature of `signing_input` (`BASE64URL(header) "."
/// BASE64URL(payload)`, RFC 7515 §5.1) under `alg`, as the bytes the
/// signature segment encodes:
///
/// - RS*: RSASSA-PKCS1-v1_5 (RFC 7518 §3.3), with RSA blinding drawn from
///   `random`;
/// - PS*: RSASSA-PSS with MGF1 over the same hash and a salt as long as the
///   hash (RFC 7518 §3.5), drawn from `random`;
/// - ES*: deterministic ECDSA (RFC 6979) as the fixed-width `r ‖ s` of RFC
///   7518 §3.4, not ASN.1 DER;
/// - EdDSA and Ed25519: Ed25519 (RFC 8032, RFC 8037 §3.1), deterministic;
/// - ML-DSA-*: deterministic ML-DSA with an empty context (RFC 9964 §4).
///
/// Only RS and PS use `random`; the others give the same bytes every time.
///
/// # Errors
///
/// What [`PrivateKey::check`] says when the key does not fit `alg`, or
/// [`SignError::Failed`] if the crypto library refuses.
pub fn sign(
    alg: SigningAlg,
    key: &PrivateKey,
    signing_input: &[u8],
    random: &mut Randomness,
) -> Result<Vec<u8>, SignError> {
    key.check(alg)?;
    let failed = |e: rsa::signature::Error| SignError::Failed {
        reason: e.to_string(),
    };
    let rng = &mut random.0;
    let input = signing_input;
    match (&key.secret, alg) {
        (Secret::Rsa { key, .. }, _) => {
            use rsa::{pkcs1v15, pss};
            let key = (**key).clone();
            let bytes = match alg {
                SigningAlg::Rs256 => pkcs1v15::SigningKey::<Sha256>::new(key)
                    .try_sign_with_rng(rng, input)
                    .map(|s| s.to_vec()),
                SigningAlg::Rs384 => pkcs1v15::SigningKey::<Sha384>::new(key)
                    .try_sign_with_rng(rng, input)
                    .map(|s| s.to_vec()),
                SigningAlg::Rs512 => pkcs1v15::SigningKey::<Sha512>::new(key)
                    .try_sign_with_rng(rng, input)
                    .map(|s| s.to_vec()),
                // `pss::SigningKey::new` takes the salt length from the
                // digest's output size, as RFC 7518 §3.5 requires.
                SigningAlg::Ps256 => pss::SigningKey::<Sha256>::new(key)
                    .try_sign_with_rng(rng, input)
                    .map(|s| s.to_vec()),
                SigningAlg::Ps384 => pss::SigningKey::<Sha384>::new(key)
                    .try_sign_with_rng(rng, input)
                    .map(|s| s.to_vec()),
                _ => pss::SigningKey::<Sha512>::new(key)
                    .try_sign_with_rng(rng, input)
                    .map(|s| s.to_vec()),
            };
            bytes.map_err(failed)
        }
        (Secret::P256(k), _) => {
            let sig: p256::ecdsa::Signature = k.try_sign(input).map_err(failed)?;
            Ok(sig.to_bytes().to_vec())
        }
        (Secret::P384(k), _) => {
            let sig: p384::ecdsa::Signature = k.try_sign(input).map_err(failed)?;
            Ok(sig.to_bytes().to_vec())
        }
        (Secret::P521(k), _) => {
            let sig: p521::ecdsa::Signature = k.try_sign(input).map_err(failed)?;
            Ok(sig.to_bytes().to_vec())
        }
        (Secret::Ed25519(k), _) => {
            let sig: ed25519_dalek::Signature = k.try_sign(input).map_err(failed)?;
            Ok(sig.to_bytes().to_vec())
        }
        (Secret::MlDsa(k), _) => k.sign(input).map_err(|reason| SignError::Failed { reason }),
    }
}
