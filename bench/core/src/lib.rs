//! Two entry points for the benchmark: decode (as the page does on a paste)
//! and verify HS256.

use jwt_lens::jwt::{self, AlgChoice, Secret, SecretEncoding};
use wasm_bindgen::prelude::wasm_bindgen;

/// Decodes and analyses a token; returns the payload's pretty JSON length,
/// so that the work cannot be optimised away.
#[wasm_bindgen]
pub fn decode(token: &str) -> usize {
    jwt::inspect(token)
        .and_then(|r| r.payload)
        .and_then(|p| p.pretty)
        .map_or(0, |p| p.len())
}

/// Verifies an HS256 token with a UTF-8 secret.
#[wasm_bindgen]
pub fn verify_hs256(token: &str, secret: &str) -> bool {
    let Some(report) = jwt::inspect(token) else {
        return false;
    };
    let key = Some(Secret::decode(secret, SecretEncoding::Utf8));
    jwt::verify(&report, AlgChoice::FromToken, key).as_str() == "valid"
}
