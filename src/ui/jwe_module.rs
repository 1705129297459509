//! The third wasm module, which decrypts JWEs (`jwe/`).
//!
//! Its RustCrypto crates (RSA-OAEP, ECDH on four curves, AES key wrap, GCM
//! and CBC-HMAC, PBES2) stay out of the page's own wasm: `scripts/post_build.py`
//! packs the `jwe/` crate into its own script, and `globalThis.jwtLensJwe()`
//! imports it the first time a JWE gets a key ([`modules::call`]).

use wasm_bindgen::JsValue;

use super::modules;
use crate::jwt::jwe::{Answer, AnswerState};

/// Decrypts `token` (compact or JSON) with the key text, loading the module
/// if needed. A module that cannot load or answer becomes a failed answer
/// saying so.
pub async fn decrypt(token: &str, key: &str) -> Answer {
    let args = [JsValue::from_str(token), JsValue::from_str(key)];
    match modules::call("jwtLensJwe", "decrypt", &args).await {
        Ok(wire) => Answer::from_wire(&wire)
            .unwrap_or_else(|| failed("it answered in a form this page does not read")),
        Err(e) => failed(&e),
    }
}

fn failed(why: &str) -> Answer {
    Answer::failed(
        AnswerState::Failed,
        format!(
            "the decryption module could not run ({why}); reload the page, which fetches it again"
        ),
    )
}
