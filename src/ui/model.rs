//! The page's state: the inputs people type, and everything derived from them.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;
use super::key_module::{self, Request};
use super::known_secrets;
use super::paste_reading::{self, Progress};
use super::sd_jwt_state::{self, SdState};
use crate::jwt::insight::{clock_findings, secret_findings};
use crate::jwt::keys::KeyCheck;
use crate::jwt::paste::Extraction;
use crate::jwt::{
    self, Alg, AlgChoice, Credential, Expectations, Finding, Report, Secret, SecretEncoding,
    SignatureStatus, Validation, split_list,
};

/// Inputs as signals and the derived report. `Copy`, so closures and
/// components take it by value; only `App` and `Embed` create one.
#[derive(Clone, Copy)]
pub struct Model {
    /// The textarea's text, exactly as pasted.
    pub token: RwSignal<String>,
    /// The HMAC secret as typed; never stored anywhere else.
    pub secret: RwSignal<String>,
    /// How the secret becomes bytes.
    pub encoding: RwSignal<SecretEncoding>,
    /// Which algorithm verification uses.
    pub alg_choice: RwSignal<AlgChoice>,
    /// The public key as pasted, for RS, PS, ES and EdDSA tokens. Never
    /// holds secret material: that is refused before it is stored.
    pub public_key: RwSignal<String>,
    /// The check with the public key for the current token and key; `None`
    /// while it runs.
    pub key_check: Memo<Option<KeyCheck>>,
    /// A publicly known secret that signs the current HS* token, once the
    /// known-secret search (loaded on demand) finds one.
    pub known_secret: Memo<Option<String>>,
    /// Seconds since the epoch, ticking every second.
    pub now: RwSignal<i64>,
    /// Expected issuer, as typed.
    pub expected_iss: RwSignal<String>,
    /// Expected audiences, as typed.
    pub expected_aud: RwSignal<String>,
    /// The nonce the client sent, as typed (`#expected-nonce`).
    pub expected_nonce: RwSignal<String>,
    /// Clock-skew leeway in seconds.
    pub leeway: RwSignal<i64>,
    /// A moment to validate at instead of now.
    pub now_override: RwSignal<Option<i64>>,
    /// The decoded token (the picked one when the paste holds several);
    /// `None` for empty input.
    pub report: Memo<Option<Report>>,
    /// The SD-JWT's disclosures and key binding (issue 17).
    pub sd_jwt: SdState,
    /// Every token a paste holds (issue 14); `None` when it is one token.
    pub paste: Memo<Option<Extraction>>,
    /// `Some` while a large paste (a HAR file) is read, in steps.
    pub reading: Memo<Option<Progress>>,
    /// The token picked in `#token-list`, by value; the first JWT otherwise.
    pub picked: RwSignal<Option<String>>,
    /// The signature check, with the findings the secret brings.
    verification: Memo<Option<(SignatureStatus, Vec<Finding>)>>,
    /// Everything that depends on the clock: findings and validation.
    analysis: Memo<Option<(Vec<Finding>, Validation)>>,
}

impl Model {
    /// A model whose token starts as `token`, with a clock that ticks.
    ///
    /// Three memos, from slowest-changing to fastest: the decoded token, its
    /// signature check (with what the secret reveals), and what depends on
    /// the clock. Each recomputes only when its own inputs change.
    pub fn new(token: String) -> Model {
        let token = RwSignal::new(token);
        let secret = RwSignal::new(String::new());
        let encoding = RwSignal::new(SecretEncoding::Utf8);
        let alg_choice = RwSignal::new(AlgChoice::FromToken);
        let public_key = RwSignal::new(String::new());
        let answer = RwSignal::new(None::<Answer>);
        let now = RwSignal::new(browser::now_seconds());
        set_interval(
            move || now.set(browser::now_seconds()),
            Duration::from_secs(1),
        );
        let expected_iss = RwSignal::new(String::new());
        let expected_aud = RwSignal::new(String::new());
        let expected_nonce = RwSignal::new(String::new());
        let leeway = RwSignal::new(0i64);
        let now_override = RwSignal::new(None::<i64>);

        // Issue 14: a paste with several tokens decodes the picked one; a
        // large one decodes nothing until it is read.
        let paste_reading::PasteState {
            paste,
            progress: reading,
        } = paste_reading::wire(token);
        let picked = RwSignal::new(None::<String>);
        let report = Memo::new(move |_| {
            if reading.with(Option::is_some) {
                return None;
            }
            paste.with(
                |p| match p.as_ref().and_then(|p| p.pick(picked.read().as_deref())) {
                    Some(value) => jwt::inspect(value),
                    None => jwt::inspect(&token.read()),
                },
            )
        });
        let known_secret = known_secrets::search(report);
        // What a public-key check needs; a memo, so that edits elsewhere in
        // the page (the secret, the clock) do not start another check.
        // Only a token that passed the core's structural check is sent.
        let request = Memo::new(move |_| {
            let choice = alg_choice.get();
            report.with(|r| {
                let checked = jwt::verify::prepare(r.as_ref()?, choice).ok()?;
                Request::for_checked(&checked)
            })
        });
        check_with_public_key(request, public_key.into(), answer, now);
        // An answer counts only for the token and key it was computed for, so
        // nothing stale shows between an edit and the next check.
        let key_check = Memo::new(move |_| {
            if request.with(Option::is_none) && public_key.with(|k| !k.trim().is_empty()) {
                // The core refused the token before any key could be tried
                // (a malformed JWS, say): the key box says why.
                return report.with(|r| {
                    let r = r.as_ref()?;
                    r.alg().filter(jwt::keys::is_public_key_alg)?;
                    let status = jwt::verify::prepare(r, alg_choice.get()).err()?;
                    let why = status
                        .reason()
                        .map_or_else(|| status.message(), ToString::to_string);
                    Some(KeyCheck::unverified(why))
                });
            }
            answer.with(|a| {
                let (asked, key, check) = a.as_ref()?;
                let current =
                    request.with(|r| r.as_ref() == Some(asked)) && public_key.with(|k| k == key);
                current.then(|| check.clone())
            })
        });
        let verification = Memo::new(move |_| {
            report.with(|report| {
                let report = report.as_ref()?;
                let typed = secret.read();
                let encoding = encoding.get();
                let key = (!typed.is_empty()).then(|| Secret::decode(&typed, encoding));
                let choice = alg_choice.get();
                let by_public_key = choice == AlgChoice::FromToken
                    && report
                        .alg()
                        .is_some_and(|a| jwt::keys::is_public_key_alg(&a))
                    && !public_key.read().trim().is_empty();
                let status = if by_public_key {
                    key_check.with(|answer| {
                        jwt::verify(report, Credential::PublicKey(answer.as_ref()), choice)
                    })
                } else {
                    let credential = key.clone().map_or(Credential::None, Credential::Secret);
                    jwt::verify(report, credential, choice)
                };
                let (alg, verified) = match &status {
                    SignatureStatus::Valid {
                        alg: Alg::Hmac(alg),
                    } => (Some(*alg), true),
                    SignatureStatus::Invalid {
                        alg: Alg::Hmac(alg),
                        ..
                    } => (Some(*alg), false),
                    _ => (None, false),
                };
                let key = key.and_then(Result::ok);
                let risks = secret_findings(report, alg, &typed, encoding, key.as_ref(), verified);
                Some((status, risks))
            })
        });
        let analysis = Memo::new(move |_| {
            let (status, secret_risks) = verification.get()?;
            let expect = Expectations {
                issuer: Some(expected_iss.get()),
                audiences: split_list(&expected_aud.read()),
                nonce: Some(expected_nonce.get()),
                leeway: leeway.get(),
                now: now_override.get().unwrap_or_else(|| now.get()),
            };
            report.with(|r| {
                let r = r.as_ref()?;
                let mut findings = r.findings.clone();
                findings.extend(clock_findings(r, now.get()));
                findings.extend(secret_risks);
                findings.extend(known_secret.get().as_deref().map(jwt::known_secret_finding));
                findings.sort_by_key(|f| f.severity);
                Some((findings, jwt::validate(r, &status, &expect)))
            })
        });
        // SD-JWT (issue 17): disclosures and the KB-JWT's checks.
        let sd_jwt = sd_jwt_state::wire(sd_jwt_state::Inputs {
            report,
            expected_aud,
            expected_nonce,
            leeway,
            now,
            now_override,
        });
        Model {
            sd_jwt,
            token,
            secret,
            encoding,
            alg_choice,
            public_key,
            key_check,
            known_secret,
            now,
            expected_iss,
            expected_aud,
            expected_nonce,
            leeway,
            now_override,
            report,
            paste,
            reading,
            picked,
            verification,
            analysis,
        }
    }

    /// The signature check's outcome.
    pub fn signature(self) -> Signal<Option<SignatureStatus>> {
        Signal::derive(move || {
            self.verification
                .with(|v| v.as_ref().map(|(s, _)| s.clone()))
        })
    }

    /// Every finding, most severe first.
    pub fn findings(self) -> Signal<Vec<Finding>> {
        Signal::derive(move || {
            self.analysis
                .with(|a| a.as_ref().map(|(f, _)| f.clone()).unwrap_or_default())
        })
    }

    /// The validation checks and verdict.
    pub fn validation(self) -> Signal<Option<Validation>> {
        Signal::derive(move || self.analysis.with(|a| a.as_ref().map(|(_, v)| v.clone())))
    }

    /// The token's own `alg`.
    pub fn token_alg(self) -> Signal<Option<Alg>> {
        Signal::derive(move || self.report.with(|r| r.as_ref().and_then(|r| r.alg())))
    }

    /// The cleaned token, for links.
    pub fn cleaned(self) -> Signal<String> {
        Signal::derive(move || {
            self.report.with(|r| {
                r.as_ref()
                    .map(|r| r.cleaned.token.clone())
                    .unwrap_or_default()
            })
        })
    }
}

/// A public-key check with the request and key text it answers.
pub(super) type Answer = (Request, String, KeyCheck);

/// Runs the public-key check whenever the token or the key changes, in the
/// keys module (loaded on first use). Only the newest answer is kept: a slow
/// check for an old key never overwrites a newer one.
pub(super) fn check_with_public_key(
    request: Memo<Option<Request>>,
    public_key: Signal<String>,
    answer: RwSignal<Option<Answer>>,
    now: RwSignal<i64>,
) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let key = public_key.get();
        let request = request.get();
        generation.update_value(|g| *g += 1);
        answer.set(None);
        let (Some(request), false) = (request, key.trim().is_empty()) else {
            return;
        };
        let mine = generation.get_value();
        let at = now.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = key_module::check(request.clone(), key.clone(), at).await;
            if generation.get_value() == mine {
                answer.set(Some((request, key, outcome)));
            }
        });
    });
}
