//! The hash named by `_sd_alg`, and disclosure digests (RFC 9901 §4.2.3, §4.1.1).

use std::fmt;

use sha2::{Digest, Sha256, Sha384, Sha512};

use super::super::base64url;

/// A hash algorithm from the IANA "Named Information Hash Algorithm"
/// registry that JWT Lens computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashAlg {
    /// `sha-256`, the default when `_sd_alg` is absent (RFC 9901 §4.1.1).
    Sha256,
    /// `sha-384`.
    Sha384,
    /// `sha-512`.
    Sha512,
}

impl HashAlg {
    /// The algorithm for an `_sd_alg` value (`None`: absent, so `sha-256`);
    /// `Err` with the name when it is one the page does not know.
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

    /// The registry name, such as `sha-256`.
    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha256 => "sha-256",
            HashAlg::Sha384 => "sha-384",
            HashAlg::Sha512 => "sha-512",
        }
    }

    /// The base64url digest of `text`'s ASCII bytes: how a disclosure is
    /// referenced, and how `sd_hash` is made (RFC 9901 §4.2.3, §4.3.1).
    pub fn digest(self, text: &str) -> String {
        let bytes = text.as_bytes();
        match self {
            HashAlg::Sha256 => base64url::encode(&Sha256::digest(bytes)),
            HashAlg::Sha384 => base64url::encode(&Sha384::digest(bytes)),
            HashAlg::Sha512 => base64url::encode(&Sha512::digest(bytes)),
        }
    }
}

impl fmt::Display for HashAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
