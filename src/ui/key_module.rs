//! The second wasm module, which verifies with public keys.
//!
//! Its crypto crates (RSA, three NIST curves, Ed25519) would more than double
//! the page's first download, so they live in `keys/`, built into a separate
//! script by `scripts/post_build.py`. The page's script defines
//! `globalThis.jwtLensKeys()`, which imports that script the first time a
//! public-key token gets a key and resolves to its exports; later calls reuse
//! it ([`modules::call`]).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::modules;

use crate::jwt::Alg;
use crate::jwt::base64url;
use crate::jwt::keys::KeyCheck;
use crate::jwt::verify::Checked;

/// What the keys module needs from a checked token: `alg`, `kid`, the
/// signing input and the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    alg: Alg,
    kid: Option<String>,
    signing_input: Vec<u8>,
    signature: String,
}

impl Request {
    /// The request for a token that passed the core's structural check
    /// ([`prepare`](crate::jwt::verify::prepare)), if its `alg` is checked with a public key. The
    /// signature travels as the canonical base64url of the checked bytes, so
    /// the keys module sees exactly what the core decided is safe to check.
    pub fn for_checked(checked: &Checked<'_>) -> Option<Request> {
        if !crate::jwt::keys::is_public_key_alg(checked.alg()) {
            return None;
        }
        Some(Request {
            alg: checked.alg().clone(),
            kid: checked.kid().map(str::to_owned),
            // Bytes, not text: an unencoded payload (RFC 7797) need not be UTF-8.
            signing_input: checked.signing_input().to_vec(),
            signature: base64url::encode(checked.signature()),
        })
    }

    /// The request with `kid` when the checked header had none: a JWS JSON
    /// serialization may carry it in its unprotected header (RFC 7515 §7.2.1).
    pub fn or_kid(mut self, kid: Option<&str>) -> Request {
        if self.kid.is_none() {
            self.kid = kid.map(str::to_owned);
        }
        self
    }
}

/// Verifies `request` with the key text, loading the module if needed.
/// A module that cannot load becomes an unverified status saying so.
pub async fn check(request: Request, key: String, now: i64) -> KeyCheck {
    match call(&request, &key, now).await {
        Ok(wire) => KeyCheck::from_wire(&wire)
            .unwrap_or_else(|| failed("it answered in a form this page does not read")),
        Err(e) => failed(&e),
    }
}

fn failed(why: &str) -> KeyCheck {
    KeyCheck::unverified(format!(
        "the public-key verifier could not run ({why}); reload the page, which fetches it again"
    ))
}

async fn call(request: &Request, key: &str, now: i64) -> Result<String, String> {
    let kid = request
        .kid
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    let args = [
        JsValue::from_str(&request.alg.to_string()),
        kid,
        js_sys::Uint8Array::from(request.signing_input.as_slice()).into(),
        JsValue::from_str(&request.signature),
        JsValue::from_str(key),
        JsValue::from_f64(now as f64),
    ];
    modules::call("jwtLensKeys", "verify", &args).await
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
            let outcome = check(request.clone(), key.clone(), at).await;
            if generation.get_value() == mine {
                answer.set(Some((request, key, outcome)));
            }
        });
    });
}
