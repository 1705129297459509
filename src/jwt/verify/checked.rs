//! The one structural check every credential goes through: is this a
//! well-formed compact JWS for the `alg` being verified?

use std::borrow::Cow;

use super::AlgChoice;
use super::status::{Reason, SignatureStatus};
use super::unencoded::payload_is_encoded;
use crate::jwt::base64url::{self, Alphabet};
use crate::jwt::error::Part;
use crate::jwt::header::{Alg, SignatureLength};
use crate::jwt::keys;
use crate::jwt::report::Report;

/// A token that passed [`prepare`]: the only thing the HMAC code and the
/// keys module ever receive. Its fields are private, so nothing but
/// [`prepare`] can make one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked<'a> {
    alg: Alg,
    kid: Option<&'a str>,
    signing_input: Cow<'a, [u8]>,
    signature: Vec<u8>,
}

impl<'a> Checked<'a> {
    /// The algorithm to verify with: the user's choice, which the token's
    /// `alg` matches.
    pub fn alg(&self) -> &Alg {
        &self.alg
    }

    /// The header's `kid`, when it is a string.
    pub fn kid(&self) -> Option<&'a str> {
        self.kid
    }

    /// `header.payload` exactly as written (RFC 7515 §5.1); with a
    /// detached payload, the header and that payload, base64url-encoded
    /// unless the header says `b64: false` (RFC 7797 §3).
    pub fn signing_input(&self) -> &[u8] {
        &self.signing_input
    }

    /// The decoded signature, from a canonical segment of a length `alg` allows.
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }
}

/// Decides whether `report`'s token can be verified under `choice` at all,
/// whatever the credential: `alg none`, an unreadable header or an
/// unsupported `alg` end here, and so does any token that is not exactly a
/// compact JWS (three segments, each canonical unpadded base64url, RFC 7515
/// §2 and §7.1) with a signature of the length the `alg` implies. A `crit`
/// is honoured only for `b64` (RFC 7797): with `b64: false` the payload
/// segment is the payload itself, and is not base64url.
///
/// # Errors
///
/// The status to show instead of verifying.
pub fn prepare(report: &Report, choice: AlgChoice) -> Result<Checked<'_>, SignatureStatus> {
    prepare_with(report, choice, None)
}

/// [`prepare`] for a token whose payload travels apart from it (RFC 7515
/// Appendix F, `header..signature`): `payload` is the payload as the signer
/// had it, base64url-encoded into the signing input unless the header says
/// `b64: false` (RFC 7797).
///
/// # Errors
///
/// As [`prepare`], and [`Reason::PayloadNotDetached`] when the token's own
/// payload segment is not empty.
pub fn prepare_detached<'a>(
    report: &'a Report,
    payload: &[u8],
    choice: AlgChoice,
) -> Result<Checked<'a>, SignatureStatus> {
    prepare_with(report, choice, Some(payload))
}

pub(super) fn prepare_with<'a>(
    report: &'a Report,
    choice: AlgChoice,
    detached: Option<&[u8]>,
) -> Result<Checked<'a>, SignatureStatus> {
    let alg = resolve(report, choice)?;
    let token_alg = report.alg();
    if token_alg.as_ref() != Some(&alg) {
        return Err(SignatureStatus::Invalid {
            reason: Reason::AlgMismatch {
                token: token_alg,
                chosen: alg.clone(),
            },
            alg,
        });
    }
    let invalid = |alg: &Alg, reason: Reason| SignatureStatus::Invalid {
        alg: alg.clone(),
        reason,
    };
    if report.segments.len() != 3 {
        let segments = report.segments.len();
        return Err(invalid(&alg, Reason::Malformed { segments }));
    }
    let header = report.header.as_ref().and_then(|h| h.json.as_ref());
    let encoded = match header {
        Some(header) => payload_is_encoded(header).map_err(|reason| invalid(&alg, reason))?,
        None => true,
    };
    let segment = |i: usize, part: Part| {
        let text = report.segment_text(i).unwrap_or_default();
        canonical(text)
            .map(|bytes| (text, bytes))
            .ok_or_else(|| invalid(&alg, Reason::NotCanonical { part }))
    };
    let (header_text, _) = segment(0, Part::Header)?;
    let payload_text = report.segment_text(1).unwrap_or_default();
    // The payload's bytes are the report's already: only its text is checked.
    if encoded && detached.is_none() && !base64url::is_canonical(payload_text) {
        return Err(invalid(
            &alg,
            Reason::NotCanonical {
                part: Part::Payload,
            },
        ));
    }
    let (_, signature) = segment(2, Part::Signature)?;
    let signing_input = match detached {
        None => match report.signing_input() {
            Some(input) => Cow::Borrowed(input.as_bytes()),
            None => {
                return Err(SignatureStatus::Unverified {
                    reason: Reason::Unreadable,
                });
            }
        },
        Some(_) if !payload_text.is_empty() => {
            return Err(invalid(&alg, Reason::PayloadNotDetached));
        }
        Some(payload) => {
            let mut input = header_text.as_bytes().to_vec();
            input.push(b'.');
            if encoded {
                input.extend_from_slice(base64url::encode(payload).as_bytes());
            } else {
                input.extend_from_slice(payload);
            }
            Cow::Owned(input)
        }
    };
    if let Err(reason) = judge_signature(&alg, &signature) {
        return Err(invalid(&alg, reason));
    }
    Ok(Checked {
        kid: report.kid(),
        signing_input,
        signature,
        alg,
    })
}

/// The algorithm to verify with, or why there is none.
pub(super) fn resolve(report: &Report, choice: AlgChoice) -> Result<Alg, SignatureStatus> {
    let token_alg = report.alg();
    if token_alg == Some(Alg::None) {
        return Err(SignatureStatus::Unsigned);
    }
    if report
        .header
        .as_ref()
        .and_then(|h| h.json.as_ref())
        .is_none()
    {
        return Err(SignatureStatus::Unverified {
            reason: Reason::Unreadable,
        });
    }
    // A JWE's `alg` is a key-management algorithm (RSA-OAEP, dir, …): say
    // it is encrypted rather than that its `alg` cannot be verified.
    if report.segments.len() == 5 {
        return Err(SignatureStatus::Unverified {
            reason: Reason::Encrypted,
        });
    }
    let alg = match (choice, token_alg) {
        (AlgChoice::Fixed(alg), _) => Alg::Hmac(alg),
        (AlgChoice::FromToken, Some(alg @ Alg::Hmac(_))) => alg,
        (AlgChoice::FromToken, Some(alg)) if keys::is_public_key_alg(&alg) => alg,
        (AlgChoice::FromToken, Some(other)) => {
            return Err(SignatureStatus::Unsupported {
                alg: other.to_string(),
            });
        }
        (AlgChoice::FromToken, None) => {
            return Err(SignatureStatus::Unsupported {
                alg: "(missing)".to_owned(),
            });
        }
    };
    Ok(alg)
}

/// The bytes of a segment that is canonical unpadded base64url: the only
/// text that encodes them (RFC 7515 §2, RFC 4648 §3.5).
pub fn canonical(text: &str) -> Option<Vec<u8>> {
    let decoded = base64url::decode(text, Alphabet::Url).ok()?;
    let exact = !decoded.padded
        && !decoded.standard_chars
        && !decoded.non_canonical
        && base64url::encode(&decoded.bytes) == text;
    exact.then_some(decoded.bytes)
}

/// Whether the signature's length (and, for ECDSA, its r and s) can come
/// from `alg`. RSA signatures are as long as the key's modulus, which the
/// key check compares.
fn judge_signature(alg: &Alg, signature: &[u8]) -> Result<(), Reason> {
    let SignatureLength::Exact(expected) = alg.signature_length() else {
        return Ok(());
    };
    let found = signature.len();
    if found != expected {
        // ASN.1 DER (`30 len 02 …`), as OpenSSL and Java sign, where JWS
        // wants the raw r ‖ s of RFC 7518 §3.4.
        let der = signature.first() == Some(&0x30)
            && (signature.get(2) == Some(&0x02)
                || (signature.get(1) == Some(&0x81) && signature.get(3) == Some(&0x02)));
        return Err(if matches!(alg, Alg::Ecdsa(_)) && der {
            Reason::DerEcdsa { expected, found }
        } else {
            Reason::SignatureLength {
                alg: alg.clone(),
                expected,
                found,
            }
        });
    }
    if let Alg::Ecdsa(_) = alg {
        // r = 0 or s = 0 passes naive verifiers (CVE-2022-21449); RFC 7518
        // §3.4 and FIPS 186-4 require both in [1, n - 1].
        let (r, s) = signature.split_at(found / 2);
        if r.iter().all(|b| *b == 0) || s.iter().all(|b| *b == 0) {
            return Err(Reason::ZeroEcdsa);
        }
    }
    Ok(())
}
