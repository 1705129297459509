//! The left-half hashes of OpenID Connect Core §3.1.3.6 (`at_hash`),
//! §3.3.2.11 (`c_hash`) and FAPI 1.0 Advanced §5.1 (`s_hash`).

use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::jwt::base64url;

/// The hash a token's `alg` implies: SHA-256 for `*256`, SHA-384 for
/// `*384`, SHA-512 for `*512` and for `EdDSA` (OpenID Connect Core errata
/// set 2: Ed25519 uses SHA-512). `None` for an `alg` with no hash (`none`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashAlg {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl HashAlg {
    /// The hash for an ID token's `alg`.
    pub fn for_alg(alg: &str) -> Option<HashAlg> {
        if alg.ends_with("256") {
            Some(HashAlg::Sha256)
        } else if alg.ends_with("384") {
            Some(HashAlg::Sha384)
        } else if alg.ends_with("512") || alg == "EdDSA" || alg == "Ed25519" {
            Some(HashAlg::Sha512)
        } else {
            None
        }
    }

    /// `SHA-256`, … for messages.
    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha256 => "SHA-256",
            HashAlg::Sha384 => "SHA-384",
            HashAlg::Sha512 => "SHA-512",
        }
    }
}

/// base64url of the left half of the hash of `value`'s ASCII bytes.
pub fn half_hash(alg: HashAlg, value: &str) -> String {
    let digest: Vec<u8> = match alg {
        HashAlg::Sha256 => Sha256::digest(value.as_bytes()).to_vec(),
        HashAlg::Sha384 => Sha384::digest(value.as_bytes()).to_vec(),
        HashAlg::Sha512 => Sha512::digest(value.as_bytes()).to_vec(),
    };
    base64url::encode(digest.get(..digest.len() / 2).unwrap_or(&[]))
}
