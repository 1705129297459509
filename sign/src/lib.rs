//! JWT Lens's signing wasm module: RS, PS, ES, EdDSA and ML-DSA signatures
//! with a private key the user pastes or makes in the page, and key
//! exports and conversions.
//!
//! Loaded on demand, like the keys module, when the encoder gets a
//! public-key `alg` or the decoder's key box converts a key. The work is
//! [`jwt_lens::jwt::sign`]; this crate only carries it across to JavaScript
//! as strings: every function takes text and returns one JSON object, with
//! `"ok": true` and the answer, or `"ok": false` and `"error"`, the page
//! text. Randomness comes in as 32 bytes of `crypto.getRandomValues`,
//! base64url, so this module imports nothing from JavaScript.

use jwt_lens::jwt::base64url::{self, Alphabet};
use jwt_lens::jwt::json::write_string;
use jwt_lens::jwt::sign::{
    self as core, KeyType, Randomness, SignError, SigningAlg, read_private_key, read_public_key,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// A JSON object of string members, in order.
fn object(ok: bool, members: &[(&str, &str)]) -> String {
    let mut out = format!("{{\"ok\":{ok}");
    for (name, value) in members {
        out.push(',');
        write_string(&mut out, name);
        out.push(':');
        write_string(&mut out, value);
    }
    out.push('}');
    out
}

fn error(e: &dyn std::fmt::Display) -> String {
    object(false, &[("error", &e.to_string())])
}

fn randomness(random_b64url: &str) -> Result<Randomness, SignError> {
    let bytes = base64url::decode(random_b64url, Alphabet::Url)
        .map(|d| d.bytes)
        .unwrap_or_default();
    Randomness::from_seed(&bytes)
}

/// Signs `signing_input` (the token's `header.payload` as written) under
/// `alg` with the private key in `key_text`. `random_b64url` is 32 random
/// bytes, used by RS and PS only.
///
/// Answers `{"ok":true,"signature_b64url":…}` or `{"ok":false,"error":…}`.
#[wasm_bindgen]
pub fn sign(alg: &str, key_text: &str, signing_input: &str, random_b64url: &str) -> String {
    let signed = (|| {
        let alg = SigningAlg::from_name(alg)?;
        let key = read_private_key(key_text)?;
        let mut random = randomness(random_b64url)?;
        core::sign(alg, &key, signing_input.as_bytes(), &mut random)
    })();
    match signed {
        Ok(signature) => object(
            true,
            &[("signature_b64url", &base64url::encode(&signature))],
        ),
        Err(e) => error(&e),
    }
}

/// The public key of the private key in `key_text`, and what the page says
/// about the key: `{"ok":true,"kind":…,"describe":…,"source":…,
/// "default_alg":…,"jwk":…,"jwks":…,"pem":…,"thumbprint":…}`. `alg`, when
/// the encoder has one the key fits, is written into the JWKS entry.
#[wasm_bindgen]
pub fn public_exports(key_text: &str, alg: Option<String>) -> String {
    let key = match read_private_key(key_text) {
        Ok(key) => key,
        Err(e) => return error(&e),
    };
    let alg = alg.and_then(|a| SigningAlg::from_name(&a).ok());
    match core::public_exports(&key.public_key(), alg) {
        Ok(e) => object(
            true,
            &[
                ("kind", key.kind()),
                ("describe", &key.describe()),
                ("source", key.source.describe()),
                ("default_alg", key.default_alg().name()),
                ("jwk", &e.jwk),
                ("jwks", &e.jwks),
                ("pem", &e.pem),
                ("thumbprint", &e.thumbprint),
            ],
        ),
        Err(e) => error(&e),
    }
}

/// The private key in `key_text` as PKCS #8 PEM and private JWK, for the
/// page's explicit "export private key" click:
/// `{"ok":true,"pkcs8_pem":…,"jwk":…}`.
#[wasm_bindgen]
pub fn private_exports(key_text: &str) -> String {
    match read_private_key(key_text).and_then(|k| core::private_exports(&k)) {
        Ok(e) => object(true, &[("pkcs8_pem", &e.pkcs8_pem), ("jwk", &e.jwk)]),
        Err(e) => error(&e),
    }
}

/// A new key pair of `kind` (`P-256`, `P-384`, `P-521`, `Ed25519`,
/// `ML-DSA-44`, `ML-DSA-65`, `ML-DSA-87`) from 32 random bytes, as its
/// PKCS #8 PEM (which fills the encoder's key box):
/// `{"ok":true,"pkcs8_pem":…,"default_alg":…}`. RSA kinds answer an error:
/// the page makes those with WebCrypto.
#[wasm_bindgen]
pub fn generate(kind: &str, random_b64url: &str) -> String {
    let made = (|| {
        let kind = KeyType::from_name(kind)?;
        let mut random = randomness(random_b64url)?;
        Ok::<_, SignError>((kind, core::pkcs8_pem(&core::generate(kind, &mut random))?))
    })();
    match made {
        Ok((kind, pem)) => object(
            true,
            &[
                ("pkcs8_pem", &pem),
                ("default_alg", kind.default_alg().name()),
            ],
        ),
        Err(e) => error(&e),
    }
}

/// A public key converted: PEM (SPKI, PKCS #1, certificate) or a JWK (or a
/// JWKS of one key), ML-DSA's included, as
/// `{"ok":true,"kind":…,"jwk":…,"pem":…,"thumbprint":…}`. Private keys and
/// secrets are refused with the decoder's own words.
#[wasm_bindgen]
pub fn convert_public(text: &str) -> String {
    let key = match read_public_key(text) {
        Ok(key) => key,
        Err(e) => return error(&e),
    };
    match core::public_exports(&key, None) {
        Ok(e) => object(
            true,
            &[
                ("kind", &e.kind),
                ("jwk", &e.jwk),
                ("pem", &e.pem),
                ("thumbprint", &e.thumbprint),
            ],
        ),
        Err(e) => error(&e),
    }
}
