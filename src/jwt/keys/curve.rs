//! The elliptic curves JWT Lens verifies ECDSA on, and their verifying keys.

use rsa::signature::Verifier;

use super::signature::Mismatch;

/// An elliptic curve JWT Lens verifies ECDSA on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// NIST P-256 (secp256r1), for ES256.
    P256,
    /// NIST P-384 (secp384r1), for ES384.
    P384,
    /// NIST P-521 (secp521r1), for ES512.
    P521,
}

impl Curve {
    /// The JWK `crv` name: `P-256`, `P-384`, `P-521`.
    pub fn name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
        }
    }

    /// Bytes in one coordinate, and so in each of ECDSA's `r` and `s`.
    pub fn field_bytes(self) -> usize {
        match self {
            Curve::P256 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
        }
    }

    /// The `alg` that signs with this curve.
    pub fn alg(self) -> &'static str {
        match self {
            Curve::P256 => "ES256",
            Curve::P384 => "ES384",
            Curve::P521 => "ES512",
        }
    }

    /// The curve whose JWK `crv` is `name`.
    pub fn from_name(name: &str) -> Option<Curve> {
        [Curve::P256, Curve::P384, Curve::P521]
            .into_iter()
            .find(|c| c.name() == name)
    }
}

/// An ECDSA verifying key on one of the curves JWT Lens verifies.
#[derive(Clone, Debug)]
pub enum EcKey {
    /// P-256, for ES256.
    P256(p256::ecdsa::VerifyingKey),
    /// P-384, for ES384.
    P384(p384::ecdsa::VerifyingKey),
    /// P-521, for ES512.
    P521(p521::ecdsa::VerifyingKey),
}

/// `$body` with `$key` bound to the curve's own verifying key: the three
/// curves' types differ, the code for them does not.
macro_rules! on_curve {
    ($ec:expr, $key:ident => $body:expr) => {
        match $ec {
            EcKey::P256($key) => $body,
            EcKey::P384($key) => $body,
            EcKey::P521($key) => $body,
        }
    };
}

impl EcKey {
    /// The point as uncompressed SEC1: `04 ‖ x ‖ y`.
    pub fn uncompressed(&self) -> Vec<u8> {
        on_curve!(self, k => k.to_sec1_point(false).as_bytes().to_vec())
    }

    /// Checks a JWS ECDSA signature (`r ‖ s`, RFC 7518 §3.4) over `message`,
    /// hashed with the curve's SHA-2.
    pub(super) fn verify(&self, message: &[u8], signature: &[u8]) -> Result<(), Mismatch> {
        on_curve!(self, k => {
            let signature = ecdsa::Signature::from_slice(signature).map_err(|_| Mismatch::Signature)?;
            k.verify(message, &signature).map_err(|_| Mismatch::Signature)
        })
    }
}
