//! Checking a token's signature: one path for every credential.
//!
//! # Design
//!
//! A four-segment token once verified with a public key because that path
//! never looked at the token's structure, while the HMAC path did (issue
//! 11). Now [`prepare`] decides, once, whether a token is a well-formed
//! compact JWS for the `alg` being verified, and its [`Checked`] result is
//! the only thing the HMAC code and the keys module receive. [`verify`] is
//! the one entry point; the page's public-key path calls [`prepare`] to
//! build its request to the keys module and hands the answer back to
//! [`verify`] as [`Credential::PublicKey`].

mod checked;
mod hmac;
mod secret;
mod status;
mod unencoded;

pub use checked::{Checked, canonical, prepare, prepare_detached};
pub use hmac::{sign, sign_hmac, verify_hmac};
pub use secret::{Secret, SecretEncoding};
pub use status::{Reason, SignatureStatus};
pub use unencoded::{B64Fault, payload_is_encoded};

use crate::jwt::error::Error;
use crate::jwt::header::{Alg, HmacAlg};
use crate::jwt::keys::{self, KeyCheck, Outcome};
use crate::jwt::report::Report;

/// Which algorithm verification uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AlgChoice {
    /// The token's own `alg`, when it is one JWT Lens supports; shown on the page.
    #[default]
    FromToken,
    /// Exactly this algorithm; a token that says otherwise does not verify.
    Fixed(HmacAlg),
}

/// What the user gave to check the signature with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential<'a> {
    /// Nothing yet.
    None,
    /// The typed HMAC secret, or why it could not be decoded.
    Secret(Result<Secret, Error>),
    /// A public key, as the keys module's answer to the request built from
    /// [`prepare`]'s [`Checked`]; `None` while the check runs. The answer
    /// must be for this token and key: the caller pairs them.
    PublicKey(Option<&'a KeyCheck>),
}

/// Checks the signature of a decoded token with a credential.
///
/// The algorithm is the caller's `choice`, never silently the token's: with
/// [`AlgChoice::FromToken`] the token's `alg` is used if JWT Lens verifies
/// it, and with [`AlgChoice::Fixed`] a token whose `alg` differs fails. A
/// token with a public-key `alg` is never checked with a secret (that is
/// algorithm confusion), and a secret that *is* a public key is refused.
/// Whatever the credential, the token must pass [`prepare`]'s structural
/// check before anything says `valid`.
pub fn verify(report: &Report, credential: Credential<'_>, choice: AlgChoice) -> SignatureStatus {
    verify_with(report, None, credential, choice)
}

/// [`verify`] for a token whose payload travels apart from it
/// (`header..signature`, RFC 7515 Appendix F): `payload` is the payload as
/// the signer had it, checked through [`prepare_detached`].
pub fn verify_detached(
    report: &Report,
    payload: &[u8],
    credential: Credential<'_>,
    choice: AlgChoice,
) -> SignatureStatus {
    verify_with(report, Some(payload), credential, choice)
}

fn verify_with(
    report: &Report,
    detached: Option<&[u8]>,
    credential: Credential<'_>,
    choice: AlgChoice,
) -> SignatureStatus {
    let prepare = |report| checked::prepare_with(report, choice, detached);
    let alg = match checked::resolve(report, choice) {
        Ok(alg) => alg,
        Err(status) => return status,
    };
    let unverified = |reason: Reason| SignatureStatus::Unverified { reason };
    let secret = match (&alg, credential) {
        (Alg::Hmac(_), Credential::Secret(Ok(secret))) => Some(secret),
        (Alg::Hmac(_), Credential::Secret(Err(e))) => return unverified(Reason::BadSecret(e)),
        (Alg::Hmac(_), Credential::None | Credential::PublicKey(_)) => {
            return unverified(Reason::NoSecret);
        }
        (_, Credential::Secret(_)) => {
            return unverified(Reason::SecretForPublicKeyAlg { alg });
        }
        (_, Credential::None) => return unverified(Reason::NoKey { alg }),
        (_, Credential::PublicKey(None)) => None,
        (_, Credential::PublicKey(Some(answer))) => {
            return match prepare(report) {
                Ok(checked) => with_key_answer(checked.alg(), answer),
                Err(status) => status,
            };
        }
    };
    // The classic forgery (CVE-2015-9235 and its kin): a token re-signed with
    // HS256 using the issuer's *public* key as the secret. It verifies against
    // a careless server, and here it would too, so it is refused outright.
    if let Some(secret) = &secret
        && keys::looks_like_public_key(secret.as_bytes())
    {
        return SignatureStatus::Invalid {
            alg,
            reason: Reason::PublicKeyAsSecret,
        };
    }
    let checked = match prepare(report) {
        Ok(checked) => checked,
        Err(status) => return status,
    };
    match (checked.alg(), secret) {
        (Alg::Hmac(hmac), Some(secret)) => verify_checked_hmac(*hmac, &secret, &checked),
        // A public-key check still running: the structure passed, the key's
        // answer is awaited.
        _ => unverified(Reason::Checking),
    }
}

fn verify_checked_hmac(alg: HmacAlg, secret: &Secret, checked: &Checked<'_>) -> SignatureStatus {
    if verify_hmac(alg, secret, checked.signing_input(), checked.signature()) {
        SignatureStatus::Valid {
            alg: Alg::Hmac(alg),
        }
    } else {
        SignatureStatus::Invalid {
            alg: Alg::Hmac(alg),
            reason: Reason::Mismatch,
        }
    }
}

/// The status for a keys-module answer to a check of `asked`. Fails closed:
/// only a verified answer for the very `alg` asked about is valid.
pub fn with_key_answer(asked: &Alg, answer: &KeyCheck) -> SignatureStatus {
    let invalid = |reason: Reason| SignatureStatus::Invalid {
        alg: asked.clone(),
        reason,
    };
    match &answer.outcome {
        Outcome::Verified { alg } if alg == asked => SignatureStatus::Valid { alg: alg.clone() },
        Outcome::Verified { alg } => SignatureStatus::Unverified {
            reason: Reason::WrongAnswer {
                asked: asked.clone(),
                answered: alg.clone(),
            },
        },
        Outcome::WrongKeyType(text) => invalid(Reason::WrongKeyType(text.clone())),
        Outcome::Mismatch(text) => invalid(Reason::KeyMismatch(text.clone())),
        Outcome::Refused(text) => invalid(Reason::KeyRefused(text.clone())),
        Outcome::Unusable(text) => SignatureStatus::Unverified {
            reason: Reason::KeyUnusable(text.clone()),
        },
    }
}

/// Checks a decoded token with the key(s) in `key_text` in this process:
/// what the page does across its two wasm modules, for tests and native
/// callers. `None` for the answer when [`prepare`] refused the token and
/// the keys module was not asked. Links the public-key crypto, so the page
/// itself never calls it.
pub fn with_public_key(
    report: &Report,
    choice: AlgChoice,
    key_text: &str,
    now: i64,
) -> (SignatureStatus, Option<KeyCheck>) {
    with_public_key_detached(report, None, None, choice, key_text, now)
}

/// [`with_public_key`] with a detached payload (see [`verify_detached`])
/// and a `kid` to pick the key by when the protected header has none (a
/// JWS JSON serialization's unprotected header, RFC 7515 §7.2.1).
pub fn with_public_key_detached(
    report: &Report,
    detached: Option<&[u8]>,
    kid: Option<&str>,
    choice: AlgChoice,
    key_text: &str,
    now: i64,
) -> (SignatureStatus, Option<KeyCheck>) {
    match checked::prepare_with(report, choice, detached) {
        Ok(checked) if keys::is_public_key_alg(checked.alg()) => {
            let answer = keys::check(
                checked.alg(),
                checked.kid().or(kid),
                checked.signing_input(),
                checked.signature(),
                key_text,
                now,
            );
            let status = verify_with(
                report,
                detached,
                Credential::PublicKey(Some(&answer)),
                choice,
            );
            (status, Some(answer))
        }
        Ok(_) => (
            verify_with(report, detached, Credential::PublicKey(None), choice),
            None,
        ),
        Err(status) => (status, None),
    }
}
