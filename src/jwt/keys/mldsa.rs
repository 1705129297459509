//! ML-DSA public keys (FIPS 204; JOSE's AKP keys, RFC 9964): the three
//! parameter sets, their sizes and OIDs, reading the encoded key, and
//! verifying with an empty context (RFC 9964 §4).

use der::asn1::ObjectIdentifier;
use ml_dsa::{MlDsa44, MlDsa65, MlDsa87, VerifyingKey};

use super::error::KeyError;

/// The ML-DSA parameter sets of FIPS 204 Table 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MlDsaLevel {
    /// ML-DSA-44: 1312-byte public keys, 2420-byte signatures.
    L44,
    /// ML-DSA-65: 1952-byte public keys, 3309-byte signatures.
    L65,
    /// ML-DSA-87: 2592-byte public keys, 4627-byte signatures.
    L87,
}

/// id-ml-dsa-44, -65 and -87 (FIPS 204 in NIST's sigAlgs arc, RFC 9881).
pub const ML_DSA_OIDS: [(ObjectIdentifier, MlDsaLevel); 3] = [
    (
        ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17"),
        MlDsaLevel::L44,
    ),
    (
        ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.18"),
        MlDsaLevel::L65,
    ),
    (
        ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.19"),
        MlDsaLevel::L87,
    ),
];

impl MlDsaLevel {
    /// The JOSE `alg` (and AKP key `alg`): `ML-DSA-44`, `ML-DSA-65`, `ML-DSA-87`.
    pub fn name(self) -> &'static str {
        match self {
            MlDsaLevel::L44 => "ML-DSA-44",
            MlDsaLevel::L65 => "ML-DSA-65",
            MlDsaLevel::L87 => "ML-DSA-87",
        }
    }

    /// The parameter set named `name` (`ML-DSA-44`, …).
    pub fn from_name(name: &str) -> Option<MlDsaLevel> {
        [MlDsaLevel::L44, MlDsaLevel::L65, MlDsaLevel::L87]
            .into_iter()
            .find(|l| l.name() == name)
    }

    /// The parameter set whose SubjectPublicKeyInfo OID is `oid`.
    pub fn from_oid(oid: ObjectIdentifier) -> Option<MlDsaLevel> {
        ML_DSA_OIDS
            .iter()
            .find(|(o, _)| *o == oid)
            .map(|(_, level)| *level)
    }

    /// Its id-ml-dsa-* OID.
    pub fn oid(self) -> ObjectIdentifier {
        ML_DSA_OIDS
            .iter()
            .find(|(_, l)| *l == self)
            .map_or(ML_DSA_OIDS[0].0, |(oid, _)| *oid)
    }

    /// The length of an encoded public key (FIPS 204 Table 2).
    pub fn public_len(self) -> usize {
        match self {
            MlDsaLevel::L44 => 1312,
            MlDsaLevel::L65 => 1952,
            MlDsaLevel::L87 => 2592,
        }
    }

    /// The length of a signature (FIPS 204 Table 2).
    pub fn signature_len(self) -> usize {
        match self {
            MlDsaLevel::L44 => 2420,
            MlDsaLevel::L65 => 3309,
            MlDsaLevel::L87 => 4627,
        }
    }
}

/// Checks that `encoded` is as long as a `level` public key must be.
///
/// # Errors
///
/// [`KeyError::Der`] naming both lengths.
pub fn ml_dsa_public(level: MlDsaLevel, encoded: &[u8]) -> Result<Vec<u8>, KeyError> {
    if encoded.len() != level.public_len() {
        return Err(KeyError::Der {
            what: "ML-DSA public key",
            reason: format!(
                "it is {} bytes; an {} public key is {}",
                encoded.len(),
                level.name(),
                level.public_len()
            ),
        });
    }
    Ok(encoded.to_vec())
}

/// Whether `signature` is a valid ML-DSA signature of `message` with an
/// empty context under the encoded public key `public`. False for a key or
/// signature of the wrong length.
pub fn verify_ml_dsa(level: MlDsaLevel, public: &[u8], message: &[u8], signature: &[u8]) -> bool {
    fn check<P: ml_dsa::MlDsaParams>(public: &[u8], message: &[u8], signature: &[u8]) -> bool {
        let Ok(encoded) = public.try_into() else {
            return false;
        };
        let Ok(signature) = ml_dsa::Signature::<P>::try_from(signature) else {
            return false;
        };
        VerifyingKey::<P>::decode(encoded).verify_with_context(message, &[], &signature)
    }
    match level {
        MlDsaLevel::L44 => check::<MlDsa44>(public, message, signature),
        MlDsaLevel::L65 => check::<MlDsa65>(public, message, signature),
        MlDsaLevel::L87 => check::<MlDsa87>(public, message, signature),
    }
}
