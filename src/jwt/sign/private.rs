//! [`PrivateKey`]: a key JWT Lens signs with, whatever it was read from.

use std::fmt;

use rsa::traits::PublicKeyParts;

use super::alg::{KeyType, MlDsaLevel, SigningAlg};
use super::error::SignError;
use super::mldsa::MlDsaKey;
use super::public::PublicKey;
use crate::jwt::keys::{Curve, EcKey, JwkMeta, Material};

/// Where a private key came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivateSource {
    /// PEM `PRIVATE KEY`: PKCS #8 (RFC 5208, RFC 5958).
    Pkcs8,
    /// PEM `RSA PRIVATE KEY`: PKCS #1 (RFC 8017 §A.1.2).
    Pkcs1,
    /// PEM `EC PRIVATE KEY`: SEC 1 (RFC 5915).
    Sec1,
    /// A private JWK (RFC 7517, RFC 7518 §6, RFC 8037, RFC 9964).
    Jwk,
    /// Made in the page from the browser's randomness.
    Generated,
}

impl PrivateSource {
    /// For people: `PKCS #8 PEM`, `private JWK`, …
    pub fn describe(self) -> &'static str {
        match self {
            PrivateSource::Pkcs8 => "PKCS #8 PEM",
            PrivateSource::Pkcs1 => "PKCS #1 PEM (RSA PRIVATE KEY)",
            PrivateSource::Sec1 => "SEC 1 PEM (EC PRIVATE KEY)",
            PrivateSource::Jwk => "private JWK",
            PrivateSource::Generated => "made in this page",
        }
    }
}

/// The key material itself.
#[derive(Clone)]
pub(super) enum Secret {
    /// An RSA key; `pss_only` when its PKCS #8 names id-RSASSA-PSS.
    Rsa {
        key: Box<rsa::PrivateKey>,
        pss_only: bool,
    },
    P256(Box<p256::ecdsa::SigningKey>),
    P384(Box<p384::ecdsa::SigningKey>),
    P521(Box<p521::ecdsa::SigningKey>),
    Ed25519(Box<ed25519_dalek::SigningKey>),
    MlDsa(MlDsaKey),
}

/// A private key, ready to sign. Its `Debug` never shows the key.
#[derive(Clone)]
pub struct PrivateKey {
    pub(super) secret: Secret,
    /// Where it came from.
    pub source: PrivateSource,
    /// What a JWK said about itself (`kid`, `alg`, `use`, `key_ops`); empty
    /// for PEM.
    pub meta: JwkMeta,
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey({}, [redacted])", self.describe())
    }
}

impl PrivateKey {
    pub(super) fn new(secret: Secret, source: PrivateSource) -> PrivateKey {
        PrivateKey {
            secret,
            source,
            meta: JwkMeta::default(),
        }
    }

    /// For people: `RSA private key, 2048 bits`, `EC private key on P-256`, …
    pub fn describe(&self) -> String {
        match &self.secret {
            Secret::Rsa { pss_only: true, .. } => format!(
                "RSA private key for RSASSA-PSS only, {} bits",
                self.rsa_bits().unwrap_or(0)
            ),
            Secret::Rsa { .. } => {
                format!("RSA private key, {} bits", self.rsa_bits().unwrap_or(0))
            }
            Secret::P256(_) => "EC private key on P-256".to_owned(),
            Secret::P384(_) => "EC private key on P-384".to_owned(),
            Secret::P521(_) => "EC private key on P-521".to_owned(),
            Secret::Ed25519(_) => "Ed25519 private key (OKP)".to_owned(),
            Secret::MlDsa(k) => format!("{} private key (AKP)", k.level().name()),
        }
    }

    /// The `kind` the page shows and tests compare: `RSA`, `P-256`,
    /// `Ed25519`, `ML-DSA-65`, …
    pub fn kind(&self) -> &'static str {
        match &self.secret {
            Secret::Rsa { .. } => "RSA",
            Secret::P256(_) => KeyType::P256.name(),
            Secret::P384(_) => KeyType::P384.name(),
            Secret::P521(_) => KeyType::P521.name(),
            Secret::Ed25519(_) => KeyType::Ed25519.name(),
            Secret::MlDsa(k) => k.level().name(),
        }
    }

    /// The modulus length in bits, for RSA keys.
    pub fn rsa_bits(&self) -> Option<usize> {
        match &self.secret {
            Secret::Rsa { key, .. } => Some(key.n().as_ref().bit_width_vartime() as usize),
            _ => None,
        }
    }

    /// The `alg` this key most likely signs: the JWK's own `alg` when it
    /// names one JWT Lens signs, else RS256 (or PS256 for a PSS-only key),
    /// ES256/384/512 by curve, EdDSA, or the ML-DSA parameter set.
    pub fn default_alg(&self) -> SigningAlg {
        if let Some(alg) = self
            .meta
            .alg
            .as_deref()
            .and_then(|a| SigningAlg::from_name(a).ok())
            && self.check(alg).is_ok()
        {
            return alg;
        }
        match &self.secret {
            Secret::Rsa { pss_only: true, .. } => SigningAlg::Ps256,
            Secret::Rsa { .. } => SigningAlg::Rs256,
            Secret::P256(_) => SigningAlg::Es256,
            Secret::P384(_) => SigningAlg::Es384,
            Secret::P521(_) => SigningAlg::Es512,
            Secret::Ed25519(_) => SigningAlg::EdDsa,
            Secret::MlDsa(k) => k.level().alg(),
        }
    }

    /// Whether this key may sign `alg`: the right type and size of key
    /// (RFC 7518 §3.3: RSA of 2048 bits or more), a PSS-only key only for
    /// PS algorithms, and a JWK's `alg`, `use` and `key_ops` respected.
    ///
    /// # Errors
    ///
    /// [`SignError::WrongKey`], [`SignError::RsaTooShort`],
    /// [`SignError::PssOnly`], [`SignError::JwkAlg`] or [`SignError::JwkUse`].
    pub fn check(&self, alg: SigningAlg) -> Result<(), SignError> {
        use SigningAlg as A;
        let fits = match (&self.secret, alg) {
            (Secret::Rsa { pss_only: true, .. }, A::Rs256 | A::Rs384 | A::Rs512) => {
                return Err(SignError::PssOnly { alg: alg.name() });
            }
            (
                Secret::Rsa { .. },
                A::Rs256 | A::Rs384 | A::Rs512 | A::Ps256 | A::Ps384 | A::Ps512,
            ) => {
                let bits = self.rsa_bits().unwrap_or(0);
                if bits < crate::jwt::keys::RECOMMENDED_RSA_BITS {
                    return Err(SignError::RsaTooShort { bits });
                }
                true
            }
            (Secret::P256(_), A::Es256)
            | (Secret::P384(_), A::Es384)
            | (Secret::P521(_), A::Es512)
            | (Secret::Ed25519(_), A::EdDsa | A::Ed25519) => true,
            (Secret::MlDsa(k), alg) => k.level().alg() == alg,
            _ => false,
        };
        if !fits {
            return Err(SignError::WrongKey {
                alg: alg.name(),
                key: self.describe(),
                needs: alg.needs(),
            });
        }
        if let Some(jwk_alg) = &self.meta.alg
            && jwk_alg != alg.name()
        {
            return Err(SignError::JwkAlg {
                jwk_alg: jwk_alg.clone(),
                alg: alg.name(),
            });
        }
        if let Some(usage) = &self.meta.usage
            && usage != "sig"
        {
            return Err(SignError::JwkUse {
                what: format!("its \"use\" is \"{usage}\", and signatures need \"sig\""),
            });
        }
        if let Some(ops) = &self.meta.key_ops
            && !ops.iter().any(|o| o == "sign")
        {
            return Err(SignError::JwkUse {
                what: format!(
                    "its \"key_ops\" ({}) does not include \"sign\"",
                    ops.join(", ")
                ),
            });
        }
        Ok(())
    }

    /// The public half.
    pub fn public_key(&self) -> PublicKey {
        self.secret.public_key()
    }

    /// The ML-DSA parameter set, for ML-DSA keys.
    pub fn ml_dsa_level(&self) -> Option<MlDsaLevel> {
        match &self.secret {
            Secret::MlDsa(k) => Some(k.level()),
            _ => None,
        }
    }
}

impl Secret {
    pub(super) fn public_key(&self) -> PublicKey {
        let ec = |curve: Curve, key: EcKey| PublicKey::Classic(Material::Ec { curve, key });
        match self {
            Secret::Rsa { key, pss_only } => {
                let public = Box::new(key.to_public_key());
                PublicKey::Classic(if *pss_only {
                    Material::RsaPss(public)
                } else {
                    Material::Rsa(public)
                })
            }
            Secret::P256(k) => ec(Curve::P256, EcKey::P256(*k.verifying_key())),
            Secret::P384(k) => ec(Curve::P384, EcKey::P384(*k.verifying_key())),
            Secret::P521(k) => ec(Curve::P521, EcKey::P521(*k.verifying_key())),
            Secret::Ed25519(k) => PublicKey::Classic(Material::Ed25519(k.verifying_key())),
            Secret::MlDsa(k) => PublicKey::MlDsa {
                level: k.level(),
                encoded: k.public_bytes(),
            },
        }
    }
}
