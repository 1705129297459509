//! Private and symmetric JSON Web Keys (RFC 7518 §6.2.2, §6.3.2, §6.4;
//! RFC 8037 §2 for X25519).

use super::error::JweError;
use super::private::PrivateKey;
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::json::Json;
use crate::jwt::keys::Curve;

fn bad(reason: String) -> JweError {
    JweError::KeyUnreadable {
        reason: format!("not a usable JWK: {reason}"),
    }
}

fn text<'a>(jwk: &'a Json, name: &str) -> Result<&'a str, JweError> {
    match jwk.get(name) {
        Some(Json::String(s)) => Ok(s),
        Some(other) => Err(bad(format!(
            "\"{name}\" must be a string, it is {}",
            other.type_name()
        ))),
        None => Err(bad(format!("the \"{name}\" member is missing"))),
    }
}

/// A base64url member's bytes (padding tolerated, as some tools write it).
fn bytes(jwk: &Json, name: &str) -> Result<Vec<u8>, JweError> {
    base64url::decode(text(jwk, name)?, Alphabet::Url)
        .map(|d| d.bytes)
        .map_err(|_| bad(format!("\"{name}\" is not base64url")))
}

/// The key in one JWK.
///
/// # Errors
///
/// [`JweError::PublicKeyOnly`] for a public JWK (no `d`),
/// [`JweError::KeyUnreadable`] for a missing or bad member or a key type
/// that does not decrypt.
pub fn key(jwk: &Json) -> Result<PrivateKey, JweError> {
    if jwk.members().is_none() {
        return Err(bad(format!(
            "a JWK is a JSON object, this is {}",
            jwk.type_name()
        )));
    }
    let kty = text(jwk, "kty")?;
    let public_only = |what: &str| JweError::PublicKeyOnly {
        what: format!("a public {what} JWK (it has no \"d\" member)"),
    };
    match kty {
        "oct" => Ok(PrivateKey::Octets(bytes(jwk, "k")?)),
        "RSA" if jwk.get("d").is_none() => Err(public_only("RSA")),
        "RSA" => {
            if jwk.get("oth").is_some() {
                return Err(bad("multi-prime RSA keys (\"oth\") are not read".to_owned()));
            }
            // The primes are optional (RFC 7518 §6.3.2); without them the
            // rsa crate recovers them from n, e and d.
            let primes = match (jwk.get("p"), jwk.get("q")) {
                (None, None) => Vec::new(),
                _ => vec![bytes(jwk, "p")?, bytes(jwk, "q")?],
            };
            let primes: Vec<&[u8]> = primes.iter().map(Vec::as_slice).collect();
            PrivateKey::rsa(
                &bytes(jwk, "n")?,
                &bytes(jwk, "e")?,
                &bytes(jwk, "d")?,
                &primes,
            )
        }
        "EC" => {
            let crv = text(jwk, "crv")?;
            let curve = Curve::from_name(crv).ok_or_else(|| JweError::KeyUnreadable {
                reason: format!(
                    "an EC key on {crv}; JWT Lens decrypts with P-256, P-384 and P-521"
                ),
            })?;
            if jwk.get("d").is_none() {
                return Err(public_only("EC"));
            }
            PrivateKey::ec(curve, &bytes(jwk, "d")?)
        }
        "OKP" => match text(jwk, "crv")? {
            "X25519" if jwk.get("d").is_none() => Err(public_only("X25519")),
            "X25519" => PrivateKey::x25519(&bytes(jwk, "d")?),
            "Ed25519" | "Ed448" => Err(JweError::KeyUnreadable {
                reason: "an Ed25519 or Ed448 key signs; it cannot decrypt (X25519 is the \
                         key-agreement curve)"
                    .to_owned(),
            }),
            other => Err(JweError::KeyUnreadable {
                reason: format!("an OKP key on {other}; JWT Lens decrypts with X25519"),
            }),
        },
        other => Err(bad(format!(
            "kty \"{other}\"; JWT Lens decrypts with RSA, EC, OKP (X25519) and oct keys"
        ))),
    }
}
