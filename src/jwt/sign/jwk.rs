//! Private JWKs: RSA (RFC 7518 §6.3.2), EC (§6.2.2), OKP Ed25519 (RFC 8037
//! §2) and AKP ML-DSA (RFC 9964 §2-3), read and written.
//!
//! A private JWK repeats its public members; they must be the public key of
//! the private ones, or the key would sign under one identity and publish
//! another.

use rsa::BoxedUint;
use rsa::pkcs1::EncodeRsaPrivateKey;

use super::alg::MlDsaLevel;
use super::der;
use super::error::SignError;
use super::mldsa::MlDsaKey;
use super::private::Secret;
use super::public::{self, PublicKey};
use crate::jwt::base64url;
use crate::jwt::json::Json;
use crate::jwt::keys::{Curve, jwk_member_bytes, jwk_member_str};

/// The key in a private JWK.
///
/// # Errors
///
/// [`SignError::Jwk`] naming a missing or bad member, [`SignError::Kty`],
/// [`SignError::Symmetric`], [`SignError::PublicOnly`] for a public JWK,
/// and [`SignError::Mismatch`] when the public members are another key's.
pub(super) fn read(jwk: &Json) -> Result<Secret, SignError> {
    if jwk.members().is_none() {
        return Err(SignError::Jwk(crate::jwt::keys::KeyError::Jwk {
            reason: format!("a JWK is a JSON object, this is {}", jwk.type_name()),
        }));
    }
    let kty = jwk_member_str(jwk, "kty").map_err(SignError::Jwk)?;
    let private = if kty == "AKP" { "priv" } else { "d" };
    if matches!(kty, "RSA" | "EC" | "OKP" | "AKP") && jwk.get(private).is_none() {
        return Err(SignError::PublicOnly {
            what: "a public JWK (it has no \"d\" or \"priv\" member)",
        });
    }
    let bytes =
        |name: &str, len: Option<usize>| jwk_member_bytes(jwk, name, len).map_err(SignError::Jwk);
    let secret = match kty {
        "RSA" => rsa(jwk)?,
        "EC" => {
            let crv = jwk_member_str(jwk, "crv").map_err(SignError::Jwk)?;
            let Some(curve) = Curve::from_name(crv) else {
                return Err(SignError::Curve {
                    name: crv.to_owned(),
                });
            };
            // RFC 7518 §6.2.2.1: "d" is exactly as long as the field.
            der::ec(curve, &bytes("d", Some(curve.field_bytes()))?)?
        }
        "OKP" => match jwk_member_str(jwk, "crv").map_err(SignError::Jwk)? {
            "Ed25519" => der::ed25519(&bytes("d", Some(32))?)?,
            other => {
                return Err(SignError::KeyAlgorithm {
                    name: format!("OKP {other}"),
                });
            }
        },
        "AKP" => {
            let alg = jwk_member_str(jwk, "alg").map_err(SignError::Jwk)?;
            let Some(level) = MlDsaLevel::from_name(alg) else {
                return Err(SignError::KeyAlgorithm {
                    name: format!("AKP {alg}"),
                });
            };
            let seed = bytes("priv", Some(32))?;
            let Ok(seed) = <[u8; 32]>::try_from(seed.as_slice()) else {
                return Err(SignError::Failed {
                    reason: "the seed is not 32 bytes".to_owned(),
                });
            };
            Secret::MlDsa(MlDsaKey::from_seed(level, &seed))
        }
        "oct" => return Err(SignError::Symmetric),
        other => {
            return Err(SignError::Kty {
                kty: other.to_owned(),
            });
        }
    };
    check_public_members(jwk, &secret)?;
    Ok(secret)
}

/// Refuses a JWK whose public members are not the private key's public key.
/// Every public member is required (RFC 7518 §6.2.1, §6.3.1, RFC 8037 §2,
/// RFC 9964 §2), and each is compared as the bytes it decodes to.
fn check_public_members(jwk: &Json, secret: &Secret) -> Result<(), SignError> {
    let own = secret.public_key();
    for (name, value) in own.jwk_members() {
        if matches!(name, "kty" | "crv" | "alg") {
            continue;
        }
        let written = jwk_member_bytes(jwk, name, None).map_err(SignError::Jwk)?;
        let expected = base64url_bytes(&value);
        if trim(&written) != trim(&expected) {
            return Err(SignError::Mismatch {
                what: format!("the JWK's \"{name}\" is not the public key of its private members"),
            });
        }
    }
    Ok(())
}

fn base64url_bytes(text: &str) -> Vec<u8> {
    crate::jwt::base64url::decode(text, crate::jwt::base64url::Alphabet::Url)
        .map(|d| d.bytes)
        .unwrap_or_default()
}

/// Leading zero bytes do not change a number (RFC 7518 §6.3.1.1 writes
/// none, some encoders do).
fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// An RSA key from `n`, `e`, `d` and, when present, `p`, `q`, `dp`, `dq`
/// and `qi`, which must then all be there (RFC 7518 §6.3.2) and agree.
fn rsa(jwk: &Json) -> Result<Secret, SignError> {
    let bytes = |name: &str| jwk_member_bytes(jwk, name, None).map_err(SignError::Jwk);
    if jwk.get("oth").is_some() {
        return Err(SignError::Rsa {
            reason: "it has more than two primes (\"oth\"), which JWT Lens does not read"
                .to_owned(),
        });
    }
    let n = bytes("n")?;
    let bits = |b: &[u8]| u32::try_from(b.len().max(1) * 8).unwrap_or(u32::MAX);
    let number = |b: &[u8], precision: u32, name: &str| {
        BoxedUint::from_be_slice(b, precision).map_err(|_| SignError::Rsa {
            reason: format!("\"{name}\" is longer than the modulus"),
        })
    };
    let precision = bits(&n);
    let e = bytes("e")?;
    let d = bytes("d")?;
    let crt = ["p", "q", "dp", "dq", "qi"];
    let present: Vec<&str> = crt.into_iter().filter(|m| jwk.get(m).is_some()).collect();
    let primes = match present.len() {
        0 => Vec::new(),
        5 => vec![
            number(&bytes("p")?, precision, "p")?,
            number(&bytes("q")?, precision, "q")?,
        ],
        _ => {
            let missing: Vec<&str> = crt.into_iter().filter(|m| !present.contains(m)).collect();
            return Err(SignError::Rsa {
                reason: format!(
                    "it has {} but not {}: RFC 7518 §6.3.2 wants all five or none",
                    present.join(", "),
                    missing.join(", ")
                ),
            });
        }
    };
    let key = rsa::PrivateKey::from_components(
        number(&n, precision, "n")?,
        number(&e, bits(&e), "e")?,
        number(&d, precision, "d")?,
        primes,
    )
    .map_err(|e| SignError::Rsa {
        reason: format!("its numbers are not a consistent RSA key ({e})"),
    })?;
    if present.len() == 5 {
        let own = rsa_members(&key)?;
        for name in ["dp", "dq", "qi"] {
            let written = bytes(name)?;
            let expected = own
                .iter()
                .find(|(m, _)| *m == name)
                .map(|(_, v)| base64url_bytes(v))
                .unwrap_or_default();
            if trim(&written) != trim(&expected) {
                return Err(SignError::Mismatch {
                    what: format!(
                        "the JWK's \"{name}\" does not follow from its \"d\", \"p\" and \"q\""
                    ),
                });
            }
        }
    }
    Ok(Secret::Rsa {
        key: Box::new(key),
        pss_only: false,
    })
}

/// The private members of an RSA key, base64url, in RFC 7518 §6.3.2 order.
fn rsa_members(key: &rsa::PrivateKey) -> Result<Vec<(&'static str, String)>, SignError> {
    let der = key.to_pkcs1_der().map_err(|e| SignError::Failed {
        reason: format!("could not encode the RSA key: {e}"),
    })?;
    let parts =
        <rsa::pkcs1::RsaPrivateKeyRef as ::der::Decode>::from_der(der.as_bytes()).map_err(|e| {
            SignError::Failed {
                reason: format!("could not read back the RSA key: {e}"),
            }
        })?;
    let b = |u: &rsa::pkcs1::UintRef| base64url::encode(u.as_bytes());
    Ok(vec![
        ("d", b(&parts.private_exponent)),
        ("p", b(&parts.prime1)),
        ("q", b(&parts.prime2)),
        ("dp", b(&parts.exponent1)),
        ("dq", b(&parts.exponent2)),
        ("qi", b(&parts.coefficient)),
    ])
}

/// The private JWK: the public members in RFC 7638 order, then the private
/// ones (`d`, `p`, `q`, `dp`, `dq`, `qi` for RSA, `d` for EC and OKP,
/// `priv` for AKP).
///
/// # Errors
///
/// [`SignError::Failed`] if an RSA key cannot be encoded.
pub(super) fn write(
    secret: &Secret,
    public: &PublicKey,
) -> Result<Vec<(&'static str, String)>, SignError> {
    let mut members = public.jwk_members();
    match secret {
        Secret::Rsa { key, .. } => members.extend(rsa_members(key)?),
        Secret::P256(_) | Secret::P384(_) | Secret::P521(_) => {
            if let Some((_, scalar)) = public::ec_scalar(secret) {
                members.push(("d", base64url::encode(&scalar)));
            }
        }
        Secret::Ed25519(k) => members.push(("d", base64url::encode(k.as_bytes()))),
        Secret::MlDsa(k) => members.push(("priv", base64url::encode(&k.seed()))),
    }
    Ok(members)
}
