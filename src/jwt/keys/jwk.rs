//! JSON Web Keys (RFC 7517) and key sets, read with the core's own JSON reader.

use super::curve::Curve;
use super::error::KeyError;
use super::material::Material;
use super::mldsa::MlDsaLevel;
use crate::jwt::base64url::{self, Alphabet, Fault};
use crate::jwt::chars::describe;
use crate::jwt::json::Json;

/// What a JWK says about itself besides the key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JwkMeta {
    /// `kid`.
    pub kid: Option<String>,
    /// `alg`: the one algorithm this key is for, when set.
    pub alg: Option<String>,
    /// `use`: `sig` or `enc`.
    pub usage: Option<String>,
    /// `key_ops`, when present: the operations the key is for.
    pub key_ops: Option<Vec<String>>,
}

/// The metadata of `jwk`, readable even when its key is not.
pub fn meta(jwk: &Json) -> JwkMeta {
    let text = |name: &str| jwk.get(name).and_then(Json::as_str).map(str::to_owned);
    JwkMeta {
        kid: text("kid"),
        alg: text("alg"),
        usage: text("use"),
        key_ops: match jwk.get("key_ops") {
            Some(Json::Array(ops)) => Some(
                ops.iter()
                    .filter_map(|o| o.as_str().map(str::to_owned))
                    .collect(),
            ),
            _ => None,
        },
    }
}

/// The public key in one JWK.
///
/// # Errors
///
/// [`KeyError::Jwk`] naming the member that is missing or bad,
/// [`KeyError::Kty`] for key types that do not sign, and the errors of
/// [`Material`]'s constructors.
pub fn material(jwk: &Json) -> Result<Material, KeyError> {
    if jwk.members().is_none() {
        return Err(KeyError::Jwk {
            reason: format!("a JWK is a JSON object, this is {}", jwk.type_name()),
        });
    }
    let kty = member_str(jwk, "kty")?;
    match kty {
        "RSA" => Material::rsa(
            &member_bytes(jwk, "n", None)?,
            &member_bytes(jwk, "e", None)?,
        ),
        "EC" => {
            let crv = member_str(jwk, "crv")?;
            let Some(curve) = Curve::from_name(crv) else {
                return Err(KeyError::Curve {
                    name: crv.to_owned(),
                });
            };
            let n = curve.field_bytes();
            let mut point = vec![0x04];
            point.extend(member_bytes(jwk, "x", Some(n))?);
            point.extend(member_bytes(jwk, "y", Some(n))?);
            Material::ec(curve, &point)
        }
        "OKP" => match member_str(jwk, "crv")? {
            "Ed25519" => Material::ed25519(&member_bytes(jwk, "x", Some(32))?),
            "X25519" | "X448" => Err(KeyError::Jwk {
                reason: "an X25519 or X448 key is for key agreement, not signatures".to_owned(),
            }),
            other => Err(KeyError::Curve {
                name: other.to_owned(),
            }),
        },
        // RFC 9964 §2: the parameter set is the key's `alg`.
        "AKP" => {
            let alg = member_str(jwk, "alg")?;
            let Some(level) = MlDsaLevel::from_name(alg) else {
                return Err(KeyError::Jwk {
                    reason: format!(
                        "an AKP key's \"alg\" is \"{alg}\"; JWT Lens reads ML-DSA-44, ML-DSA-65 and ML-DSA-87"
                    ),
                });
            };
            Material::ml_dsa(level, &member_bytes(jwk, "pub", Some(level.public_len()))?)
        }
        other => Err(KeyError::Kty {
            kty: other.to_owned(),
        }),
    }
}

/// The most keys read from one JWKS. Real sets hold a handful; each key is
/// parsed (and, without a `kid`, tried) on the page's thread.
pub const MAX_JWKS_KEYS: usize = 100;

/// The entries of a JWKS, or `None` when `value` is not one.
///
/// # Errors
///
/// [`KeyError::Jwks`] when `keys` is not a non-empty array.
pub fn set(value: &Json) -> Option<Result<&[Json], KeyError>> {
    let keys = value.get("keys")?;
    Some(match keys {
        Json::Array(items) if items.len() > MAX_JWKS_KEYS => Err(KeyError::Jwks {
            reason: format!(
                "it has {} keys; JWT Lens reads sets of at most {MAX_JWKS_KEYS}",
                items.len()
            ),
        }),
        Json::Array(items) if !items.is_empty() => Ok(items.as_slice()),
        Json::Array(_) => Err(KeyError::Jwks {
            reason: "its \"keys\" array is empty".to_owned(),
        }),
        other => Err(KeyError::Jwks {
            reason: format!("\"keys\" must be an array, it is {}", other.type_name()),
        }),
    })
}

/// The string member `name` of a JWK.
///
/// # Errors
///
/// [`KeyError::Jwk`] when it is missing or not a string.
pub fn member_str<'a>(jwk: &'a Json, name: &str) -> Result<&'a str, KeyError> {
    match jwk.get(name) {
        Some(Json::String(s)) => Ok(s),
        Some(other) => Err(KeyError::Jwk {
            reason: format!("\"{name}\" must be a string, it is {}", other.type_name()),
        }),
        None => Err(KeyError::Jwk {
            reason: format!("the \"{name}\" member is missing"),
        }),
    }
}

/// What is wrong with a member's base64url, for a person: positions count
/// characters from 1 in the member's string value.
fn fault_words(fault: Fault) -> String {
    match fault {
        Fault::Char {
            position,
            character,
        } => format!(
            "is not base64url: character {position} ({}) is not in its alphabet",
            describe(character)
        ),
        Fault::Length { length } => {
            format!("is not base64url: {length} characters cannot encode whole bytes")
        }
        Fault::Padding { position } => {
            format!("is not base64url: misplaced '=' padding at character {position}")
        }
    }
}

/// A base64url member's bytes, of exactly `len` bytes when given
/// (RFC 7518 §6.2.1.2 fixes EC coordinates to the field size).
///
/// # Errors
///
/// [`KeyError::Jwk`] naming the member that is missing, not base64url or
/// of the wrong length.
pub fn member_bytes(jwk: &Json, name: &str, len: Option<usize>) -> Result<Vec<u8>, KeyError> {
    let text = member_str(jwk, name)?;
    let decoded = base64url::decode(text, Alphabet::Url).map_err(|fault| KeyError::Jwk {
        reason: format!("\"{name}\" {}", fault_words(fault)),
    })?;
    match len {
        Some(n) if decoded.bytes.len() != n => Err(KeyError::Jwk {
            reason: format!(
                "\"{name}\" is {} bytes; it must be exactly {n}",
                decoded.bytes.len()
            ),
        }),
        _ => Ok(decoded.bytes),
    }
}
