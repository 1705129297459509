//! The SD-JWT part of the page's state: the disclosures read from the
//! pasted text, and the key binding checked with the holder's key.

use leptos::prelude::*;

use super::key_module::{Answer, Request, check_with_public_key};
use crate::jwt::sd_jwt::{self, KbExpectations, SdJwt};
use crate::jwt::{self, AlgChoice, Check, Credential, Report, SignatureStatus, split_list};

/// The SD-JWT read from the paste and its key-binding checks. `Copy`, like
/// [`Model`](super::model::Model) that holds it.
#[derive(Clone, Copy)]
pub struct SdState {
    /// The SD-JWT; `None` for a plain JWT.
    pub sd: Memo<Option<SdJwt>>,
    /// The KB-JWT checks (RFC 9901 §7.3); empty without a KB-JWT.
    pub kb_checks: Memo<Vec<Check>>,
}

/// The inputs the key-binding checks read.
pub struct Inputs {
    pub report: Memo<Option<Report>>,
    pub expected_aud: RwSignal<String>,
    pub expected_nonce: RwSignal<String>,
    pub leeway: RwSignal<i64>,
    pub now: RwSignal<i64>,
    pub now_override: RwSignal<Option<i64>>,
}

/// Derives the SD-JWT state. The KB-JWT's signature goes through the one
/// verification path: `verify::prepare`, then the keys module with the
/// `cnf.jwk` text as the key, then `jwt::verify` with its answer.
pub fn wire(inputs: Inputs) -> SdState {
    let Inputs {
        report,
        expected_aud,
        expected_nonce,
        leeway,
        now,
        now_override,
    } = inputs;
    let sd = Memo::new(move |_| report.with(|r| r.as_ref().and_then(sd_jwt::read)));
    let kb = Memo::new(move |_| sd.with(|s| s.as_ref().and_then(sd_jwt::kb_report)));
    // Derived, not memoised: the report changes only with the paste.
    let holder_key = Signal::derive(move || {
        report
            .with(|r| r.as_ref().and_then(sd_jwt::holder_key))
            .unwrap_or_default()
    });
    let request = Memo::new(move |_| {
        kb.with(|r| {
            let checked = jwt::verify::prepare(r.as_ref()?, AlgChoice::FromToken).ok()?;
            Request::for_checked(&checked)
        })
    });
    let answer = RwSignal::new(None::<Answer>);
    check_with_public_key(request, holder_key, answer, now);
    let status = move || {
        if holder_key.with(String::is_empty) {
            return None;
        }
        let current = answer.with(|a| {
            let (asked, key, check) = a.as_ref()?;
            let fresh =
                request.with(|r| r.as_ref() == Some(asked)) && holder_key.with(|k| k == key);
            fresh.then(|| check.clone())
        });
        kb.with(|kb| {
            let kb = kb.as_ref()?;
            Some(jwt::verify(
                kb,
                Credential::PublicKey(current.as_ref()),
                AlgChoice::FromToken,
            ))
        })
    };
    let kb_checks = Memo::new(move |_| {
        let expect = KbExpectations {
            audiences: split_list(&expected_aud.read()),
            nonce: expected_nonce.get(),
            now: now_override.get().unwrap_or_else(|| now.get()),
            leeway: leeway.get(),
        };
        let status: Option<SignatureStatus> = status();
        sd.with(|sd| {
            let sd = sd.as_ref()?;
            kb.with(|kb| {
                Some(sd_jwt::kb_checks(
                    sd,
                    kb.as_ref()?,
                    status.as_ref(),
                    &expect,
                ))
            })
        })
        .unwrap_or_default()
    });
    SdState { sd, kb_checks }
}
