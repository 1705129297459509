//! Why a JWS JSON serialization, or one of its signatures, cannot be read.

use std::fmt;

/// A JWS JSON serialization that cannot be read (RFC 7515 §7.2), or a
/// signature in it that cannot be checked. `Display` is the page's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JwsJsonError {
    /// Not a JWS JSON serialization at all, or a malformed one.
    Malformed { reason: String },
    /// A header parameter in both the protected and the unprotected header,
    /// which RFC 7515 §7.2.1 requires to be disjoint.
    Duplicate { name: String },
    /// `b64` or `crit` outside the protected header (RFC 7797 §3, RFC 7515
    /// §4.1.11 require them protected).
    Unprotected { name: &'static str },
}

impl fmt::Display for JwsJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JwsJsonError::Malformed { reason } => {
                write!(f, "not a JWS JSON serialization (RFC 7515 §7.2): {reason}")
            }
            JwsJsonError::Duplicate { name } => write!(
                f,
                "header parameter \"{name}\" is in both the protected and the unprotected header; \
                 RFC 7515 §7.2.1 requires them disjoint"
            ),
            JwsJsonError::Unprotected { name } => write!(
                f,
                "\"{name}\" is in the unprotected header, where anyone can change it; it must be \
                 in the protected header (RFC 7797 §3, RFC 7515 §4.1.11)"
            ),
        }
    }
}

impl std::error::Error for JwsJsonError {}
