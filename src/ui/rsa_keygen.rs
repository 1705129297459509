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

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::jwt::sign::pem;

/// A new RSA private key of `bits` bits (public exponent 65537), as PEM
/// `PRIVATE KEY`; the error says why the browser made none.
pub async fn generate(bits: u32) -> Result<String, String> {
    // Through `Reflect` rather than web-sys's SubtleCrypto bindings: those
    // features measured 130 bytes more in the first visit's wasm, which
    // shares this crate's web-sys.
    let subtle = get(&get(&js_sys::global(), "crypto")?, "subtle")?;
    let params = Object::new();
    for (name, value) in [
        ("name", JsValue::from_str("RSASSA-PKCS1-v1_5")),
        ("modulusLength", JsValue::from(bits)),
        ("publicExponent", Uint8Array::from(&[1u8, 0, 1][..]).into()),
        ("hash", JsValue::from_str("SHA-256")),
    ] {
        Reflect::set(&params, &JsValue::from_str(name), &value).map_err(describe)?;
    }
    let usages = Array::of2(&JsValue::from_str("sign"), &JsValue::from_str("verify"));
    let args = [params.into(), JsValue::TRUE, usages.into()];
    let pair = call(&subtle, "generateKey", &args).await?;
    let private = get(&pair, "privateKey")?;
    let der = call(&subtle, "exportKey", &[JsValue::from_str("pkcs8"), private]).await?;
    Ok(pem("PRIVATE KEY", &Uint8Array::new(&der).to_vec()))
}

fn get(target: &JsValue, name: &str) -> Result<JsValue, String> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
        .ok_or_else(|| format!("no {name}"))
}

/// Calls the method `name` of `target` and awaits the promise it returns.
async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let method: Function = get(target, name)?
        .dyn_into()
        .map_err(|_| format!("{name} is not a function"))?;
    let list: Array = args.iter().collect();
    let promise: Promise = method
        .apply(target, &list)
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| format!("{name} returned no promise"))?;
    JsFuture::from(promise).await.map_err(describe)
}

fn describe(e: JsValue) -> String {
    super::modules::describe(e)
}
