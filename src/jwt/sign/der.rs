//! DER and PEM for private keys: reading PKCS #8, PKCS #1 and SEC 1, and
//! writing PKCS #8 and SubjectPublicKeyInfo.
//!
//! Every structure is written here with the `der` crate rather than through
//! each key crate's own encoder, so all key types share one path and one set
//! of error messages.

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier, OctetStringRef};
use der::{Decode, Encode};
use pkcs8::PrivateKeyInfoRef;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};

use super::alg::MlDsaLevel;
use super::error::SignError;
use super::mldsa::MlDsaKey;
use super::private::Secret;
use super::public;
use crate::jwt::base64url;
use crate::jwt::keys::{Curve, oid_name};

pub(super) const RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
pub(super) const RSASSA_PSS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
pub(super) const EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub(super) const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
/// id-ml-dsa-44, -65 and -87 (RFC 9881), as the keys module reads them.
pub(super) const ML_DSA: [(ObjectIdentifier, MlDsaLevel); 3] = crate::jwt::keys::ML_DSA_OIDS;
const CURVES: [(ObjectIdentifier, Curve); 3] = [
    (
        ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7"),
        Curve::P256,
    ),
    (ObjectIdentifier::new_unwrap("1.3.132.0.34"), Curve::P384),
    (ObjectIdentifier::new_unwrap("1.3.132.0.35"), Curve::P521),
];

pub(super) fn curve_oid(curve: Curve) -> ObjectIdentifier {
    CURVES
        .iter()
        .find(|(_, c)| *c == curve)
        .map_or(CURVES[0].0, |(oid, _)| *oid)
}

fn der_error(what: &'static str) -> impl Fn(der::Error) -> SignError {
    move |e| SignError::Der {
        what,
        reason: e.to_string(),
    }
}

/// A key from a DER PKCS #8 `PrivateKeyInfo` or `OneAsymmetricKey`.
pub(super) fn from_pkcs8(bytes: &[u8]) -> Result<Secret, SignError> {
    let info = PrivateKeyInfoRef::from_der(bytes).map_err(der_error("PKCS #8 private key"))?;
    let oid = info.algorithm.oid;
    let private = info.private_key.as_bytes();
    let secret = if oid == RSA_ENCRYPTION || oid == RSASSA_PSS {
        from_pkcs1(private).map(|s| match s {
            Secret::Rsa { key, .. } => Secret::Rsa {
                key,
                pss_only: oid == RSASSA_PSS,
            },
            other => other,
        })?
    } else if oid == EC_PUBLIC_KEY {
        let curve = info
            .algorithm
            .parameters
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
            .ok_or_else(|| SignError::Der {
                what: "PKCS #8 EC private key",
                reason: "its parameters do not name a curve".to_owned(),
            })?;
        sec1_key(private, Some(curve))?
    } else if oid == ED25519 {
        let seed = <&OctetStringRef>::from_der(private)
            .map_err(der_error("PKCS #8 Ed25519 private key"))?;
        ed25519(seed.as_bytes())?
    } else if let Some((_, level)) = ML_DSA.iter().find(|(o, _)| *o == oid) {
        Secret::MlDsa(ml_dsa(*level, private)?)
    } else {
        return Err(SignError::KeyAlgorithm {
            name: oid_name(oid),
        });
    };
    // RFC 5958's optional public key must be this key's (a file pieced
    // together from two keys would sign with one and name the other).
    if let Some(written) = info.public_key.and_then(|b| b.as_bytes()) {
        let own = public::raw_public(&secret);
        if written != own.as_slice() {
            return Err(SignError::Mismatch {
                what: "the public key inside the PKCS #8 file is not the private key's".to_owned(),
            });
        }
    }
    Ok(secret)
}

/// An RSA key from a DER PKCS #1 `RSAPrivateKey`.
pub(super) fn from_pkcs1(bytes: &[u8]) -> Result<Secret, SignError> {
    let key = rsa::PrivateKey::from_pkcs1_der(bytes).map_err(|e| SignError::Rsa {
        reason: match e {
            rsa::pkcs1::Error::Version => {
                "it has more than two primes, which JWT Lens does not read".to_owned()
            }
            rsa::pkcs1::Error::KeyMalformed => {
                "its numbers are not a consistent RSA key (n is not p·q, or d does not invert e)"
                    .to_owned()
            }
            other => other.to_string(),
        },
    })?;
    Ok(Secret::Rsa {
        key: Box::new(key),
        pss_only: false,
    })
}

/// An EC key from a DER SEC 1 `ECPrivateKey` (RFC 5915), on `curve` when
/// the PKCS #8 wrapper named it, else on the curve its own parameters name.
pub(super) fn sec1_key(bytes: &[u8], curve: Option<ObjectIdentifier>) -> Result<Secret, SignError> {
    let key = sec1::EcPrivateKey::from_der(bytes).map_err(der_error("SEC 1 EC private key"))?;
    let inner = key.parameters.and_then(|p| p.named_curve());
    let Some(oid) = curve.or(inner) else {
        return Err(SignError::Der {
            what: "SEC 1 EC private key",
            reason: "it names no curve".to_owned(),
        });
    };
    if let (Some(outer), Some(inner)) = (curve, inner)
        && outer != inner
    {
        return Err(SignError::Mismatch {
            what: "the PKCS #8 wrapper and the EC key inside it name different curves".to_owned(),
        });
    }
    let Some((_, curve)) = CURVES.iter().find(|(o, _)| *o == oid) else {
        return Err(SignError::Curve {
            name: oid_name(oid),
        });
    };
    let secret = ec(*curve, key.private_key)?;
    if let Some(written) = key.public_key
        && written != public::raw_public(&secret).as_slice()
    {
        return Err(SignError::Mismatch {
            what: "the public key inside the EC private key is not the private scalar's".to_owned(),
        });
    }
    Ok(secret)
}

/// An EC key from its private scalar, big-endian (shorter scalars, which some
/// encoders write without leading zeros, are padded).
pub(super) fn ec(curve: Curve, scalar: &[u8]) -> Result<Secret, SignError> {
    let n = curve.field_bytes();
    if scalar.len() > n {
        return Err(SignError::Scalar {
            curve: curve.name(),
        });
    }
    let mut padded = vec![0u8; n - scalar.len()];
    padded.extend_from_slice(scalar);
    let bad = |_| SignError::Scalar {
        curve: curve.name(),
    };
    Ok(match curve {
        Curve::P256 => Secret::P256(Box::new(
            p256::ecdsa::SigningKey::from_slice(&padded).map_err(bad)?,
        )),
        Curve::P384 => Secret::P384(Box::new(
            p384::ecdsa::SigningKey::from_slice(&padded).map_err(bad)?,
        )),
        Curve::P521 => Secret::P521(Box::new(
            p521::ecdsa::SigningKey::from_slice(&padded).map_err(bad)?,
        )),
    })
}

/// An Ed25519 key from its 32-byte seed (RFC 8032 §5.1.5).
pub(super) fn ed25519(seed: &[u8]) -> Result<Secret, SignError> {
    let seed: [u8; 32] = seed.try_into().map_err(|_| SignError::Der {
        what: "Ed25519 private key",
        reason: format!("it is {} bytes; an Ed25519 private key is 32", seed.len()),
    })?;
    Ok(Secret::Ed25519(Box::new(
        ed25519_dalek::SigningKey::from_bytes(&seed),
    )))
}

/// An ML-DSA key from the PKCS #8 `ML-DSA-PrivateKey` CHOICE (RFC 9881 §6):
/// `seed [0]`, `expandedKey`, or `both`. JOSE keeps only the seed, so a key
/// without one is refused, and `both` must agree with its seed.
fn ml_dsa(level: MlDsaLevel, private: &[u8]) -> Result<MlDsaKey, SignError> {
    let what = "PKCS #8 ML-DSA private key";
    let seed_of = |bytes: &[u8]| -> Result<[u8; 32], SignError> {
        bytes.try_into().map_err(|_| SignError::Der {
            what,
            reason: format!("its seed is {} bytes; ML-DSA seeds are 32", bytes.len()),
        })
    };
    match private.first() {
        Some(0x80) => {
            let seed = private.get(2..).filter(|_| private.get(1) == Some(&32));
            let seed = seed_of(seed.unwrap_or_default())?;
            Ok(MlDsaKey::from_seed(level, &seed))
        }
        Some(0x30) => {
            let mut reader = der::SliceReader::new(private).map_err(der_error(what))?;
            let (seed, expanded) = der::Reader::sequence(&mut reader, |r| {
                let seed = <&OctetStringRef>::decode(r)?;
                let expanded = <&OctetStringRef>::decode(r)?;
                Ok((seed.as_bytes(), expanded.as_bytes()))
            })
            .map_err(der_error(what))?;
            let key = MlDsaKey::from_seed(level, &seed_of(seed)?);
            if key.expanded_bytes() != expanded {
                return Err(SignError::Mismatch {
                    what: "the expanded ML-DSA private key is not the one its seed expands to"
                        .to_owned(),
                });
            }
            Ok(key)
        }
        Some(0x04) => Err(SignError::Der {
            what,
            reason: "it holds only the expanded private key, without the 32-byte seed that \
                     JOSE's AKP keys carry (RFC 9964 §3); export it with its seed"
                .to_owned(),
        }),
        _ => Err(SignError::Der {
            what,
            reason: "it is neither a seed, an expanded key nor both (RFC 9881 §6)".to_owned(),
        }),
    }
}

/// The DER PKCS #8 `PrivateKeyInfo` (version 1, RFC 5208) of a key.
pub(super) fn to_pkcs8(secret: &Secret) -> Result<Vec<u8>, SignError> {
    let encode_error = |e: der::Error| SignError::Failed {
        reason: format!("could not encode the key: {e}"),
    };
    let (oid, params, private): (ObjectIdentifier, Option<AnyRef<'static>>, Vec<u8>) = match secret
    {
        Secret::Rsa { key, pss_only } => {
            let pkcs1 = key.to_pkcs1_der().map_err(|e| SignError::Failed {
                reason: format!("could not encode the RSA key: {e}"),
            })?;
            if *pss_only {
                (RSASSA_PSS, None, pkcs1.as_bytes().to_vec())
            } else {
                // RFC 3279 §2.3.1: rsaEncryption's parameters are NULL.
                (
                    RSA_ENCRYPTION,
                    Some(AnyRef::NULL),
                    pkcs1.as_bytes().to_vec(),
                )
            }
        }
        Secret::P256(_) | Secret::P384(_) | Secret::P521(_) => {
            let Some((curve, scalar)) = public::ec_scalar(secret) else {
                return Err(SignError::Failed {
                    reason: "an EC key without its scalar".to_owned(),
                });
            };
            let point = public::raw_public(secret);
            // RFC 5915 §3 inside PKCS #8: the curve is in the algorithm
            // identifier, so the inner parameters are left out; the public
            // key stays, as OpenSSL and WebCrypto write it.
            let inner = sec1::EcPrivateKey {
                private_key: &scalar,
                parameters: None,
                public_key: Some(&point),
            }
            .to_der()
            .map_err(encode_error)?;
            let oid = curve_oid(curve);
            let params = AnyRef::from(&oid).to_der().map_err(encode_error)?;
            return write_pkcs8(EC_PUBLIC_KEY, Some(&params), &inner).map_err(encode_error);
        }
        Secret::Ed25519(k) => {
            let inner = OctetStringRef::new(k.as_bytes())
                .and_then(|o| o.to_der())
                .map_err(encode_error)?;
            (ED25519, None, inner)
        }
        Secret::MlDsa(k) => {
            let Some((oid, _)) = ML_DSA.iter().find(|(_, l)| *l == k.level()) else {
                return Err(SignError::Failed {
                    reason: "no OID for this ML-DSA parameter set".to_owned(),
                });
            };
            // seed [0] IMPLICIT OCTET STRING (SIZE (32)).
            let mut inner = vec![0x80, 32];
            inner.extend_from_slice(&k.seed());
            (*oid, None, inner)
        }
    };
    let params = params
        .map(|p| p.to_der())
        .transpose()
        .map_err(encode_error)?;
    write_pkcs8(oid, params.as_deref(), &private).map_err(encode_error)
}

/// `PrivateKeyInfo { version 0, algorithm, privateKey }`; `params` is the
/// algorithm's parameters as DER, when it has any.
fn write_pkcs8(
    oid: ObjectIdentifier,
    params: Option<&[u8]>,
    private: &[u8],
) -> der::Result<Vec<u8>> {
    let parameters = params.map(AnyRef::from_der).transpose()?;
    let info = PrivateKeyInfoRef::new(
        AlgorithmIdentifierRef { oid, parameters },
        OctetStringRef::new(private)?,
    );
    info.to_der()
}

/// The DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) for `key_bits` under
/// `oid`, with `params` (DER) when the algorithm has any.
pub(super) fn write_spki(
    oid: ObjectIdentifier,
    params: Option<&[u8]>,
    key_bits: &[u8],
) -> der::Result<Vec<u8>> {
    let parameters = params.map(AnyRef::from_der).transpose()?;
    SubjectPublicKeyInfoRef {
        algorithm: AlgorithmIdentifierRef { oid, parameters },
        subject_public_key: BitStringRef::from_bytes(key_bits)?,
    }
    .to_der()
}

/// PEM text (RFC 7468): `label` lines around base64 in 64-column lines,
/// ending in a line break.
pub fn pem(label: &str, der: &[u8]) -> String {
    let body = base64url::encode_standard(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}
