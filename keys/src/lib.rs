//! JWT Lens's second wasm module: RS, PS, ES, EdDSA and ML-DSA verification.
//!
//! It links the RustCrypto crates the page's own module leaves out, and is
//! loaded only when a token with a public-key `alg` gets a key (see
//! `src/ui/key_module.rs`). The work is [`jwt_lens::jwt::keys::check`]; this
//! crate only carries it across to JavaScript.

use jwt_lens::jwt::Alg;
use jwt_lens::jwt::keys::{self, KeyCheck};
use jwt_lens::jwt::verify::canonical;
use wasm_bindgen::prelude::wasm_bindgen;

/// Checks a token's signature with the pasted key: `alg` and `kid` from the
/// token's header, its signing input as bytes (a `Uint8Array`: an unencoded
/// payload, RFC 7797, need not be UTF-8), the signature segment as written,
/// the key text, and the time in seconds (for certificates). Returns
/// [`keys::KeyCheck::to_wire`]'s JSON.
#[wasm_bindgen]
pub fn verify(
    alg: &str,
    kid: Option<String>,
    signing_input: &[u8],
    signature: &str,
    key: &str,
    now: f64,
) -> String {
    // The page sends the bytes `verify::prepare` checked, re-encoded; the
    // same canonical reading refuses anything else.
    let signature = match canonical(signature) {
        Some(bytes) => bytes,
        None => {
            return KeyCheck::unverified(
                "the signature segment is not canonical base64url (RFC 7515 §2)".to_owned(),
            )
            .to_wire();
        }
    };
    keys::check(
        &Alg::parse(alg),
        kid.as_deref(),
        signing_input,
        &signature,
        key,
        now as i64,
    )
    .to_wire()
}
