//! Checking a token's signature: with the HMAC secret the user types, or
//! with a public key through the keys module.

mod hmac;
mod secret;
mod status;

pub use hmac::{sign, sign_hmac, verify_hmac};
pub use secret::{Secret, SecretEncoding};
pub use status::SignatureStatus;

use crate::jwt::base64url::{self, Alphabet};
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

/// Checks the HMAC signature of a decoded token with a secret.
///
/// The algorithm is the caller's `choice`, never silently the token's: with
/// [`AlgChoice::FromToken`] the token's `alg` is used only if it is an HMAC
/// algorithm, and with [`AlgChoice::Fixed`] a token whose `alg` differs fails.
/// `secret` is `None` when nothing was typed. A token with a public-key `alg`
/// is never checked with a secret (that is algorithm confusion): it waits for
/// a public key ([`keys::check`], through [`with_public_key`]), and a secret that *is* a public key is refused.
pub fn verify(
    report: &Report,
    choice: AlgChoice,
    secret: Option<Result<Secret, Error>>,
) -> SignatureStatus {
    let token_alg = report.alg();
    if token_alg == Some(Alg::None) {
        return SignatureStatus::Unsigned;
    }
    let (Some(signing_input), Some(_)) = (report.signing_input(), report.header.as_ref()) else {
        return unverified("the token could not be read");
    };
    if report.segments.len() != 3 {
        return unverified("only a three-segment JWS has a signature to check");
    }
    let alg = match (choice, &token_alg) {
        (AlgChoice::Fixed(alg), _) => alg,
        (AlgChoice::FromToken, Some(Alg::Hmac(alg))) => *alg,
        (AlgChoice::FromToken, Some(other)) if keys::is_public_key_alg(other) => {
            let reason = if secret.is_some() {
                format!(
                    "{other} is verified with the issuer's public key, never with a secret \
                     (using one would be algorithm confusion): paste the public key"
                )
            } else {
                format!(
                    "paste the issuer's public key (PEM, JWK or JWKS) to check this {other} signature"
                )
            };
            return unverified(&reason);
        }
        (AlgChoice::FromToken, Some(other)) => {
            return SignatureStatus::Unsupported {
                alg: other.to_string(),
            };
        }
        (AlgChoice::FromToken, None) => {
            return SignatureStatus::Unsupported {
                alg: "(missing)".to_owned(),
            };
        }
    };
    let secret = match secret {
        None => return unverified("enter the secret to check the signature"),
        Some(Err(e)) => return unverified(&e.to_string()),
        Some(Ok(secret)) => secret,
    };
    let alg_name = alg;
    let alg = Alg::Hmac(alg_name);
    // The classic forgery (CVE-2015-9235 and its kin): a token re-signed with
    // HS256 using the issuer's *public* key as the secret. It verifies against
    // a careless server, and here it would too, so it is refused outright.
    if keys::looks_like_public_key(secret.as_bytes()) {
        return SignatureStatus::Invalid {
            alg,
            reason: "this secret is a public key. Checking an HMAC with a public key is the \
                     algorithm-confusion attack: the key is public, so anyone could have made this \
                     MAC, and a token that verifies this way proves nothing"
                .to_owned(),
        };
    }
    if token_alg.as_ref() != Some(&alg) {
        let says = token_alg.map_or_else(|| "no alg".to_owned(), |a| format!("alg {a}"));
        let reason = format!("the token says {says}, but you chose to verify {alg}");
        return SignatureStatus::Invalid { alg, reason };
    }
    let Some(signature) = report.signature.as_ref() else {
        return SignatureStatus::Invalid {
            alg,
            reason: "the signature segment is not base64url".to_owned(),
        };
    };
    if !hmac::verify_hmac(alg_name, &secret, signing_input.as_bytes(), signature) {
        return SignatureStatus::Invalid {
            alg,
            reason: "the signature does not match this secret".to_owned(),
        };
    }
    // A MAC that matches only after lenient decoding (standard alphabet,
    // padding, or stray bits in the last character) is refused, as strict
    // libraries refuse it: the token as written is not the one that was signed.
    if report.segment_text(2) != Some(base64url::encode(signature).as_str()) {
        SignatureStatus::Invalid {
            alg,
            reason: "the MAC matches, but the signature segment is not canonical base64url \
                     (RFC 7515 §2), so strict libraries reject this token as written"
                .to_owned(),
        }
    } else {
        SignatureStatus::Valid { alg }
    }
}

fn unverified(reason: &str) -> SignatureStatus {
    SignatureStatus::Unverified {
        reason: reason.to_owned(),
    }
}

/// The page's status for a keys-module answer to a check of `asked`. Fails
/// closed: only a verified answer for the very `alg` asked about is valid.
pub fn with_key_answer(asked: &Alg, answer: &KeyCheck) -> SignatureStatus {
    let invalid = |reason: &str| SignatureStatus::Invalid {
        alg: asked.clone(),
        reason: reason.to_owned(),
    };
    match &answer.outcome {
        Outcome::Verified { alg } if alg == asked => SignatureStatus::Valid { alg: alg.clone() },
        Outcome::Verified { alg } => unverified(&format!(
            "the public-key verifier answered for {alg}, but {asked} was asked"
        )),
        Outcome::WrongKeyType(reason) | Outcome::Mismatch(reason) | Outcome::Refused(reason) => {
            invalid(reason)
        }
        Outcome::Unusable(reason) => unverified(reason),
    }
}

/// Checks a decoded token with the key(s) in `key_text`, in this process:
/// what the page does across its two wasm modules, for tests and native
/// callers. Links the public-key crypto, so the page itself never calls it.
pub fn with_public_key(report: &Report, key_text: &str, now: i64) -> (SignatureStatus, KeyCheck) {
    let (Some(alg), Some(signing_input), Some(signature)) =
        (report.alg(), report.signing_input(), report.segment_text(2))
    else {
        let reason = "the token could not be read";
        return (unverified(reason), KeyCheck::unverified(reason.to_owned()));
    };
    let signature = match base64url::decode(signature, Alphabet::Url) {
        Ok(d) if !d.padded && !d.non_canonical => d.bytes,
        _ => {
            let reason = "the signature segment is not canonical base64url (RFC 7515 §2)";
            let status = SignatureStatus::Invalid {
                alg,
                reason: reason.to_owned(),
            };
            return (status, KeyCheck::unverified(reason.to_owned()));
        }
    };
    let check = keys::check(
        &alg,
        report.kid(),
        signing_input.as_bytes(),
        &signature,
        key_text,
        now,
    );
    (with_key_answer(&alg, &check), check)
}
