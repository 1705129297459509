//! Public keys as the signing side sees them: the keys module's
//! [`Material`] plus ML-DSA, which only this side reads; their JWK members,
//! RFC 7638 thumbprint and SubjectPublicKeyInfo.

use der::Encode;
use der::asn1::AnyRef;
use rsa::traits::PublicKeyParts;

use super::alg::MlDsaLevel;
use super::der::{self as encoding, EC_PUBLIC_KEY, ED25519, RSA_ENCRYPTION, RSASSA_PSS};
use super::error::SignError;
use super::private::Secret;
use crate::jwt::base64url;
use crate::jwt::keys::{self, KeyError, Material};

/// A public key: one the keys module verifies with, or an ML-DSA key.
#[derive(Clone, Debug)]
pub enum PublicKey {
    /// RSA, EC or Ed25519, as the keys module reads and verifies them.
    Classic(Material),
    /// An ML-DSA public key, encoded as FIPS 204 `pkEncode` writes it.
    MlDsa {
        /// Its parameter set.
        level: MlDsaLevel,
        /// The encoded key: the AKP `pub`.
        encoded: Vec<u8>,
    },
}

impl PublicKey {
    /// The members of its RFC 7638 thumbprint, in lexicographic order, as
    /// (name, string value): exactly the public JWK JWT Lens exports.
    pub fn jwk_members(&self) -> Vec<(&'static str, String)> {
        match self {
            PublicKey::Classic(material) => material.thumbprint_members(),
            // RFC 9964 §5: alg, kty and pub.
            PublicKey::MlDsa { level, encoded } => vec![
                ("alg", level.name().to_owned()),
                ("kty", "AKP".to_owned()),
                ("pub", base64url::encode(encoded)),
            ],
        }
    }

    /// The RFC 7638 SHA-256 thumbprint, base64url.
    pub fn thumbprint(&self) -> String {
        keys::thumbprint_of(&self.jwk_members())
    }

    /// The JWK `kty`: `RSA`, `EC`, `OKP` or `AKP`.
    pub fn kty(&self) -> &'static str {
        match self {
            PublicKey::Classic(material) => material.kty(),
            PublicKey::MlDsa { .. } => "AKP",
        }
    }

    /// For people: `RSA public key, 2048 bits`, `ML-DSA-44 public key (AKP)`.
    pub fn describe(&self) -> String {
        match self {
            PublicKey::Classic(material) => material.describe(),
            PublicKey::MlDsa { level, .. } => format!("{} public key (AKP)", level.name()),
        }
    }

    /// The DER SubjectPublicKeyInfo: rsaEncryption (or id-RSASSA-PSS for a
    /// PSS-only key), id-ecPublicKey with the named curve and the
    /// uncompressed point, id-Ed25519 (RFC 8410) or id-ml-dsa-* (RFC 9881).
    ///
    /// # Errors
    ///
    /// [`SignError::Failed`] if the encoder refuses, which a key read
    /// successfully never makes it do.
    pub fn spki_der(&self) -> Result<Vec<u8>, SignError> {
        let failed = |e: der::Error| SignError::Failed {
            reason: format!("could not encode the public key: {e}"),
        };
        let null = AnyRef::NULL.to_der().map_err(failed)?;
        let written = match self {
            PublicKey::Classic(Material::Rsa(k)) => {
                encoding::write_spki(RSA_ENCRYPTION, Some(&null), &rsa_public_der(k)?)
            }
            PublicKey::Classic(Material::RsaPss(k)) => {
                encoding::write_spki(RSASSA_PSS, None, &rsa_public_der(k)?)
            }
            PublicKey::Classic(Material::Ec { curve, key }) => {
                let oid = encoding::curve_oid(*curve);
                let params = AnyRef::from(&oid).to_der().map_err(failed)?;
                encoding::write_spki(EC_PUBLIC_KEY, Some(&params), &key.uncompressed())
            }
            PublicKey::Classic(Material::Ed25519(k)) => {
                encoding::write_spki(ED25519, None, k.as_bytes())
            }
            PublicKey::MlDsa { level, encoded }
            | PublicKey::Classic(Material::MlDsa { level, encoded }) => {
                encoding::write_spki(level.oid(), None, encoded)
            }
        };
        written.map_err(failed)
    }
}

fn rsa_public_der(key: &rsa::PublicKey) -> Result<Vec<u8>, SignError> {
    let n = key.n().as_ref().to_be_bytes_trimmed_vartime();
    let e = key.e().to_be_bytes_trimmed_vartime();
    let failed = |e: der::Error| SignError::Failed {
        reason: format!("could not encode the RSA public key: {e}"),
    };
    rsa::pkcs1::RsaPublicKey {
        modulus: rsa::pkcs1::UintRef::new(&n).map_err(failed)?,
        public_exponent: rsa::pkcs1::UintRef::new(&e).map_err(failed)?,
    }
    .to_der()
    .map_err(failed)
}

/// The public key as a PKCS #8 or SEC 1 file writes it beside the private
/// one: the uncompressed EC point, the Ed25519 or ML-DSA key bytes, or the
/// PKCS #1 `RSAPublicKey`.
pub(super) fn raw_public(secret: &Secret) -> Vec<u8> {
    match secret {
        Secret::Rsa { key, .. } => rsa_public_der(&key.to_public_key()).unwrap_or_default(),
        Secret::P256(k) => k.verifying_key().to_sec1_point(false).as_bytes().to_vec(),
        Secret::P384(k) => k.verifying_key().to_sec1_point(false).as_bytes().to_vec(),
        Secret::P521(k) => k.verifying_key().to_sec1_point(false).as_bytes().to_vec(),
        Secret::Ed25519(k) => k.verifying_key().as_bytes().to_vec(),
        Secret::MlDsa(k) => k.public_bytes(),
    }
}

/// An EC key's curve and its private scalar, big-endian at the field size.
pub(super) fn ec_scalar(secret: &Secret) -> Option<(keys::Curve, Vec<u8>)> {
    match secret {
        Secret::P256(k) => Some((keys::Curve::P256, k.to_bytes().to_vec())),
        Secret::P384(k) => Some((keys::Curve::P384, k.to_bytes().to_vec())),
        Secret::P521(k) => Some((keys::Curve::P521, k.to_bytes().to_vec())),
        _ => None,
    }
}

/// The one public key in `text`, for converting between PEM and JWK: what
/// the decoder's key box reads (PEM SPKI, PKCS #1, a certificate, a JWK or
/// a JWKS of one key), ML-DSA's SubjectPublicKeyInfo and AKP JWK included.
///
/// # Errors
///
/// The keys module's [`KeyError`] (private keys and secrets are refused
/// there), or [`KeyError::Jwks`] for a set of several keys.
pub fn read_public_key(text: &str) -> Result<PublicKey, KeyError> {
    let entries = keys::read_keys(text)?;
    let [entry] = entries.as_slice() else {
        return Err(KeyError::Jwks {
            reason: format!(
                "it has {} keys; paste one of them to convert it",
                entries.len()
            ),
        });
    };
    entry.key.clone().map(PublicKey::from)
}

impl From<Material> for PublicKey {
    fn from(material: Material) -> PublicKey {
        match material {
            Material::MlDsa { level, encoded } => PublicKey::MlDsa { level, encoded },
            classic => PublicKey::Classic(classic),
        }
    }
}
