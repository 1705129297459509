//! SHA-2 chosen by name: the hashes that OpenID Connect's left-half claims
//! (`at_hash`, `c_hash`, `s_hash`) and SD-JWT's `_sd_alg` name, computed in
//! one place for both.

use std::fmt;

use sha2::{Digest, Sha256, Sha384, Sha512};

use super::base64url;

/// A SHA-2 hash JWT Lens computes.
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
    /// The hash a JWS `alg` implies for OpenID Connect's left-half hashes:
    /// SHA-256 for `*256`, SHA-384 for `*384`, SHA-512 for `*512` and for
    /// `EdDSA` (OpenID Connect Core errata set 2: Ed25519 uses SHA-512).
    /// `None` for an `alg` with no hash (`none`).
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

    /// The algorithm for an SD-JWT's `_sd_alg` (`None`: absent, so
    /// `sha-256`, RFC 9901 §4.1.1), named in the IANA "Named Information
    /// Hash Algorithm" registry.
    ///
    /// # Errors
    ///
    /// The name as written, when it is not `sha-256`, `sha-384` or `sha-512`.
    pub fn from_name(name: Option<&str>) -> Result<HashAlg, String> {
        match name {
            None | Some("sha-256") => Ok(HashAlg::Sha256),
            Some("sha-384") => Ok(HashAlg::Sha384),
            Some("sha-512") => Ok(HashAlg::Sha512),
            Some(other) => Err(other.to_owned()),
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

    /// The registry name, such as `sha-256`, as `_sd_alg` writes it.
    pub fn registry_name(self) -> &'static str {
        match self {
            HashAlg::Sha256 => "sha-256",
            HashAlg::Sha384 => "sha-384",
            HashAlg::Sha512 => "sha-512",
        }
    }

    /// The hash of `bytes`.
    pub fn hash(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            HashAlg::Sha256 => Sha256::digest(bytes).to_vec(),
            HashAlg::Sha384 => Sha384::digest(bytes).to_vec(),
            HashAlg::Sha512 => Sha512::digest(bytes).to_vec(),
        }
    }

    /// The base64url hash of `text`'s ASCII bytes: how an SD-JWT disclosure
    /// is referenced, and how `sd_hash` is made (RFC 9901 §4.2.3, §4.3.1).
    pub fn digest(self, text: &str) -> String {
        base64url::encode(&self.hash(text.as_bytes()))
    }
}

impl fmt::Display for HashAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.registry_name())
    }
}

/// base64url of the left half of the hash of `value`'s ASCII bytes
/// (OpenID Connect Core §3.1.3.6 `at_hash`, §3.3.2.11 `c_hash`; FAPI 1.0
/// Advanced §5.1 `s_hash`).
pub fn half_hash(alg: HashAlg, value: &str) -> String {
    let digest = alg.hash(value.as_bytes());
    base64url::encode(digest.get(..digest.len() / 2).unwrap_or(&[]))
}
