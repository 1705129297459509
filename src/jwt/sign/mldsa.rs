//! ML-DSA (FIPS 204) keys for JOSE: the private key is the 32-byte seed
//! `ξ` of `ML-DSA.KeyGen_internal`, as RFC 9964 §3 (JOSE's AKP `priv`)
//! requires, and signatures are deterministic with an empty context (§4).

use ml_dsa::{MlDsa44, MlDsa65, MlDsa87, Seed, SigningKey};

use super::alg::MlDsaLevel;

/// An ML-DSA signing key of one of the three parameter sets.
#[derive(Clone)]
pub(super) enum MlDsaKey {
    L44(Box<SigningKey<MlDsa44>>),
    L65(Box<SigningKey<MlDsa65>>),
    L87(Box<SigningKey<MlDsa87>>),
}

/// `$body` with `$key` bound to the parameter set's own signing key.
macro_rules! on_level {
    ($key:expr, $k:ident => $body:expr) => {
        match $key {
            MlDsaKey::L44($k) => $body,
            MlDsaKey::L65($k) => $body,
            MlDsaKey::L87($k) => $body,
        }
    };
}

impl MlDsaKey {
    /// The key `KeyGen_internal` expands from `seed` (FIPS 204 Algorithm 6).
    pub(super) fn from_seed(level: MlDsaLevel, seed: &[u8; 32]) -> MlDsaKey {
        let seed = Seed::from(*seed);
        match level {
            MlDsaLevel::L44 => MlDsaKey::L44(Box::new(SigningKey::from_seed(&seed))),
            MlDsaLevel::L65 => MlDsaKey::L65(Box::new(SigningKey::from_seed(&seed))),
            MlDsaLevel::L87 => MlDsaKey::L87(Box::new(SigningKey::from_seed(&seed))),
        }
    }

    pub(super) fn level(&self) -> MlDsaLevel {
        match self {
            MlDsaKey::L44(_) => MlDsaLevel::L44,
            MlDsaKey::L65(_) => MlDsaLevel::L65,
            MlDsaKey::L87(_) => MlDsaLevel::L87,
        }
    }

    /// The 32-byte seed: the AKP `priv` and the PKCS #8 `seed`.
    pub(super) fn seed(&self) -> [u8; 32] {
        on_level!(self, k => k.to_seed().into())
    }

    /// The encoded public key (FIPS 204 `pkEncode`): the AKP `pub`.
    pub(super) fn public_bytes(&self) -> Vec<u8> {
        use ml_dsa::signature::Keypair;
        on_level!(self, k => k.verifying_key().encode().to_vec())
    }

    /// The encoded expanded private key (FIPS 204 `skEncode`), to compare
    /// with one a PKCS #8 file carries beside the seed.
    pub(super) fn expanded_bytes(&self) -> Vec<u8> {
        // `to_expanded` is deprecated as a key format, which is not how it
        // is used here: only to check the copy a file carries.
        #[allow(deprecated)]
        let bytes = on_level!(self, k => k.expanded_key().to_expanded().to_vec());
        bytes
    }

    /// The deterministic ML-DSA signature of `message` with an empty context
    /// (FIPS 204 Algorithm 2 with `rnd` = 0³², RFC 9964 §4).
    pub(super) fn sign(&self, message: &[u8]) -> Result<Vec<u8>, String> {
        on_level!(self, k => k
            .expanded_key()
            .sign_deterministic(message, &[])
            .map(|s| s.encode().to_vec())
            .map_err(|e| e.to_string()))
    }
}
