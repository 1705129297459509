//! ECDH-ES key agreement (RFC 7518 §4.6, RFC 8037 §3.2): the shared secret
//! with the token's ephemeral key `epk`, then the Concat KDF of NIST SP
//! 800-56A §5.8.1 with `apu` and `apv`.

use sha2::{Digest, Sha256};

use super::error::{JweError, JwePart};
use super::header;
use super::parse::bytes;
use super::private::{EcSecret, PrivateKey};
use crate::jwt::json::Json;
use crate::jwt::keys::Curve;

fn epk_error(reason: impl Into<String>) -> JweError {
    JweError::Epk {
        reason: reason.into(),
    }
}

/// A base64url member of `epk` of exactly `len` bytes.
fn coordinate(epk: &Json, name: &'static str, len: usize) -> Result<Vec<u8>, JweError> {
    let Some(Json::String(text)) = epk.get(name) else {
        return Err(epk_error(format!("has no \"{name}\" string")));
    };
    let value = bytes(text, JwePart::Param("epk"))?;
    if value.len() != len {
        return Err(epk_error(format!(
            "\"{name}\" is {} bytes; its curve needs exactly {len}",
            value.len()
        )));
    }
    Ok(value)
}

/// The shared secret Z between `key` and the header's `epk`.
///
/// # Errors
///
/// [`JweError::MissingParam`] or [`JweError::Epk`] for a missing or bad
/// `epk` (including a point not on its curve), [`JweError::WrongCurve`] or
/// [`JweError::WrongKeyType`]-style mismatches as `WrongCurve`, and
/// [`JweError::LowOrderPoint`] for an X25519 point that gives zero.
pub(super) fn shared_secret(key: &PrivateKey, head: &Json) -> Result<Vec<u8>, JweError> {
    let epk = head
        .get("epk")
        .ok_or(JweError::MissingParam { name: "epk" })?;
    if epk.members().is_none() {
        return Err(epk_error(format!(
            "must be a JWK object, it is {}",
            epk.type_name()
        )));
    }
    let crv = match epk.get("crv") {
        Some(Json::String(c)) => c.as_str(),
        _ => return Err(epk_error("has no \"crv\" string")),
    };
    let key_curve = match key {
        PrivateKey::Ec(secret) => secret.curve().name(),
        _ => "X25519",
    };
    let epk_curve = match (epk.get("kty").and_then(Json::as_str), crv) {
        (Some("OKP"), "X25519") => "X25519",
        (Some("EC"), name) => Curve::from_name(name)
            .map(Curve::name)
            .ok_or_else(|| epk_error(format!("is on {name}, which JWT Lens does not decrypt")))?,
        (kty, name) => {
            return Err(epk_error(format!(
                "is a {} key on {name}; ECDH-ES needs an EC (P-256, P-384, P-521) or OKP X25519 \
                 key",
                kty.unwrap_or("(no kty)")
            )));
        }
    };
    if epk_curve != key_curve {
        return Err(JweError::WrongCurve {
            key: key_curve,
            epk: epk_curve,
        });
    }
    match key {
        PrivateKey::X25519(secret) => {
            let x: [u8; 32] = coordinate(epk, "x", 32)?
                .try_into()
                .map_err(|_| epk_error("\"x\" is not 32 bytes"))?;
            let shared = secret.diffie_hellman(&x25519_dalek::PublicKey::from(x));
            // RFC 7748 §6.1: an all-zero result means a low-order point.
            if !shared.was_contributory() {
                return Err(JweError::LowOrderPoint);
            }
            Ok(shared.as_bytes().to_vec())
        }
        PrivateKey::Ec(secret) => {
            let n = secret.curve().field_bytes();
            let mut point = vec![0x04];
            point.extend(coordinate(epk, "x", n)?);
            point.extend(coordinate(epk, "y", n)?);
            let off_curve = || epk_error(format!("is not a point on {epk_curve}"));
            // `from_sec1_bytes` checks the point is on the curve, which
            // stops invalid-curve attacks on the static key.
            Ok(match secret {
                EcSecret::P256(s) => s
                    .diffie_hellman(
                        &p256::PublicKey::from_sec1_bytes(&point).map_err(|_| off_curve())?,
                    )
                    .raw_secret_bytes()
                    .to_vec(),
                EcSecret::P384(s) => s
                    .diffie_hellman(
                        &p384::PublicKey::from_sec1_bytes(&point).map_err(|_| off_curve())?,
                    )
                    .raw_secret_bytes()
                    .to_vec(),
                EcSecret::P521(s) => s
                    .diffie_hellman(
                        &p521::PublicKey::from_sec1_bytes(&point).map_err(|_| off_curve())?,
                    )
                    .raw_secret_bytes()
                    .to_vec(),
            })
        }
        // The caller passes only EC and X25519 keys.
        _ => Err(epk_error("cannot be combined with this key")),
    }
}

/// The Concat KDF (NIST SP 800-56A §5.8.1 with SHA-256, as RFC 7518
/// §4.6.2 fixes it): `len` bytes from Z, with AlgorithmID `algorithm`
/// (the `enc` for direct agreement, the `alg` with key wrap), PartyUInfo
/// `apu` and PartyVInfo `apv`, each length-prefixed, and SuppPubInfo the
/// key length in bits.
pub fn concat_kdf(z: &[u8], algorithm: &str, apu: &[u8], apv: &[u8], len: usize) -> Vec<u8> {
    let prefixed = |data: &[u8]| {
        let mut out = u32::try_from(data.len())
            .unwrap_or(u32::MAX)
            .to_be_bytes()
            .to_vec();
        out.extend_from_slice(data);
        out
    };
    let mut other_info = prefixed(algorithm.as_bytes());
    other_info.extend(prefixed(apu));
    other_info.extend(prefixed(apv));
    other_info.extend(u32::try_from(len * 8).unwrap_or(u32::MAX).to_be_bytes());
    let mut out = Vec::with_capacity(len + 32);
    let mut counter: u32 = 1;
    while out.len() < len {
        let mut hash = Sha256::new();
        hash.update(counter.to_be_bytes());
        hash.update(z);
        hash.update(&other_info);
        out.extend_from_slice(&hash.finalize());
        counter += 1;
    }
    out.truncate(len);
    out
}

/// The key ECDH-ES derives for `algorithm`: `len` bytes from the shared
/// secret with the header's `epk`, `apu` and `apv`.
pub(super) fn derive(
    key: &PrivateKey,
    head: &Json,
    algorithm: &str,
    len: usize,
) -> Result<Vec<u8>, JweError> {
    let apu = header::b64(head, "apu")?.unwrap_or_default();
    let apv = header::b64(head, "apv")?.unwrap_or_default();
    let z = shared_secret(key, head)?;
    Ok(concat_kdf(&z, algorithm, &apu, &apv, len))
}
