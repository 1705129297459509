//! The second wasm module, which verifies with public keys.
//!
//! Its crypto crates (RSA, three NIST curves, Ed25519) would more than double
//! the page's first download, so they live in `keys/`, built into a separate
//! script by `scripts/post_build.py`. The page's script defines
//! `globalThis.jwtLensKeys()`, which imports that script the first time a
//! public-key token gets a key and resolves to its exports; later calls reuse
//! it ([`modules::call`]).

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
    signing_input: String,
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
            signing_input: String::from_utf8_lossy(checked.signing_input()).into_owned(),
            signature: base64url::encode(checked.signature()),
        })
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
        JsValue::from_str(&request.signing_input),
        JsValue::from_str(&request.signature),
        JsValue::from_str(key),
        JsValue::from_f64(now as f64),
    ];
    modules::call("jwtLensKeys", "verify", &args).await
}
