//! [`SignatureStatus`]: what checking a signature came to, in the page's words.

use crate::jwt::header::{Alg, HmacAlg};
use crate::jwt::keys;

/// The outcome of checking a token's signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureStatus {
    /// The signature matches under `alg` and the secret or public key.
    Valid { alg: Alg },
    /// Checked and refused, with why.
    Invalid { alg: Alg, reason: String },
    /// Not checked: no secret yet, or nothing to check; with why.
    Unverified { reason: String },
    /// `alg: none`: there is no signature to check, and the token must not be trusted.
    Unsigned,
    /// The token's `alg` is not one JWT Lens can verify.
    Unsupported { alg: String },
}

impl SignatureStatus {
    /// The page's `data-state`: `valid`, `invalid`, `unverified`, `unsigned` or `unsupported`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SignatureStatus::Valid { .. } => "valid",
            SignatureStatus::Invalid { .. } => "invalid",
            SignatureStatus::Unverified { .. } => "unverified",
            SignatureStatus::Unsigned => "unsigned",
            SignatureStatus::Unsupported { .. } => "unsupported",
        }
    }

    /// One sentence for the page.
    pub fn message(&self) -> String {
        let mut supported = HmacAlg::ALL.map(HmacAlg::name).to_vec();
        supported.extend(keys::SUPPORTED);
        let supported = supported.join(", ");
        match self {
            SignatureStatus::Valid { alg } => {
                let with = if matches!(alg, Alg::Hmac(_)) { "secret" } else { "public key" };
                format!("Signature verified with {alg} and this {with}.")
            }
            SignatureStatus::Invalid { alg, reason } => format!("Invalid signature ({alg}): {reason}."),
            SignatureStatus::Unverified { reason } => format!("Not verified: {reason}."),
            SignatureStatus::Unsigned => {
                "Unsigned: alg is none, so there is no signature and anyone could have written this token.".to_owned()
            }
            SignatureStatus::Unsupported { alg } => {
                format!("Cannot verify alg {alg}: JWT Lens verifies {supported}.")
            }
        }
    }
}
