//! The page's state: the inputs people type, and everything derived from them.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;
use super::envelope::Envelope;
use super::jws_json_state::{self, JwsJsonState};
use super::key_module::{Answer, Request, check_with_public_key};
use super::known_secrets;
use super::paste_reading::{self, Progress};
use super::sd_jwt_state::{self, SdState};
use super::shown_token::{self, Shown};
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
    /// The public key as pasted, for RS, PS, ES, EdDSA and ML-DSA tokens. Never
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
    /// The pasted token before decryption, the envelope, the decryption
    /// and the detached payload (issue 16); `report` is its shown token.
    pub shown: Shown,
    /// A JWS JSON serialization's per-signature verdicts (issue 16).
    pub jws_json: JwsJsonState,
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
        // Issue 16: a JWE decrypted, a nested token, a JWS JSON serialization.
        let shown = shown_token::wire(token, paste, reading, picked);
        let Shown {
            report,
            envelope,
            detached,
            ..
        } = shown;
        let jws_json = jws_json_state::wire(jws_json_state::Inputs {
            envelope,
            secret,
            encoding,
            alg_choice,
            public_key,
            detached,
            now,
        });
        let known_secret = known_secrets::search(report);
        // What a public-key check needs; a memo, so that edits elsewhere in
        // the page (the secret, the clock) do not start another check.
        // Only a token that passed the core's structural check is sent.
        // A JWS JSON serialization sends its own requests, one per signature.
        let request = Memo::new(move |_| {
            let choice = alg_choice.get();
            if envelope.with(|e| e.jws_json().is_some()) {
                return None;
            }
            report.with(|r| {
                detached.with(|d| {
                    let checked = shown_token::prepare(r.as_ref()?, d.as_deref(), choice).ok()?;
                    Request::for_checked(&checked)
                })
            })
        });
        check_with_public_key(request, public_key.into(), answer, now);
        // An answer counts only for the token and key it was computed for, so
        // nothing stale shows between an edit and the next check.
        let key_check = Memo::new(move |_| {
            if envelope.with(|e| e.jws_json().is_some()) {
                return jws_json.key_check.get();
            }
            if request.with(Option::is_none) && public_key.with(|k| !k.trim().is_empty()) {
                // The core refused the token before any key could be tried
                // (a malformed JWS, say): the key box says why.
                return report.with(|r| {
                    let r = r.as_ref()?;
                    r.alg().filter(jwt::keys::is_public_key_alg)?;
                    let status = detached
                        .with(|d| shown_token::prepare(r, d.as_deref(), alg_choice.get()).err())?;
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
                let pasted = detached.get();
                let check = |credential: Credential<'_>| match &pasted {
                    Some(payload) => {
                        jwt::verify::verify_detached(report, payload, credential, choice)
                    }
                    None => jwt::verify(report, credential, choice),
                };
                let status = if let Some(verdicts) = jws_json.verdicts.get() {
                    jws_json_state::overall(&verdicts)?
                } else if by_public_key {
                    key_check.with(|answer| check(Credential::PublicKey(answer.as_ref())))
                } else {
                    check(key.clone().map_or(Credential::None, Credential::Secret))
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
            shown,
            jws_json,
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

    /// The token's own `alg`; for a JWS JSON serialization, the first
    /// signature's that is checked with a public key, so the key box shows.
    pub fn token_alg(self) -> Signal<Option<Alg>> {
        Signal::derive(move || {
            let public = self.shown.envelope.with(|e| {
                let signatures = &e.jws_json()?.signatures;
                signatures
                    .iter()
                    .filter_map(|s| s.report.alg())
                    .find(jwt::keys::is_public_key_alg)
            });
            public.or_else(|| self.report.with(|r| r.as_ref().and_then(|r| r.alg())))
        })
    }

    /// The pasted token for the coloured echo: the JWE itself once it is
    /// decrypted, and `None` for a JSON serialization, which is no compact
    /// token.
    pub fn echo(self) -> Signal<Option<Report>> {
        Signal::derive(move || {
            self.shown.envelope.with(|e| match e {
                Envelope::Jwe { json: true, .. } | Envelope::JwsJson(_) => None,
                Envelope::Jwe { .. } => self.shown.source.read(jwt::decode),
                Envelope::Compact => self.report.get(),
            })
        })
    }

    /// The token as pasted, for links: the JWE, never its plaintext; a
    /// JSON serialization as it was pasted.
    pub fn cleaned(self) -> Signal<String> {
        Signal::derive(move || {
            self.shown.envelope.with(|e| match e {
                Envelope::Jwe { text, .. } => text.clone(),
                Envelope::JwsJson(_) => self.token.with(|t| t.trim().to_owned()),
                Envelope::Compact => self.report.with(|r| {
                    r.as_ref()
                        .map(|r| r.cleaned.token.clone())
                        .unwrap_or_default()
                }),
            })
        })
    }
}
