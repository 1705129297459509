//! [`SignatureStatus`] and its [`Reason`]s: what checking a signature came
//! to, with the page's words in one place.

use std::fmt;

use super::unencoded::B64Fault;
use crate::jwt::error::{Error, Part};
use crate::jwt::header::{Alg, HmacAlg};
use crate::jwt::keys;

/// The outcome of checking a token's signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureStatus {
    /// The signature matches under `alg` and the secret or public key.
    Valid { alg: Alg },
    /// Checked and refused, with why.
    Invalid { alg: Alg, reason: Reason },
    /// Not checked: no secret yet, or nothing to check; with why.
    Unverified { reason: Reason },
    /// `alg: none`: there is no signature to check, and the token must not be trusted.
    Unsigned,
    /// The token's `alg` is not one JWT Lens can verify.
    Unsupported { alg: String },
}

/// Why a signature was refused or not checked. Its `Display` is the page's
/// sentence fragment: lowercase, no final period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    // The token.
    /// The header could not be read, so there is no `alg` to verify with.
    Unreadable,
    /// A five-segment JWE: encrypted, with no JWS signature to check.
    Encrypted,
    /// Not the three segments of a compact JWS (RFC 7515 §7.1): an appended
    /// segment or a trailing dot.
    Malformed { segments: usize },
    /// A segment that is not canonical unpadded base64url (RFC 7515 §2):
    /// padding, `+` or `/`, whitespace, or stray bits in the last character.
    NotCanonical { part: Part },
    /// A signature whose length the `alg` rules out (RFC 7518 §3).
    SignatureLength {
        alg: Alg,
        expected: usize,
        found: usize,
    },
    /// An ECDSA signature in ASN.1 DER rather than JWS's fixed-length r ‖ s.
    DerEcdsa { expected: usize, found: usize },
    /// An ECDSA signature whose r or s is zero, which no signer produces.
    ZeroEcdsa,
    /// The header's `crit` lists extensions other than `b64` (or is
    /// malformed); RFC 7515 §4.1.11 says to reject such a token.
    Crit { names: Vec<String> },
    /// The header's `b64` (RFC 7797) cannot be honoured as written.
    Unencoded(B64Fault),
    /// A detached payload was given, but the token carries its own.
    PayloadNotDetached,
    /// The token's `alg` is not the algorithm the user chose to verify.
    AlgMismatch { token: Option<Alg>, chosen: Alg },

    // The credential.
    /// Nothing typed for an HMAC token.
    NoSecret,
    /// No public key pasted for a public-key token.
    NoKey { alg: Alg },
    /// The typed secret is not valid in its encoding.
    BadSecret(Error),
    /// The HMAC secret is a public key: the algorithm-confusion forgery.
    PublicKeyAsSecret,
    /// A secret was typed for a token signed with a public-key `alg`.
    SecretForPublicKeyAlg { alg: Alg },
    /// The HMAC does not match the secret.
    Mismatch,
    /// The public-key check is still running.
    Checking,

    // The keys module's answer, whose wording it owns.
    /// The key is of the wrong type for the `alg`.
    WrongKeyType(String),
    /// The signature does not match the key, or has the wrong length for it.
    KeyMismatch(String),
    /// The key refuses the token: restricted to another `alg` or use, or
    /// none of several keys verifies.
    KeyRefused(String),
    /// No usable key: unreadable, secret material, no `kid` match, or the
    /// verifier could not run.
    KeyUnusable(String),
    /// The keys module answered for another `alg` than the one asked.
    WrongAnswer { asked: Alg, answered: Alg },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Unreadable => f.write_str("the token could not be read"),
            Reason::Encrypted => f.write_str("only a three-segment JWS has a signature to check"),
            Reason::Malformed { segments } => write!(
                f,
                "the token has {segments} segments, but a signed JWT has exactly 3 \
                 (header.payload.signature, RFC 7515 §7.1), so libraries reject it as written"
            ),
            Reason::NotCanonical { part } => write!(
                f,
                "the {part} segment is not canonical base64url (RFC 7515 §2), \
                 so strict libraries reject this token as written"
            ),
            Reason::SignatureLength {
                alg,
                expected,
                found,
            } => write!(
                f,
                "{alg} signatures are {expected} bytes, but this one is {found}"
            ),
            Reason::DerEcdsa { expected, found } => write!(
                f,
                "the signature is {found} bytes of ASN.1 DER, as OpenSSL and Java produce; a JWS \
                 carries r and s as {expected} raw bytes (RFC 7518 §3.4), so libraries reject it"
            ),
            Reason::ZeroEcdsa => f.write_str(
                "r or s of this ECDSA signature is zero, which no signer produces: it is a forgery \
                 (CVE-2022-21449)",
            ),
            Reason::Crit { names } if names.is_empty() => f.write_str(
                "the header's crit is not a list of extension names, and a recipient must reject \
                 a token whose crit it cannot honour (RFC 7515 §4.1.11)",
            ),
            Reason::Crit { names } => write!(
                f,
                "the header's crit requires the extension{} {}, which JWT Lens does not \
                 implement, and RFC 7515 §4.1.11 says a recipient must then reject the token",
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
            Reason::Unencoded(fault) => fault.fmt(f),
            Reason::PayloadNotDetached => f.write_str(
                "the token carries its own payload, so a detached payload is not checked against it",
            ),
            Reason::AlgMismatch { token, chosen } => {
                let says = token
                    .as_ref()
                    .map_or_else(|| "no alg".to_owned(), |a| format!("alg {a}"));
                write!(f, "the token says {says}, but you chose to verify {chosen}")
            }
            Reason::NoSecret => f.write_str("enter the secret to check the signature"),
            Reason::NoKey { alg } => write!(
                f,
                "paste the issuer's public key (PEM, JWK or JWKS) to check this {alg} signature"
            ),
            Reason::BadSecret(e) => e.fmt(f),
            Reason::PublicKeyAsSecret => f.write_str(
                "this secret is a public key. Checking an HMAC with a public key is the \
                 algorithm-confusion attack: the key is public, so anyone could have made this \
                 MAC, and a token that verifies this way proves nothing",
            ),
            Reason::SecretForPublicKeyAlg { alg } => write!(
                f,
                "{alg} is verified with the issuer's public key, never with a secret \
                 (using one would be algorithm confusion): paste the public key"
            ),
            Reason::Mismatch => f.write_str("the signature does not match this secret"),
            Reason::Checking => f.write_str("checking the signature with the public key…"),
            Reason::WrongKeyType(text)
            | Reason::KeyMismatch(text)
            | Reason::KeyRefused(text)
            | Reason::KeyUnusable(text) => f.write_str(text),
            Reason::WrongAnswer { asked, answered } => write!(
                f,
                "the public-key verifier answered for {answered}, but {asked} was asked"
            ),
        }
    }
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

    /// Why it is invalid or unverified, if it is.
    pub fn reason(&self) -> Option<&Reason> {
        match self {
            SignatureStatus::Invalid { reason, .. } | SignatureStatus::Unverified { reason } => {
                Some(reason)
            }
            _ => None,
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
