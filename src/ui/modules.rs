//! Calling a wasm module that loads on demand (keys, sign, and any later one).
//!
//! `scripts/post_build.py` packs each module into its own script and gives
//! the app a loader for it, `globalThis.jwtLens<Name>()`, which imports the
//! script the first time and resolves to the module's exports; a failed
//! import resets, so the next call tries again. Every module speaks strings:
//! text in, JSON text out, read back by the core's own reader.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Loads the module behind `loader` (`"jwtLensKeys"`) if needed and calls
/// its export `function` with `args`; the text it returns, or why not.
pub async fn call(loader: &str, function: &str, args: &[JsValue]) -> Result<String, String> {
    let module = load(loader).await?;
    let export: Function = Reflect::get(&module, &JsValue::from_str(function))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the module has no function {function}"))?;
    let list: Array = args.iter().collect();
    export
        .apply(&module, &list)
        .map_err(describe)?
        .as_string()
        .ok_or_else(|| "the module returned no text".to_owned())
}

/// Loads the module behind `loader` if needed and resolves to its exports:
/// called ahead of [`call`] when the module will soon be needed (the encoder
/// preloads the signing module when a public-key `alg` is chosen).
pub async fn load(loader: &str) -> Result<JsValue, String> {
    let global = js_sys::global();
    let load: Function = Reflect::get(&global, &JsValue::from_str(loader))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("this build does not carry the module")?;
    let promise: Promise = load
        .call0(&global)
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "its loader returned no promise".to_owned())?;
    JsFuture::from(promise).await.map_err(describe)
}

/// A thrown value's message.
pub(super) fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown error".to_owned())
}
