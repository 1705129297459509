//! RSA key pairs from the browser's WebCrypto, as PKCS #8 PEM.
//!
//! # Design
//!
//! Making an RSA key means finding two large primes: RustCrypto's `rsa` on
//! the page's thread would freeze the page for seconds at 4096 bits (and
//! would put prime generation into the signing module), while
//! `crypto.subtle.generateKey` works on the browser's own threads and
//! resolves a promise. The key is made extractable only so that its PKCS #8
//! can fill the encoder's key box, which is where every key in use is shown.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::jwt::sign::pem;

/// A new RSA private key of `bits` bits (public exponent 65537), as PEM
/// `PRIVATE KEY`; the error says why the browser made none.
pub async fn generate(bits: u32) -> Result<String, String> {
    let subtle = web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(describe)?
        .subtle();
    let params = Object::new();
    let set = |name: &str, value: &JsValue| Reflect::set(&params, &JsValue::from_str(name), value);
    set("name", &JsValue::from_str("RSASSA-PKCS1-v1_5")).map_err(describe)?;
    set("modulusLength", &JsValue::from(bits)).map_err(describe)?;
    set("publicExponent", &Uint8Array::from(&[1u8, 0, 1][..])).map_err(describe)?;
    set("hash", &JsValue::from_str("SHA-256")).map_err(describe)?;
    let usages = Array::of2(&JsValue::from_str("sign"), &JsValue::from_str("verify"));
    let pair = JsFuture::from(
        subtle
            .generate_key_with_object(&params, true, &usages)
            .map_err(describe)?,
    )
    .await
    .map_err(describe)?;
    let private: web_sys::CryptoKey = Reflect::get(&pair, &JsValue::from_str("privateKey"))
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no private key in the pair".to_owned())?;
    let der = JsFuture::from(subtle.export_key("pkcs8", &private).map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(pem("PRIVATE KEY", &Uint8Array::new(&der).to_vec()))
}

fn describe(e: JsValue) -> String {
    super::modules::describe(e)
}
