//! Making a key pair from the caller's randomness: EC, Ed25519 and ML-DSA.
//! RSA keys come from WebCrypto, whose `generateKey` runs off the page's
//! thread; finding two 2048-bit primes here would freeze the page.

// The key crates' shared `Generate` trait (crypto-common), re-exported by rsa.
use rsa::Generate;

use super::alg::KeyType;
use super::mldsa::MlDsaKey;
use super::private::{PrivateKey, PrivateSource, Secret};
use super::random::Randomness;

/// A new private key of type `kind`, drawn from `random`: an EC scalar by
/// rejection sampling, an Ed25519 or ML-DSA key from a 32-byte seed (RFC
/// 8032 §5.1.5, FIPS 204 Algorithm 6). The same randomness gives the same
/// key.
pub fn generate(kind: KeyType, random: &mut Randomness) -> PrivateKey {
    let secret = match kind {
        KeyType::P256 => Secret::P256(Box::new(p256::ecdsa::SigningKey::generate_from_rng(
            &mut random.0,
        ))),
        KeyType::P384 => Secret::P384(Box::new(p384::ecdsa::SigningKey::generate_from_rng(
            &mut random.0,
        ))),
        KeyType::P521 => Secret::P521(Box::new(p521::ecdsa::SigningKey::generate_from_rng(
            &mut random.0,
        ))),
        KeyType::Ed25519 => Secret::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(
            &random.seed32(),
        ))),
        KeyType::MlDsa(level) => Secret::MlDsa(MlDsaKey::from_seed(level, &random.seed32())),
    };
    PrivateKey::new(secret, PrivateSource::Generated)
}
