//! JWT Lens's third wasm module: JWE decryption with a pasted private key,
//! secret or password.
//!
//! It links the RustCrypto crates for key management and content
//! encryption, which the page's own module leaves out, and is meant to be
//! loaded only when a JWE gets a key, as `keys/` is for public-key
//! signatures. The work is [`jwt_lens::jwt::jwe::decrypt`]; this crate only
//! carries it across to JavaScript.

use jwt_lens::jwt::jwe::{self, Answer};
use wasm_bindgen::prelude::wasm_bindgen;

/// Decrypts the JWE in `token` (compact, or JSON serialization) with the
/// key text. Returns [`Answer::to_wire`]'s JSON:
/// `{state: "decrypted" | "failed" | "refused", reason, header,
/// protected_header, alg, enc, plaintext, plaintext_encoding: "utf8" |
/// "base64url", nested: "" | "cty" | "shape", key_reading,
/// key_reading_text, compressed, warnings: [..]}`.
#[wasm_bindgen]
pub fn decrypt(token: &str, key: &str) -> String {
    Answer::from_result(&jwe::decrypt(token, key)).to_wire()
}
