//! Public keys as the RustCrypto crates hold them: reading them from DER,
//! JWK numbers or points, and describing them. The check itself is in
//! `signature.rs`, the curves in `curve.rs`.

use der::Decode;
use der::asn1::ObjectIdentifier;
use rsa::traits::PublicKeyParts;
use rsa::{BoxedUint, PublicKey};

use super::curve::{Curve, EcKey};
use super::error::KeyError;
use super::mldsa::{MlDsaLevel, ml_dsa_public};

/// Smallest RSA modulus read at all; smaller keys are broken, not just weak.
const MIN_RSA_BITS: usize = 512;
/// Smallest RSA modulus RFC 7518 §3.3 allows for RS and PS algorithms.
pub const RECOMMENDED_RSA_BITS: usize = 2048;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
/// Names for key algorithms and curves that are recognised but not verified.
const OTHER_OIDS: [(&str, &str); 6] = [
    ("1.3.132.0.10", "secp256k1"),
    ("1.3.101.113", "Ed448"),
    ("1.3.101.110", "X25519"),
    ("1.3.101.111", "X448"),
    ("1.2.840.10040.4.1", "DSA"),
    ("1.2.840.113549.1.3.1", "Diffie-Hellman"),
];

/// A public key, ready to verify.
#[derive(Clone, Debug)]
pub enum Material {
    /// An RSA key, for RS and PS algorithms.
    Rsa(Box<PublicKey>),
    /// An RSA key whose SubjectPublicKeyInfo names id-RSASSA-PSS, which
    /// RFC 4055 §1.2 restricts to PSS: PS algorithms only.
    RsaPss(Box<PublicKey>),
    /// An ECDSA key on `curve`, its point checked to be on the curve.
    Ec { curve: Curve, key: EcKey },
    /// An Ed25519 point, checked to decompress.
    Ed25519(ed25519_dalek::VerifyingKey),
    /// An ML-DSA key (RFC 9964's AKP), encoded as FIPS 204 `pkEncode`
    /// writes it, its length checked for `level`.
    MlDsa {
        /// Its parameter set.
        level: MlDsaLevel,
        /// The encoded key: the AKP `pub`.
        encoded: Vec<u8>,
    },
}

impl Material {
    /// An RSA key from its big-endian modulus and exponent.
    ///
    /// # Errors
    ///
    /// [`KeyError::Rsa`] when the numbers are not a usable key.
    pub fn rsa(n: &[u8], e: &[u8]) -> Result<Material, KeyError> {
        let strip = |b: &[u8]| -> Vec<u8> { b.iter().copied().skip_while(|&x| x == 0).collect() };
        let (n, e) = (strip(n), strip(e));
        let bits = |b: &[u8]| u32::try_from(b.len().max(1) * 8).unwrap_or(u32::MAX);
        let rsa_err = |reason: String| KeyError::Rsa { reason };
        // `from_be_slice` fails only for more bytes than the precision, which
        // `bits` makes room for; the message is there so no panic is needed.
        let too_long = |what: &str| rsa_err(format!("the {what} is too long to read as a number"));
        let n_int = BoxedUint::from_be_slice(&n, bits(&n)).map_err(|_| too_long("modulus"))?;
        let e_int = BoxedUint::from_be_slice(&e, bits(&e)).map_err(|_| too_long("exponent"))?;
        let modulus_bits = n_int.bit_width_vartime() as usize;
        if modulus_bits < MIN_RSA_BITS {
            return Err(rsa_err(format!(
                "the modulus is {modulus_bits} bits; keys under {MIN_RSA_BITS} bits are not read at all"
            )));
        }
        PublicKey::new_with_size_limits(n_int, e_int, MIN_RSA_BITS..=16_384)
            .map(|k| Material::Rsa(Box::new(k)))
            .map_err(|e| rsa_err(e.to_string()))
    }

    /// An EC key from its SEC1 point encoding (compressed or not).
    ///
    /// # Errors
    ///
    /// [`KeyError::Point`] when it is not a point on `curve`.
    pub fn ec(curve: Curve, sec1: &[u8]) -> Result<Material, KeyError> {
        let bad = KeyError::Point {
            curve: curve.name(),
        };
        let key = match curve {
            Curve::P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map(EcKey::P256),
            Curve::P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map(EcKey::P384),
            Curve::P521 => p521::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map(EcKey::P521),
        }
        .map_err(|_| bad)?;
        Ok(Material::Ec { curve, key })
    }

    /// An Ed25519 key from its 32 bytes.
    ///
    /// # Errors
    ///
    /// [`KeyError::Point`] for a wrong length or bytes that are not a point.
    pub fn ed25519(bytes: &[u8]) -> Result<Material, KeyError> {
        let bad = KeyError::Point { curve: "Ed25519" };
        let array: [u8; 32] = bytes.try_into().map_err(|_| bad.clone())?;
        ed25519_dalek::VerifyingKey::from_bytes(&array)
            .map(Material::Ed25519)
            .map_err(|_| bad)
    }

    /// An ML-DSA key from its FIPS 204 encoding.
    ///
    /// # Errors
    ///
    /// [`KeyError::Der`] when it is not as long as a `level` key.
    pub fn ml_dsa(level: MlDsaLevel, encoded: &[u8]) -> Result<Material, KeyError> {
        ml_dsa_public(level, encoded).map(|encoded| Material::MlDsa { level, encoded })
    }

    /// A key from a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7).
    ///
    /// # Errors
    ///
    /// [`KeyError::Der`] for malformed DER, [`KeyError::KeyAlgorithm`] or
    /// [`KeyError::Curve`] for keys JWT Lens does not verify.
    pub fn from_spki(der: &[u8]) -> Result<Material, KeyError> {
        let der_err = |e: der::Error| KeyError::Der {
            what: "SubjectPublicKeyInfo",
            reason: e.to_string(),
        };
        let spki = spki::SubjectPublicKeyInfoRef::from_der(der).map_err(der_err)?;
        let key = spki
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| KeyError::Der {
                what: "SubjectPublicKeyInfo",
                reason: "the key bit string is not whole bytes".to_owned(),
            })?;
        let oid = spki.algorithm.oid;
        if oid == RSA_ENCRYPTION {
            return Material::from_pkcs1(key);
        }
        if oid == RSASSA_PSS {
            return match Material::from_pkcs1(key)? {
                Material::Rsa(k) => Ok(Material::RsaPss(k)),
                other => Ok(other),
            };
        }
        if oid == ED25519 {
            return Material::ed25519(key);
        }
        if let Some(level) = MlDsaLevel::from_oid(oid) {
            return Material::ml_dsa(level, key);
        }
        if oid == EC_PUBLIC_KEY {
            let curve_oid = spki
                .algorithm
                .parameters
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .ok_or_else(|| KeyError::Der {
                    what: "EC SubjectPublicKeyInfo",
                    reason: "its parameters do not name a curve".to_owned(),
                })?;
            let curve = match curve_oid {
                o if o == P256 => Curve::P256,
                o if o == P384 => Curve::P384,
                o if o == P521 => Curve::P521,
                other => {
                    return Err(KeyError::Curve {
                        name: oid_name(other),
                    });
                }
            };
            return Material::ec(curve, key);
        }
        Err(KeyError::KeyAlgorithm {
            name: oid_name(oid),
        })
    }

    /// An RSA key from a DER RSAPublicKey (RFC 8017 §A.1.1, PEM `RSA PUBLIC KEY`).
    ///
    /// # Errors
    ///
    /// [`KeyError::Der`] or [`KeyError::Rsa`].
    pub fn from_pkcs1(der: &[u8]) -> Result<Material, KeyError> {
        let key = pkcs1::RsaPublicKeyRef::from_der(der).map_err(|e| KeyError::Der {
            what: "RSA public key (PKCS #1)",
            reason: e.to_string(),
        })?;
        Material::rsa(key.modulus.as_bytes(), key.public_exponent.as_bytes())
    }

    /// For people: `RSA, 2048 bits`, `EC on P-256`, `Ed25519`.
    pub fn describe(&self) -> String {
        match self {
            Material::RsaPss(k) => format!(
                "RSA public key for RSASSA-PSS only, {} bits",
                self.rsa_bits().unwrap_or(k.size() * 8)
            ),
            Material::Rsa(k) => format!(
                "RSA public key, {} bits",
                self.rsa_bits().unwrap_or(k.size() * 8)
            ),
            Material::Ec { curve, .. } => format!("EC public key on {}", curve.name()),
            Material::Ed25519(_) => "Ed25519 public key (OKP)".to_owned(),
            Material::MlDsa { level, .. } => format!("{} public key (AKP)", level.name()),
        }
    }

    /// The modulus length in bits, for RSA keys.
    pub fn rsa_bits(&self) -> Option<usize> {
        match self {
            Material::Rsa(k) | Material::RsaPss(k) => {
                Some(k.n().as_ref().bit_width_vartime() as usize)
            }
            _ => None,
        }
    }

    /// The JWK `kty`: `RSA`, `EC`, `OKP` or `AKP`.
    pub fn kty(&self) -> &'static str {
        match self {
            Material::Rsa(_) | Material::RsaPss(_) => "RSA",
            Material::Ec { .. } => "EC",
            Material::Ed25519(_) => "OKP",
            Material::MlDsa { .. } => "AKP",
        }
    }

    /// The members of its RFC 7638 thumbprint, in order, base64url-encoded
    /// where they are bytes.
    pub fn thumbprint_members(&self) -> Vec<(&'static str, String)> {
        use crate::jwt::base64url::encode;
        match self {
            Material::Rsa(k) | Material::RsaPss(k) => vec![
                ("e", encode(&k.e().to_be_bytes_trimmed_vartime())),
                ("kty", "RSA".to_owned()),
                ("n", encode(&k.n().as_ref().to_be_bytes_trimmed_vartime())),
            ],
            Material::Ec { curve, key } => {
                let point = key.uncompressed();
                let n = curve.field_bytes();
                let x = point.get(1..1 + n).unwrap_or_default();
                let y = point.get(1 + n..).unwrap_or_default();
                vec![
                    ("crv", curve.name().to_owned()),
                    ("kty", "EC".to_owned()),
                    ("x", encode(x)),
                    ("y", encode(y)),
                ]
            }
            Material::Ed25519(k) => vec![
                ("crv", "Ed25519".to_owned()),
                ("kty", "OKP".to_owned()),
                ("x", encode(k.as_bytes())),
            ],
            // RFC 9964 §5: alg, kty and pub.
            Material::MlDsa { level, encoded } => vec![
                ("alg", level.name().to_owned()),
                ("kty", "AKP".to_owned()),
                ("pub", encode(encoded)),
            ],
        }
    }
}

/// A dotted OID with its name when it is a known algorithm or curve.
pub fn oid_name(oid: ObjectIdentifier) -> String {
    let dotted = oid.to_string();
    match OTHER_OIDS.iter().find(|(o, _)| *o == dotted) {
        Some((_, name)) => format!("{name} ({dotted})"),
        None => format!("OID {dotted}"),
    }
}
