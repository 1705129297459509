//! The verdicts of a JWS JSON serialization's signatures (RFC 7515 §7.2),
//! each checked with the one secret or public-key box; public keys through
//! the keys module, one request per signature.

use leptos::prelude::*;

use super::envelope::Envelope;
use super::key_module::{self, Request};
use crate::jwt::jws::{Verdict, all_valid};
use crate::jwt::keys::{self, KeyCheck};
use crate::jwt::{AlgChoice, Credential, Reason, Secret, SecretEncoding, SignatureStatus};

/// What the signatures came to.
#[derive(Clone, Copy)]
pub struct JwsJsonState {
    /// One verdict per signature, in order; `None` when the token is not a
    /// JWS JSON serialization.
    pub verdicts: Memo<Option<Vec<Verdict>>>,
    /// The first answer of the keys module, for `#key-info`.
    pub key_check: Memo<Option<KeyCheck>>,
}

/// The inputs the verdicts depend on.
pub struct Inputs {
    pub envelope: Memo<Envelope>,
    pub secret: RwSignal<String>,
    pub encoding: RwSignal<SecretEncoding>,
    pub alg_choice: RwSignal<AlgChoice>,
    pub public_key: RwSignal<String>,
    /// The payload the user pasted for a detached one, as bytes.
    pub detached: Memo<Option<Vec<u8>>>,
    pub now: RwSignal<i64>,
}

/// Answers for the requests and key they were computed for.
type Answers = (Vec<Option<Request>>, String, Vec<Option<KeyCheck>>);

/// Wires the checks: a public-key request per signature that passes the
/// structural check, sent whenever they or the key change; the newest
/// answers only.
pub fn wire(inputs: Inputs) -> JwsJsonState {
    let Inputs {
        envelope,
        secret,
        encoding,
        alg_choice,
        public_key,
        detached,
        now,
    } = inputs;
    let requests = Memo::new(move |_| {
        let choice = alg_choice.get();
        envelope.with(|e| {
            let Some(jws) = e.jws_json() else {
                return Vec::new();
            };
            detached.with(|pasted| {
                jws.signatures
                    .iter()
                    .map(|s| {
                        let checked = s.prepare(pasted.as_deref(), choice).ok()?;
                        Request::for_checked(&checked).map(|r| r.or_kid(s.kid.as_deref()))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let answers = RwSignal::new(None::<Answers>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let key = public_key.get();
        let asked = requests.get();
        generation.update_value(|g| *g += 1);
        answers.set(None);
        if key.trim().is_empty() || asked.iter().all(Option::is_none) {
            return;
        }
        let mine = generation.get_value();
        let at = now.get_untracked();
        leptos::task::spawn_local(async move {
            let mut checks = Vec::with_capacity(asked.len());
            for request in &asked {
                checks.push(match request {
                    Some(r) => Some(key_module::check(r.clone(), key.clone(), at).await),
                    None => None,
                });
                if generation.get_value() != mine {
                    return;
                }
            }
            answers.set(Some((asked, key, checks)));
        });
    });
    // The answers for the current requests and key, or `None` while they
    // run; read by the memos below rather than memoised on its own.
    let current = move || {
        answers.with(|a| {
            let (asked, key, checks) = a.as_ref()?;
            let fresh = requests.with(|r| r == asked) && public_key.with(|k| k == key);
            fresh.then(|| checks.clone())
        })
    };
    let verdicts = Memo::new(move |_| {
        let choice = alg_choice.get();
        let typed = secret.read();
        let by_key = !public_key.read().trim().is_empty();
        let key = (!typed.is_empty()).then(|| Secret::decode(&typed, encoding.get()));
        envelope.with(|e| {
            let jws = e.jws_json()?;
            let pasted = detached.get();
            let checks = current();
            let verdicts = jws.signatures.iter().enumerate().map(|(i, s)| {
                let public = choice == AlgChoice::FromToken
                    && s.report.alg().is_some_and(|a| keys::is_public_key_alg(&a));
                let credential = match (public, by_key, &key) {
                    (true, true, _) => Credential::PublicKey(
                        checks
                            .as_ref()
                            .and_then(|c| c.get(i))
                            .and_then(Option::as_ref),
                    ),
                    (true, false, _) | (false, _, None) => Credential::None,
                    (false, _, Some(k)) => Credential::Secret(k.clone()),
                };
                s.verdict(credential, pasted.as_deref(), choice)
            });
            Some(verdicts.collect())
        })
    });
    let key_check = Memo::new(move |_| current()?.into_iter().flatten().next());
    JwsJsonState {
        verdicts,
        key_check,
    }
}

/// One status for all the signatures, for `#signature-status` and the
/// validation verdict: valid only when every signature was checked and
/// verified ([`all_valid`]); otherwise an invalid signature's status if
/// there is one, else the first that is not valid. `None` without
/// signatures.
pub fn overall(verdicts: &[Verdict]) -> Option<SignatureStatus> {
    let status = |v: &Verdict| match v {
        Verdict::Checked(s) => s.clone(),
        Verdict::Refused(e) => SignatureStatus::Unverified {
            reason: Reason::KeyUnusable(e.to_string()),
        },
    };
    if all_valid(verdicts) {
        return verdicts.first().map(status);
    }
    let invalid = verdicts
        .iter()
        .find(|v| matches!(v, Verdict::Checked(SignatureStatus::Invalid { .. })));
    let first = || {
        verdicts
            .iter()
            .find(|v| !matches!(v, Verdict::Checked(SignatureStatus::Valid { .. })))
    };
    invalid.or_else(first).map(status)
}
