//! The `dpop-signature` check in the page: a pasted DPoP proof verified
//! with its own `jwk` in the keys module (loaded on demand), as a key
//! pasted into `#public-key` would be (RFC 9449 §4.3 step 7).

use leptos::prelude::*;

use super::key_module::{self, Request};
use crate::jwt::flow::{self, CrossCheck, Outcome};
use crate::jwt::paste::Extraction;
use crate::jwt::{Alg, AlgChoice, verify};

/// What to ask the keys module: the checked proof, its `alg` and `jwk`; or
/// the core's reason for not asking.
type Ask = Result<(Request, Alg, String), CrossCheck>;

/// `dpop-signature` for the paste's proof; `None` without one. Only the
/// newest answer counts, so a slow check never shows for another paste.
pub fn dpop_signature(
    paste: Signal<Option<Extraction>>,
    now: Signal<i64>,
) -> Signal<Option<CrossCheck>> {
    let ask = Memo::new(move |_| -> Option<Ask> {
        paste.with(|p| {
            let proof = flow::dpop_proof(p.as_ref()?)?;
            let checked = match verify::prepare(&proof, AlgChoice::FromToken) {
                Ok(checked) => checked,
                Err(status) => return Some(Err(flow::signature_check(&status))),
            };
            let alg = checked.alg().clone();
            let Some(key) = flow::proof_key(&proof) else {
                return Some(Err(skipped("the proof carries no jwk")));
            };
            Some(match Request::for_checked(&checked) {
                Some(request) => Ok((request, alg, key)),
                None => Err(skipped("the proof's alg is not a public-key algorithm")),
            })
        })
    });
    let answer = RwSignal::new(None::<(Request, CrossCheck)>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        generation.update_value(|g| *g += 1);
        let Some(Ok((request, alg, key))) = ask.get() else {
            return;
        };
        let mine = generation.get_value();
        let at = now.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = key_module::check(request.clone(), key, at).await;
            let status = verify::with_key_answer(&alg, &outcome);
            if generation.get_value() == mine {
                answer.set(Some((request, flow::signature_check(&status))));
            }
        });
    });
    Signal::derive(move || {
        ask.with(|a| match a.as_ref()? {
            Err(check) => Some(check.clone()),
            Ok((request, ..)) => Some(answer.with(|x| match x {
                Some((asked, check)) if asked == request => check.clone(),
                _ => skipped("checking with the proof's jwk…"),
            })),
        })
    })
}

fn skipped(why: &str) -> CrossCheck {
    CrossCheck {
        id: "dpop-signature",
        outcome: Outcome::Skipped(why.to_owned()),
        detail: why.to_owned(),
        source: "RFC 9449 §4.3 step 7",
    }
}
