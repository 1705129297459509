//! Private keys from DER: PKCS #8 `PrivateKeyInfo` (RFC 5208, RFC 8410 for
//! X25519), PKCS #1 `RSAPrivateKey` (RFC 8017 §A.1.2) and SEC 1
//! `ECPrivateKey` (RFC 5915).

use der::Decode;
use der::asn1::ObjectIdentifier;

use super::error::JweError;
use super::private::PrivateKey;
use crate::jwt::keys::Curve;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");

fn unreadable(what: &str, reason: impl std::fmt::Display) -> JweError {
    JweError::KeyUnreadable {
        reason: format!("not a valid {what}: {reason}"),
    }
}

/// The curve an OID names, or an error naming the OID.
fn curve(oid: ObjectIdentifier) -> Result<Curve, JweError> {
    match oid {
        o if o == P256 => Ok(Curve::P256),
        o if o == P384 => Ok(Curve::P384),
        o if o == P521 => Ok(Curve::P521),
        other => Err(JweError::KeyUnreadable {
            reason: format!(
                "an EC key on curve OID {other}; JWT Lens decrypts with P-256, P-384 and P-521"
            ),
        }),
    }
}

/// A key from a PKCS #8 `PrivateKeyInfo` (PEM `PRIVATE KEY`).
///
/// # Errors
///
/// [`JweError::KeyUnreadable`] for malformed DER or an algorithm JWT Lens
/// does not decrypt with.
pub fn pkcs8(der: &[u8]) -> Result<PrivateKey, JweError> {
    let what = "PKCS #8 private key";
    let info = pkcs8::PrivateKeyInfoRef::from_der(der).map_err(|e| unreadable(what, e))?;
    let key = info.private_key.as_bytes();
    let oid = info.algorithm.oid;
    if oid == RSA_ENCRYPTION {
        return pkcs1(key);
    }
    if oid == EC_PUBLIC_KEY {
        let named = info
            .algorithm
            .parameters
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        return sec1(key, named);
    }
    if oid == X25519 {
        // RFC 8410 §7: the key is an OCTET STRING inside the OCTET STRING.
        let inner = <&der::asn1::OctetStringRef>::from_der(key).map_err(|e| unreadable(what, e))?;
        return PrivateKey::x25519(inner.as_bytes());
    }
    if oid == ED25519 {
        return Err(JweError::KeyUnreadable {
            reason: "an Ed25519 key signs; it cannot decrypt (X25519 is the key-agreement curve)"
                .to_owned(),
        });
    }
    Err(JweError::KeyUnreadable {
        reason: format!(
            "a PKCS #8 key for algorithm OID {oid}, which JWT Lens does not decrypt with"
        ),
    })
}

/// An RSA key from a PKCS #1 `RSAPrivateKey` (PEM `RSA PRIVATE KEY`).
///
/// # Errors
///
/// [`JweError::KeyUnreadable`] for malformed DER or numbers that are not a key.
pub fn pkcs1(der: &[u8]) -> Result<PrivateKey, JweError> {
    let key = pkcs1::RsaPrivateKeyRef::from_der(der)
        .map_err(|e| unreadable("PKCS #1 RSA private key", e))?;
    PrivateKey::rsa(
        key.modulus.as_bytes(),
        key.public_exponent.as_bytes(),
        key.private_exponent.as_bytes(),
        &[key.prime1.as_bytes(), key.prime2.as_bytes()],
    )
}

/// An EC key from a SEC 1 `ECPrivateKey` (PEM `EC PRIVATE KEY`), its curve
/// from `outer` (PKCS #8's parameters) or its own parameters.
///
/// # Errors
///
/// [`JweError::KeyUnreadable`] for malformed DER, a curve that is not named
/// or not one JWT Lens decrypts with, or a scalar out of range.
pub fn sec1(der: &[u8], outer: Option<ObjectIdentifier>) -> Result<PrivateKey, JweError> {
    let key =
        sec1::EcPrivateKey::from_der(der).map_err(|e| unreadable("SEC 1 EC private key", e))?;
    let oid = outer
        .or_else(|| key.parameters.and_then(|p| p.named_curve()))
        .ok_or_else(|| JweError::KeyUnreadable {
            reason: "the EC private key does not name its curve".to_owned(),
        })?;
    PrivateKey::ec(curve(oid)?, key.private_key)
}

/// A key from DER whose kind is unknown (base64 without PEM lines): PKCS #8
/// first, then PKCS #1, then SEC 1.
///
/// # Errors
///
/// The PKCS #8 error when none of the three reads.
pub fn any(der: &[u8]) -> Result<PrivateKey, JweError> {
    pkcs8(der).or_else(|e| pkcs1(der).or_else(|_| sec1(der, None)).map_err(|_| e))
}
