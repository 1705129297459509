//! The known-secret search: the list loaded on demand, tried in short chunks.
//!
//! About ten thousand secrets (`assets/known-secrets.txt`) would add a third
//! to the page's first download, so `scripts/post_build.py` packs them into a
//! separate script, `jwt-lens-secrets-<hash>.js`. The page's script defines
//! `globalThis.jwtLensSecrets()`, which imports that script the first time an
//! HS256/384/512 token is decoded and resolves to the list's text.
//!
//! Each secret costs one HMAC over the token, so the search runs in chunks
//! sized to take about [`CHUNK_MS`], or less when the browser's idle period
//! has less left: each chunk waits for an idle period
//! (`requestIdleCallback`, with a timeout so that a busy page still gets
//! its answer), so typing stays responsive, no task comes near the 50 ms
//! that counts as a long task, and no chunk delays a frame. A new token
//! abandons the old search.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::browser;
use crate::jwt::{
    Alg, AlgChoice, HmacAlg, Report, find_known_secret, known_secret_candidates, verify,
};

/// How long one chunk should take, in milliseconds: well under the 50 ms of
/// a long task, long enough that the timeouts between chunks cost little.
const CHUNK_MS: f64 = 12.0;
/// The shortest chunk, in milliseconds, when an idle period has less left
/// (or none, when its timeout ran out): the search always moves on.
const MIN_CHUNK_MS: f64 = 2.0;
/// Secrets in the first chunk, before any chunk has been timed, at most.
const FIRST_CHUNK: usize = 250;
/// Bytes the first chunk may hash: one HMAC per secret over the signing
/// input, at about 37 MB/s in the page's wasm (bench: 27 ms for 1 MB), so
/// the first chunk of a large token stays near [`CHUNK_MS`] too.
const FIRST_CHUNK_BYTES: usize = 256 * 1024;
/// Tokens whose signing input is longer are not searched: ten thousand
/// HMACs over 16 KiB are already about four seconds of work in chunks, and a
/// 1 MB token would take minutes. Real tokens are far below it.
pub const MAX_SEARCH_BYTES: usize = 16 * 1024;

thread_local! {
    /// The list, once loaded: every later search reuses it.
    static LIST: RefCell<Option<Rc<Vec<String>>>> = const { RefCell::new(None) };
}

/// What the search needs from a token: its HMAC `alg`, the signing input
/// and the signature bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    alg: HmacAlg,
    signing_input: String,
    signature: Vec<u8>,
}

impl Target {
    /// The target for `report`'s token, if it is an HS* token that passes
    /// the one structural check every credential goes through
    /// ([`verify::prepare`]): a secret is "found" only where the secret box
    /// would then say `valid`.
    pub fn for_report(report: &Report) -> Option<Target> {
        let checked = verify::prepare(report, AlgChoice::FromToken).ok()?;
        let Alg::Hmac(alg) = *checked.alg() else {
            return None;
        };
        if checked.signing_input().len() > MAX_SEARCH_BYTES {
            return None;
        }
        Some(Target {
            alg,
            signing_input: String::from_utf8_lossy(checked.signing_input()).into_owned(),
            signature: checked.signature().to_vec(),
        })
    }
}

/// Searches the list for the secret of each HS* token that `report` holds,
/// and returns the secret found for the current token (`None` while the
/// search runs, when nothing matched, or when the list could not load).
pub fn search(report: Memo<Option<Report>>) -> Memo<Option<String>> {
    let target = Memo::new(move |_| report.with(|r| r.as_ref().and_then(Target::for_report)));
    let found = RwSignal::new(None::<(Target, String)>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let target = target.get();
        generation.update_value(|g| *g += 1);
        let Some(target) = target else {
            return;
        };
        let mine = generation.get_value();
        let current = move || generation.try_get_value() == Some(mine);
        leptos::task::spawn_local(async move {
            if let Some(secret) = run(&target, current).await
                && current()
            {
                found.set(Some((target, secret)));
            }
        });
    });
    // An answer counts only for the token it was found for.
    Memo::new(move |_| {
        found.with(|f| {
            let (for_target, secret) = f.as_ref()?;
            target
                .with(|t| t.as_ref() == Some(for_target))
                .then(|| secret.clone())
        })
    })
}

/// Tries the list against `target` chunk by chunk while `current()` holds.
async fn run(target: &Target, current: impl Fn() -> bool) -> Option<String> {
    // The token is drawn first: the search starts after the next frame, so
    // no chunk queued before that frame delays the paste's render.
    after_next_frame().await;
    let list = load().await.ok()?;
    let mut start = 0;
    let mut size = (FIRST_CHUNK_BYTES / target.signing_input.len().max(1)).clamp(1, FIRST_CHUNK);
    while start < list.len() {
        // First wait, so that the search never lengthens the task that
        // decoded the token, and so that a newer token can take over.
        let left = browser::idle_period().await.unwrap_or(CHUNK_MS);
        if !current() {
            return None;
        }
        let fits = (size as f64 * left.clamp(MIN_CHUNK_MS, CHUNK_MS) / CHUNK_MS) as usize;
        let end = (start + fits.max(1)).min(list.len());
        let chunk = list.get(start..end)?;
        let began = js_sys::Date::now();
        let hit = find_known_secret(
            target.alg,
            target.signing_input.as_bytes(),
            &target.signature,
            chunk.iter().map(String::as_str),
        );
        if let Some(secret) = hit {
            return Some(secret.to_owned());
        }
        // What a whole chunk would be at the speed just seen.
        let took = js_sys::Date::now() - began;
        size = next_chunk_size(size, took * size as f64 / (end - start) as f64);
        start = end;
    }
    None
}

/// A chunk size that should take about [`CHUNK_MS`], from the last one's
/// size and time; it at most quadruples, so one fast chunk (or a coarse
/// clock reading 0 ms) cannot make the next one long.
pub(super) fn next_chunk_size(size: usize, took_ms: f64) -> usize {
    let scaled = (size as f64 * CHUNK_MS / took_ms.max(1.0)) as usize;
    scaled.clamp(1, size.saturating_mul(4))
}

/// Resolves on the next turn of the event loop, through a zero-delay
/// timeout, so the browser can handle input and paint in between.
pub(super) async fn yield_to_event_loop() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        } else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves once the browser has drawn the next frame: a
/// `requestAnimationFrame` callback runs just before it, and a zero-delay
/// timeout from there runs after it.
async fn after_next_frame() {
    let promise = Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
            return;
        };
        let then = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = window.request_animation_frame(then.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}

/// The list, imported on first use through `globalThis.jwtLensSecrets()`.
async fn load() -> Result<Rc<Vec<String>>, String> {
    if let Some(list) = LIST.with_borrow(Clone::clone) {
        return Ok(list);
    }
    let global = js_sys::global();
    let loader: Function = Reflect::get(&global, &JsValue::from_str("jwtLensSecrets"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("this build has no list of known secrets")?;
    let promise: Promise = loader
        .call0(&global)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or("the loader returned no promise")?;
    let text = JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or("the list did not load")?;
    let list: Rc<Vec<String>> =
        Rc::new(known_secret_candidates(&text).map(str::to_owned).collect());
    LIST.with_borrow_mut(|l| *l = Some(list.clone()));
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// jwt.io's example, signed with `your-256-bit-secret`.
    const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    fn target(token: &str) -> Option<Target> {
        Target::for_report(&crate::jwt::inspect(token)?)
    }

    #[test]
    fn only_tokens_the_secret_box_could_call_valid_are_searched() {
        assert!(target(JWT_IO).is_some());
        // Decodable, but not canonical compact JWS: the secret box says
        // invalid, so a "found" secret would contradict it.
        for bad in [
            format!("{JWT_IO}="),
            format!("{JWT_IO}."),
            JWT_IO.replace('_', "/"),
        ] {
            assert!(target(&bad).is_none(), "{bad}");
        }
    }
}
