//! Decryption keys as the RustCrypto crates hold them. Their `Debug` never
//! shows key material.

use std::fmt;

use rsa::BoxedUint;

use super::error::JweError;
use crate::jwt::keys::Curve;

/// Smallest RSA modulus decrypted with; smaller keys are broken outright.
const MIN_RSA_BITS: usize = 1024;
/// Largest RSA modulus decrypted with: one private operation on a larger
/// key takes seconds on the page's thread.
const MAX_RSA_BITS: usize = 8192;

/// An EC private scalar on one of the NIST curves.
#[derive(Clone)]
pub enum EcSecret {
    /// P-256.
    P256(p256::SecretKey),
    /// P-384.
    P384(p384::SecretKey),
    /// P-521.
    P521(p521::SecretKey),
}

impl EcSecret {
    /// The curve.
    pub fn curve(&self) -> Curve {
        match self {
            EcSecret::P256(_) => Curve::P256,
            EcSecret::P384(_) => Curve::P384,
            EcSecret::P521(_) => Curve::P521,
        }
    }
}

/// A key that decrypts: private, or shared.
#[derive(Clone)]
pub enum PrivateKey {
    /// An RSA private key.
    Rsa(Box<rsa::PrivateKey>),
    /// An EC private key.
    Ec(EcSecret),
    /// An X25519 private key (RFC 8037).
    X25519(x25519_dalek::StaticSecret),
    /// Symmetric key bytes (a JWK of `kty` `oct`).
    Octets(Vec<u8>),
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey({}, [redacted])", self.describe())
    }
}

fn number(bytes: &[u8]) -> Result<BoxedUint, JweError> {
    let stripped: Vec<u8> = bytes.iter().copied().skip_while(|&b| b == 0).collect();
    let bits = u32::try_from(stripped.len().max(1) * 8).unwrap_or(u32::MAX);
    BoxedUint::from_be_slice(&stripped, bits).map_err(|_| JweError::KeyUnreadable {
        reason: "an RSA number is too long to read".to_owned(),
    })
}

impl PrivateKey {
    /// An RSA key from its big-endian numbers: modulus, public and private
    /// exponents, and the primes.
    ///
    /// # Errors
    ///
    /// [`JweError::KeyUnreadable`] when the numbers are not a consistent
    /// key of a usable size.
    pub fn rsa(n: &[u8], e: &[u8], d: &[u8], primes: &[&[u8]]) -> Result<PrivateKey, JweError> {
        let n = number(n)?;
        let bits = n.bit_width_vartime() as usize;
        if !(MIN_RSA_BITS..=MAX_RSA_BITS).contains(&bits) {
            return Err(JweError::KeyUnreadable {
                reason: format!(
                    "an RSA key of {bits} bits; JWT Lens decrypts with keys of {MIN_RSA_BITS} \
                     to {MAX_RSA_BITS} bits"
                ),
            });
        }
        let primes = primes
            .iter()
            .map(|p| number(p))
            .collect::<Result<Vec<_>, _>>()?;
        rsa::PrivateKey::from_components(n, number(e)?, number(d)?, primes)
            .map(|k| PrivateKey::Rsa(Box::new(k)))
            .map_err(|e| JweError::KeyUnreadable {
                reason: format!("not a consistent RSA private key: {e}"),
            })
    }

    /// An EC key from its private scalar `d`.
    ///
    /// # Errors
    ///
    /// [`JweError::KeyUnreadable`] for a scalar of the wrong length or out of range.
    pub fn ec(curve: Curve, d: &[u8]) -> Result<PrivateKey, JweError> {
        let bad = || JweError::KeyUnreadable {
            reason: format!(
                "the private scalar is not a valid {} key (RFC 7518 §6.2.2.1 wants exactly {} bytes)",
                curve.name(),
                curve.field_bytes()
            ),
        };
        if d.len() != curve.field_bytes() {
            return Err(bad());
        }
        let secret = match curve {
            Curve::P256 => p256::SecretKey::from_slice(d).map(EcSecret::P256),
            Curve::P384 => p384::SecretKey::from_slice(d).map(EcSecret::P384),
            Curve::P521 => p521::SecretKey::from_slice(d).map(EcSecret::P521),
        }
        .map_err(|_| bad())?;
        Ok(PrivateKey::Ec(secret))
    }

    /// An X25519 key from its 32 bytes.
    ///
    /// # Errors
    ///
    /// [`JweError::KeyUnreadable`] for another length.
    pub fn x25519(d: &[u8]) -> Result<PrivateKey, JweError> {
        let bytes: [u8; 32] = d.try_into().map_err(|_| JweError::KeyUnreadable {
            reason: format!("an X25519 private key is 32 bytes, this one is {}", d.len()),
        })?;
        Ok(PrivateKey::X25519(x25519_dalek::StaticSecret::from(bytes)))
    }

    /// For people, as the end of "got …": `an RSA key (2048 bits)`, `an EC key on P-256`.
    pub fn describe(&self) -> String {
        match self {
            PrivateKey::Rsa(k) => {
                use rsa::traits::PublicKeyParts;
                format!("an RSA key ({} bits)", k.n().as_ref().bit_width_vartime())
            }
            PrivateKey::Ec(secret) => format!("an EC key on {}", secret.curve().name()),
            PrivateKey::X25519(_) => "an X25519 (OKP) key".to_owned(),
            PrivateKey::Octets(bytes) => format!("a symmetric key of {} bytes", bytes.len()),
        }
    }
}
