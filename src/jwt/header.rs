//! The `alg` header parameter and what it implies about the signature.

use std::fmt;

/// A JWS `alg` value (RFC 7515 §4.1.1), from the registry of RFC 7518 §3.1,
/// RFC 8037 and RFC 8812, or whatever else the token says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Alg {
    /// HMAC with SHA-2 (RFC 7518 §3.2): `HS256`, `HS384`, `HS512`.
    Hmac(HmacAlg),
    /// RSASSA-PKCS1-v1_5 (RFC 7518 §3.3): `RS256`, `RS384`, `RS512`.
    Rsa(u16),
    /// RSASSA-PSS (RFC 7518 §3.5): `PS256`, `PS384`, `PS512`.
    RsaPss(u16),
    /// ECDSA (RFC 7518 §3.4, RFC 8812): `ES256`, `ES384`, `ES512`, `ES256K`.
    Ecdsa(&'static str),
    /// EdDSA (RFC 8037 §3.1, and `Ed25519` of RFC 9864).
    EdDsa(&'static str),
    /// `none`: an unsecured JWS with no signature (RFC 7518 §3.6).
    None,
    /// Any other value, kept as written.
    Unknown(String),
}

/// The HMAC algorithms JWT Lens verifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HmacAlg {
    /// HMAC using SHA-256.
    Hs256,
    /// HMAC using SHA-384.
    Hs384,
    /// HMAC using SHA-512.
    Hs512,
}

impl HmacAlg {
    /// Every supported algorithm, in order.
    pub const ALL: [HmacAlg; 3] = [HmacAlg::Hs256, HmacAlg::Hs384, HmacAlg::Hs512];

    /// The `alg` value, such as `HS256`.
    pub fn name(self) -> &'static str {
        match self {
            HmacAlg::Hs256 => "HS256",
            HmacAlg::Hs384 => "HS384",
            HmacAlg::Hs512 => "HS512",
        }
    }

    /// Length of the MAC in bytes, which is also the minimum key length that
    /// RFC 7518 §3.2 asks for.
    pub fn output_len(self) -> usize {
        match self {
            HmacAlg::Hs256 => 32,
            HmacAlg::Hs384 => 48,
            HmacAlg::Hs512 => 64,
        }
    }

    /// Parses `HS256`, `HS384` or `HS512`.
    pub fn from_name(name: &str) -> Option<HmacAlg> {
        HmacAlg::ALL.into_iter().find(|alg| alg.name() == name)
    }
}

impl fmt::Display for HmacAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How long a signature should be for an `alg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureLength {
    /// Exactly this many bytes.
    Exact(usize),
    /// As many bytes as the RSA modulus: 256 for a 2048-bit key.
    RsaModulus,
    /// Unknown algorithm: nothing to compare against.
    Unknown,
}

impl Alg {
    /// Reads an `alg` value. Names are case-sensitive (RFC 7515 §4.1.1).
    pub fn parse(name: &str) -> Alg {
        if let Some(hmac) = HmacAlg::from_name(name) {
            return Alg::Hmac(hmac);
        }
        match name {
            "RS256" => Alg::Rsa(256),
            "RS384" => Alg::Rsa(384),
            "RS512" => Alg::Rsa(512),
            "PS256" => Alg::RsaPss(256),
            "PS384" => Alg::RsaPss(384),
            "PS512" => Alg::RsaPss(512),
            "ES256" => Alg::Ecdsa("ES256"),
            "ES384" => Alg::Ecdsa("ES384"),
            "ES512" => Alg::Ecdsa("ES512"),
            "ES256K" => Alg::Ecdsa("ES256K"),
            "EdDSA" => Alg::EdDsa("EdDSA"),
            "Ed25519" => Alg::EdDsa("Ed25519"),
            "Ed448" => Alg::EdDsa("Ed448"),
            "none" => Alg::None,
            other => Alg::Unknown(other.to_owned()),
        }
    }

    /// Whether this is an ML-DSA `alg` (`ML-DSA-44`, `ML-DSA-65`,
    /// `ML-DSA-87`, RFC 9964). They stay [`Alg::Unknown`] names, which no
    /// HMAC or classic key matches; the keys module verifies them with an
    /// AKP key (`keys::is_public_key_alg`).
    pub fn is_ml_dsa(&self) -> bool {
        matches!(self, Alg::Unknown(name) if matches!(name.as_str(), "ML-DSA-44" | "ML-DSA-65" | "ML-DSA-87"))
    }

    /// What the signature's length must be for this algorithm.
    pub fn signature_length(&self) -> SignatureLength {
        match self {
            Alg::Hmac(h) => SignatureLength::Exact(h.output_len()),
            Alg::Rsa(_) | Alg::RsaPss(_) => SignatureLength::RsaModulus,
            Alg::Ecdsa("ES256" | "ES256K") => SignatureLength::Exact(64),
            Alg::Ecdsa("ES384") => SignatureLength::Exact(96),
            Alg::Ecdsa(_) => SignatureLength::Exact(132),
            Alg::EdDsa("Ed448") => SignatureLength::Exact(114),
            Alg::EdDsa(_) => SignatureLength::Exact(64),
            Alg::None => SignatureLength::Exact(0),
            // FIPS 204 Table 2.
            Alg::Unknown(name) => match name.as_str() {
                "ML-DSA-44" => SignatureLength::Exact(2420),
                "ML-DSA-65" => SignatureLength::Exact(3309),
                "ML-DSA-87" => SignatureLength::Exact(4627),
                _ => SignatureLength::Unknown,
            },
        }
    }

    /// A sentence fragment saying whether `len` signature bytes fit this `alg`.
    pub fn judge_signature_length(&self, len: usize) -> (bool, String) {
        match self.signature_length() {
            SignatureLength::Exact(0) if len == 0 => (true, "empty, as alg none requires".into()),
            SignatureLength::Exact(0) => (
                false,
                format!("alg none requires an empty signature, but it has {len} bytes"),
            ),
            SignatureLength::Exact(n) if n == len => {
                (true, format!("{len} bytes, as {self} requires"))
            }
            SignatureLength::Exact(n) => (
                false,
                format!("{self} signatures are {n} bytes, this one is {len}"),
            ),
            SignatureLength::RsaModulus if len >= 256 && len.is_multiple_of(64) => {
                (true, format!("{len} bytes: a {}-bit RSA key", len * 8))
            }
            SignatureLength::RsaModulus if len > 0 => (
                false,
                format!(
                    "{len} bytes: a {}-bit RSA key, below the 2048 bits RFC 7518 §3.3 requires",
                    len * 8
                ),
            ),
            SignatureLength::RsaModulus => (
                false,
                format!("{self} requires a signature, this one is empty"),
            ),
            SignatureLength::Unknown => (
                true,
                format!("{len} bytes (unknown alg, nothing to compare)"),
            ),
        }
    }
}

impl fmt::Display for Alg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Alg::Hmac(h) => f.write_str(h.name()),
            Alg::Rsa(bits) => write!(f, "RS{bits}"),
            Alg::RsaPss(bits) => write!(f, "PS{bits}"),
            Alg::Ecdsa(name) | Alg::EdDsa(name) => f.write_str(name),
            Alg::None => f.write_str("none"),
            Alg::Unknown(name) => f.write_str(name),
        }
    }
}
