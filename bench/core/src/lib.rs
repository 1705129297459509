//! Entry points for the benchmark: decode (as the page does on a paste),
//! verify HS256, and verify with a PEM public key.

use jwt_lens::jwt::{self, AlgChoice, Credential, Secret, SecretEncoding};
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
    let key = Credential::Secret(Secret::decode(secret, SecretEncoding::Utf8));
    jwt::verify(&report, key, AlgChoice::FromToken).as_str() == "valid"
}

/// Verifies a public-key token with a PEM key, parsed on every call as the
/// page does when a key is pasted.
#[wasm_bindgen]
pub fn verify_pem(token: &str, pem: &str) -> bool {
    jwt::inspect(token).is_some_and(|report| {
        jwt::verify::with_public_key(&report, AlgChoice::FromToken, pem, 0).0.as_str() == "valid"
    })
}
