//! The algorithms JWT Lens signs with a private key, and the key types it
//! makes.

use std::fmt;

use super::error::SignError;

/// A JWS `alg` signed with a private key: RFC 7518 §3.3–3.5, RFC 8037 and
/// RFC 9864's `Ed25519`, and ML-DSA (RFC 9964, formerly
/// draft-ietf-cose-dilithium).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SigningAlg {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    Rs256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    Rs384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    Rs512,
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt.
    Ps256,
    /// RSASSA-PSS with SHA-384, MGF1 with SHA-384 and a 48-byte salt.
    Ps384,
    /// RSASSA-PSS with SHA-512, MGF1 with SHA-512 and a 64-byte salt.
    Ps512,
    /// ECDSA on P-256 with SHA-256.
    Es256,
    /// ECDSA on P-384 with SHA-384.
    Es384,
    /// ECDSA on P-521 with SHA-512.
    Es512,
    /// EdDSA (RFC 8037); JWT Lens signs it with Ed25519 keys only.
    EdDsa,
    /// Ed25519, the fully specified name of RFC 9864 §2.2.
    Ed25519,
    /// ML-DSA-44 (FIPS 204, NIST category 2).
    MlDsa44,
    /// ML-DSA-65 (FIPS 204, NIST category 3).
    MlDsa65,
    /// ML-DSA-87 (FIPS 204, NIST category 5).
    MlDsa87,
}

impl SigningAlg {
    /// Every algorithm, in the order the encoder lists them.
    pub const ALL: [SigningAlg; 14] = [
        SigningAlg::Rs256,
        SigningAlg::Rs384,
        SigningAlg::Rs512,
        SigningAlg::Ps256,
        SigningAlg::Ps384,
        SigningAlg::Ps512,
        SigningAlg::Es256,
        SigningAlg::Es384,
        SigningAlg::Es512,
        SigningAlg::EdDsa,
        SigningAlg::Ed25519,
        SigningAlg::MlDsa44,
        SigningAlg::MlDsa65,
        SigningAlg::MlDsa87,
    ];

    /// The `alg` value, such as `PS256` or `ML-DSA-65`.
    pub fn name(self) -> &'static str {
        match self {
            SigningAlg::Rs256 => "RS256",
            SigningAlg::Rs384 => "RS384",
            SigningAlg::Rs512 => "RS512",
            SigningAlg::Ps256 => "PS256",
            SigningAlg::Ps384 => "PS384",
            SigningAlg::Ps512 => "PS512",
            SigningAlg::Es256 => "ES256",
            SigningAlg::Es384 => "ES384",
            SigningAlg::Es512 => "ES512",
            SigningAlg::EdDsa => "EdDSA",
            SigningAlg::Ed25519 => "Ed25519",
            SigningAlg::MlDsa44 => "ML-DSA-44",
            SigningAlg::MlDsa65 => "ML-DSA-65",
            SigningAlg::MlDsa87 => "ML-DSA-87",
        }
    }

    /// The algorithm named `name`, case-sensitively (RFC 7515 §4.1.1).
    ///
    /// # Errors
    ///
    /// [`SignError::Alg`] for any other name, `HS256` and `none` included:
    /// those are signed without a private key.
    pub fn from_name(name: &str) -> Result<SigningAlg, SignError> {
        SigningAlg::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| SignError::Alg {
                name: name.to_owned(),
            })
    }

    /// What kind of key signs this algorithm, for messages.
    pub(super) fn needs(self) -> &'static str {
        match self {
            SigningAlg::Rs256
            | SigningAlg::Rs384
            | SigningAlg::Rs512
            | SigningAlg::Ps256
            | SigningAlg::Ps384
            | SigningAlg::Ps512 => "an RSA key of 2048 bits or more",
            SigningAlg::Es256 => "an EC key on P-256",
            SigningAlg::Es384 => "an EC key on P-384",
            SigningAlg::Es512 => "an EC key on P-521",
            SigningAlg::EdDsa | SigningAlg::Ed25519 => "an Ed25519 (OKP) key",
            SigningAlg::MlDsa44 => "an ML-DSA-44 (AKP) key",
            SigningAlg::MlDsa65 => "an ML-DSA-65 (AKP) key",
            SigningAlg::MlDsa87 => "an ML-DSA-87 (AKP) key",
        }
    }
}

impl fmt::Display for SigningAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The ML-DSA parameter sets live with the keys module, which verifies
/// with them; signing adds the `alg` each one signs.
pub use crate::jwt::keys::MlDsaLevel;

impl MlDsaLevel {
    /// The `alg` that signs with this parameter set.
    pub fn alg(self) -> SigningAlg {
        match self {
            MlDsaLevel::L44 => SigningAlg::MlDsa44,
            MlDsaLevel::L65 => SigningAlg::MlDsa65,
            MlDsaLevel::L87 => SigningAlg::MlDsa87,
        }
    }
}

/// A key type the page makes from the browser's randomness (the values of
/// `#generate-key-type`). RSA keys are made by WebCrypto instead, which
/// generates asynchronously and so does not freeze the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// An ECDSA key on P-256, for ES256.
    P256,
    /// An ECDSA key on P-384, for ES384.
    P384,
    /// An ECDSA key on P-521, for ES512.
    P521,
    /// An Ed25519 key, for EdDSA and Ed25519.
    Ed25519,
    /// An ML-DSA key of this parameter set.
    MlDsa(MlDsaLevel),
}

impl KeyType {
    /// Every key type made here, in the order the page lists them.
    pub const ALL: [KeyType; 7] = [
        KeyType::P256,
        KeyType::P384,
        KeyType::P521,
        KeyType::Ed25519,
        KeyType::MlDsa(MlDsaLevel::L44),
        KeyType::MlDsa(MlDsaLevel::L65),
        KeyType::MlDsa(MlDsaLevel::L87),
    ];

    /// The `#generate-key-type` value: `P-256`, `Ed25519`, `ML-DSA-65`, …
    pub fn name(self) -> &'static str {
        match self {
            KeyType::P256 => "P-256",
            KeyType::P384 => "P-384",
            KeyType::P521 => "P-521",
            KeyType::Ed25519 => "Ed25519",
            KeyType::MlDsa(level) => level.name(),
        }
    }

    /// The key type named `name`.
    ///
    /// # Errors
    ///
    /// [`SignError::RsaGeneration`] for `RSA-2048`, `RSA-3072` and
    /// `RSA-4096`, which the page makes with WebCrypto, and
    /// [`SignError::KeyType`] for anything else.
    pub fn from_name(name: &str) -> Result<KeyType, SignError> {
        if let Some(kind) = KeyType::ALL.into_iter().find(|k| k.name() == name) {
            return Ok(kind);
        }
        if name.starts_with("RSA") {
            return Err(SignError::RsaGeneration);
        }
        Err(SignError::KeyType {
            name: name.to_owned(),
        })
    }

    /// The `alg` a key of this type usually signs: ES256 for P-256, EdDSA
    /// for Ed25519 (the name every JOSE library knows), ML-DSA-44 for
    /// ML-DSA-44.
    pub fn default_alg(self) -> SigningAlg {
        match self {
            KeyType::P256 => SigningAlg::Es256,
            KeyType::P384 => SigningAlg::Es384,
            KeyType::P521 => SigningAlg::Es512,
            KeyType::Ed25519 => SigningAlg::EdDsa,
            KeyType::MlDsa(level) => level.alg(),
        }
    }
}
