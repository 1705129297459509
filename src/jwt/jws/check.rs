//! Checking each signature of a JWS JSON serialization through the one
//! verification path (`verify::prepare` and `verify::verify`), and the
//! verdict over all of them.

use super::error::JwsJsonError;
use super::json::{JwsJson, JwsSignature};
use crate::jwt::keys::KeyCheck;
use crate::jwt::verify::{
    self, AlgChoice, Checked, Credential, SignatureStatus, prepare, prepare_detached,
};

/// What checking one signature came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The verify layer's status for the signature's compact form.
    Checked(SignatureStatus),
    /// Not checked: the signature's headers break the serialization's rules.
    Refused(JwsJsonError),
}

impl Verdict {
    /// The `data-state` of the signature's `li`, as `#signature-status`
    /// words it: `valid`, `invalid`, `unverified`, `unsigned` or
    /// `unsupported`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Checked(status) => status.as_str(),
            Verdict::Refused(_) => "invalid",
        }
    }

    /// One sentence for the page.
    pub fn message(&self) -> String {
        match self {
            Verdict::Checked(status) => status.message(),
            Verdict::Refused(e) => format!("Not checked: {e}."),
        }
    }
}

/// `valid` only when there is at least one signature and every one was
/// checked and verified.
pub fn all_valid(verdicts: &[Verdict]) -> bool {
    !verdicts.is_empty()
        && verdicts
            .iter()
            .all(|v| matches!(v, Verdict::Checked(SignatureStatus::Valid { .. })))
}

impl JwsSignature {
    /// The payload to check against, if detached: the serialization's own
    /// unencoded payload, else what the user pasted (`pasted`).
    fn detached<'a>(&'a self, pasted: Option<&'a [u8]>) -> Option<&'a [u8]> {
        self.payload
            .as_deref()
            .or_else(|| pasted.filter(|_| self.report.segment_text(1) == Some("")))
    }

    /// The structural check of [`verify::prepare`], for the page's
    /// public-key request (send [`kid`](Self::kid) when `Checked::kid` is
    /// `None`). `pasted` is the payload the user gave, if any.
    ///
    /// # Errors
    ///
    /// The status to show instead of verifying; a [`problem`](Self::problem)
    /// is reported by [`verdict`](Self::verdict), not here.
    pub fn prepare(
        &self,
        pasted: Option<&[u8]>,
        choice: AlgChoice,
    ) -> Result<Checked<'_>, SignatureStatus> {
        match self.detached(pasted) {
            Some(payload) => prepare_detached(&self.report, payload, choice),
            None => prepare(&self.report, choice),
        }
    }

    /// Checks this signature with `credential` (a secret, or the keys
    /// module's answer to the request [`prepare`](Self::prepare) built).
    pub fn verdict(
        &self,
        credential: Credential<'_>,
        pasted: Option<&[u8]>,
        choice: AlgChoice,
    ) -> Verdict {
        if let Some(problem) = &self.problem {
            return Verdict::Refused(problem.clone());
        }
        Verdict::Checked(match self.detached(pasted) {
            Some(payload) => verify::verify_detached(&self.report, payload, credential, choice),
            None => verify::verify(&self.report, credential, choice),
        })
    }

    /// Checks this signature with the public key(s) in `key_text`, in this
    /// process (see [`verify::with_public_key`]); a key set is searched by
    /// this signature's `kid`, from either header.
    pub fn verdict_with_public_key(
        &self,
        key_text: &str,
        pasted: Option<&[u8]>,
        now: i64,
    ) -> (Verdict, Option<KeyCheck>) {
        if let Some(problem) = &self.problem {
            return (Verdict::Refused(problem.clone()), None);
        }
        let (status, answer) = verify::with_public_key_detached(
            &self.report,
            self.detached(pasted),
            self.kid.as_deref(),
            AlgChoice::FromToken,
            key_text,
            now,
        );
        (Verdict::Checked(status), answer)
    }
}

impl JwsJson {
    /// Every signature's verdict with one secret (`credential`), the user's
    /// payload when it is detached.
    pub fn verdicts(
        &self,
        credential: &Credential<'_>,
        pasted: Option<&[u8]>,
        choice: AlgChoice,
    ) -> Vec<Verdict> {
        self.signatures
            .iter()
            .map(|s| s.verdict(credential.clone(), pasted, choice))
            .collect()
    }

    /// Every signature's verdict with the public key(s) in `key_text`: one
    /// key is tried on each signature, a key set picks by `kid`.
    pub fn verdicts_with_public_key(
        &self,
        key_text: &str,
        pasted: Option<&[u8]>,
        now: i64,
    ) -> Vec<Verdict> {
        self.signatures
            .iter()
            .map(|s| s.verdict_with_public_key(key_text, pasted, now).0)
            .collect()
    }
}
