//! Checking a signature with a [`Material`] key, and why it did not verify.

use std::fmt;

use rsa::PublicKey;
use rsa::signature::Verifier;
use rsa::traits::PublicKeyParts;
use sha2::{Sha256, Sha384, Sha512};

use super::material::Material;
use super::mldsa::verify_ml_dsa;
use crate::jwt::header::Alg;

impl Material {
    /// The `alg` values this key can verify.
    pub fn fits(&self, alg: &Alg) -> bool {
        matches!(
            (self, alg),
            (Material::Rsa(_), Alg::Rsa(_) | Alg::RsaPss(_))
                | (Material::RsaPss(_), Alg::RsaPss(_))
                | (Material::Ed25519(_), Alg::EdDsa("EdDSA" | "Ed25519"))
        ) || matches!((self, alg), (Material::Ec { curve, .. }, Alg::Ecdsa(name)) if curve.alg() == *name)
            || matches!((self, alg), (Material::MlDsa { level, .. }, Alg::Unknown(name)) if level.name() == name)
    }

    /// Checks `signature` over `message` under `alg`, which must be one
    /// [`fits`](Self::fits) allows.
    ///
    /// # Errors
    ///
    /// A sentence fragment saying why the signature does not verify.
    pub fn verify(&self, alg: &Alg, message: &[u8], signature: &[u8]) -> Result<(), Mismatch> {
        match (self, alg) {
            (Material::Rsa(key), Alg::Rsa(_) | Alg::RsaPss(_))
            | (Material::RsaPss(key), Alg::RsaPss(_)) => {
                let expected = key.size();
                if signature.len() != expected {
                    return Err(Mismatch::Length {
                        expected,
                        found: signature.len(),
                    });
                }
                rsa_verify(key, alg, message, signature)
            }
            (Material::Ec { curve, key }, Alg::Ecdsa(_)) => {
                let expected = curve.field_bytes() * 2;
                // ASN.1 DER (`30 len 02 …`), as OpenSSL and Java sign, where
                // JWS wants the raw r ‖ s of RFC 7518 §3.4.
                let der = signature.first() == Some(&0x30)
                    && (signature.get(2) == Some(&0x02)
                        || (signature.get(1) == Some(&0x81) && signature.get(3) == Some(&0x02)));
                if signature.len() != expected && der {
                    return Err(Mismatch::DerEcdsa {
                        expected,
                        found: signature.len(),
                    });
                }
                if signature.len() != expected {
                    return Err(Mismatch::Length {
                        expected,
                        found: signature.len(),
                    });
                }
                key.verify(message, signature)
            }
            (Material::Ed25519(key), Alg::EdDsa(_)) => {
                let sig = ed25519_dalek::Signature::from_slice(signature).map_err(|_| {
                    Mismatch::Length {
                        expected: 64,
                        found: signature.len(),
                    }
                })?;
                key.verify_strict(message, &sig)
                    .map_err(|_| Mismatch::Signature)
            }
            (Material::MlDsa { level, encoded }, Alg::Unknown(_)) => {
                let expected = level.signature_len();
                if signature.len() != expected {
                    return Err(Mismatch::Length {
                        expected,
                        found: signature.len(),
                    });
                }
                if verify_ml_dsa(*level, encoded, message, signature) {
                    Ok(())
                } else {
                    Err(Mismatch::Signature)
                }
            }
            _ => Err(Mismatch::Signature),
        }
    }
}

/// Why a signature did not verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The signature has the wrong length for this key.
    Length { expected: usize, found: usize },
    /// An ECDSA signature in ASN.1 DER rather than JWS's fixed-length r ‖ s.
    DerEcdsa { expected: usize, found: usize },
    /// It is not a signature by this key over this token.
    Signature,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::Length { expected, found } => write!(
                f,
                "the signature is {found} bytes, but this key's signatures are {expected} bytes"
            ),
            Mismatch::DerEcdsa { expected, found } => write!(
                f,
                "the signature is {found} bytes of ASN.1 DER, as OpenSSL and Java produce; a JWS \
                 carries r and s as {expected} raw bytes (RFC 7518 §3.4), so libraries reject it"
            ),
            Mismatch::Signature => f.write_str("the signature does not match this key"),
        }
    }
}

fn rsa_verify(
    key: &PublicKey,
    alg: &Alg,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Mismatch> {
    use rsa::{pkcs1v15, pss};
    let key = key.clone();
    let ok = match alg {
        Alg::Rsa(bits) => {
            let sig = pkcs1v15::Signature::try_from(signature).map_err(|_| Mismatch::Signature)?;
            match bits {
                256 => pkcs1v15::VerifyingKey::<Sha256>::new(key).verify(message, &sig),
                384 => pkcs1v15::VerifyingKey::<Sha384>::new(key).verify(message, &sig),
                _ => pkcs1v15::VerifyingKey::<Sha512>::new(key).verify(message, &sig),
            }
        }
        // RFC 7518 §3.5: the salt is as long as the hash output, which is
        // what `pss::VerifyingKey::new` requires.
        _ => {
            let sig = pss::Signature::try_from(signature).map_err(|_| Mismatch::Signature)?;
            match alg {
                Alg::RsaPss(256) => pss::VerifyingKey::<Sha256>::new(key).verify(message, &sig),
                Alg::RsaPss(384) => pss::VerifyingKey::<Sha384>::new(key).verify(message, &sig),
                _ => pss::VerifyingKey::<Sha512>::new(key).verify(message, &sig),
            }
        }
    };
    ok.map_err(|_| Mismatch::Signature)
}
