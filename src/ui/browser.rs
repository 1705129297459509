//! The few things the page asks of the browser: the clock, local time, the URL fragment.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::fragment;

/// Seconds since the Unix epoch, from the browser's clock.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// `secs` as a date and time in the user's locale and time zone.
pub fn local_time(secs: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(secs as f64 * 1000.0));
    String::from(date.to_locale_string("default", &JsValue::UNDEFINED))
}

/// The token named by a `#token=…` fragment, or the first of `#tokens=…`,
/// if the page's URL has one. A fragment never reaches a server, which is
/// why the token may travel there.
pub fn token_from_fragment() -> Option<String> {
    tokens_from_fragment().into_iter().next()
}

/// The tokens of a `#tokens=<a>,<b>,…` fragment in order, or the one of
/// `#token=…`; empty without either ([`fragment::decode_list`]: the
/// commas only separate).
pub fn tokens_from_fragment() -> Vec<String> {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if let Some(value) = hash.strip_prefix("#token=") {
        vec![fragment::decode(value)]
    } else if let Some(list) = hash.strip_prefix("#tokens=") {
        fragment::decode_list(list)
    } else {
        Vec::new()
    }
}

/// Removes the fragment from the address bar without reloading or adding history.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let has_fragment = window.location().hash().is_ok_and(|h| !h.is_empty());
    if let (true, Ok(history)) = (has_fragment, window.history()) {
        let path = window.location().pathname().unwrap_or_default();
        let search = window.location().search().unwrap_or_default();
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// Seconds since the epoch for a `datetime-local` value (`2024-01-01T12:00:00`,
/// read in the user's time zone); `None` when empty or unreadable.
pub fn parse_local_datetime(text: &str) -> Option<i64> {
    if text.trim().is_empty() {
        return None;
    }
    let ms = js_sys::Date::parse(text);
    ms.is_finite().then(|| (ms / 1000.0).floor() as i64)
}

/// `len` bytes from the browser's CSPRNG (`crypto.getRandomValues`).
pub fn random_bytes(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        // A failure leaves zeros, which the caller never uses as a key: it
        // happens only without a CSPRNG, where the page cannot run anyway.
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// Copies `text` to the clipboard; resolves without waiting.
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// This page's address without its query or fragment, then `#token=` and
/// the token, percent-encoded so that it reads back exactly.
pub fn share_link(token: &str) -> String {
    format!("{}#token={}", page_address(), fragment::encode(token))
}

/// This page's address without its query or fragment, then `#tokens=` and
/// the tokens, each percent-encoded, separated by commas.
pub fn share_link_all(tokens: &[String]) -> String {
    format!(
        "{}#tokens={}",
        page_address(),
        fragment::encode_list(tokens)
    )
}

/// This page's address without its query or fragment.
fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// Whether the page's query string has `name` as a flag (`?embed`, `?embed&verify`).
pub fn query_flag(name: &str) -> bool {
    query_value(name).is_some()
}

/// The value of `name` in the page's query string (`theme` in
/// `?embed&theme=dark` is `dark`; a bare flag has the value `""`).
pub fn query_value(name: &str) -> Option<String> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| match pair.split_once('=') {
            Some((key, value)) => (key == name).then(|| value.to_owned()),
            None => (pair == name).then(String::new),
        })
}

/// Sets `data-theme` on `<html>` (`light` or `dark`), which style.css
/// applies whatever `prefers-color-scheme` says.
pub fn set_theme(theme: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// What was typed into `index.html`'s static markup before the app started
/// (the first paint's token and secret boxes), and which box had the focus.
#[derive(Default)]
pub struct BootInput {
    /// The token box's text, exactly as typed or pasted.
    pub token: String,
    /// The secret box's text.
    pub secret: String,
    /// The id of the box that had the focus, to give it back.
    pub focused: Option<&'static str>,
}

/// Takes what was typed into the static markup ([`BootInput`]) and removes
/// that markup, whose listeners go with it.
pub fn take_boot_input() -> BootInput {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return BootInput::default();
    };
    let Some(boot) = document.get_element_by_id("boot") else {
        return BootInput::default();
    };
    let (token, secret) = boot_boxes(&document);
    let active = document.active_element().map(|a| a.id());
    let focused = ["token-input", "secret-input"]
        .into_iter()
        .find(|id| active.as_deref() == Some(*id));
    boot.remove();
    BootInput {
        token,
        secret,
        focused,
    }
}

/// The text of the static markup's token box (`#token-input`, a textarea)
/// and secret box (`#secret-input`), empty where there is none.
pub fn boot_boxes(document: &web_sys::Document) -> (String, String) {
    let token = document
        .get_element_by_id("token-input")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|i| i.value());
    let secret = document
        .get_element_by_id("secret-input")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value());
    (token.unwrap_or_default(), secret.unwrap_or_default())
}

/// Focuses the element with `id`, if there is one.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Marks the page as started (`<body data-ready>`), for tests and embedders.
pub fn mark_ready() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-ready", "");
    }
}

/// How long [`idle_period`] waits for an idle period before it resolves
/// anyway, so that work put off until the page is idle still gets done on
/// a busy page.
const IDLE_TIMEOUT_MS: f64 = 250.0;

/// Resolves in the browser's next idle period with the milliseconds left in
/// it (0 when its timeout of [`IDLE_TIMEOUT_MS`] ran out first). Where
/// there is no `requestIdleCallback` (Safari), after a zero-delay timeout,
/// with `None` for the time left.
pub async fn idle_period() -> Option<f64> {
    let promise = Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
            return;
        };
        let idle = Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        match idle {
            Some(idle) => {
                let options = js_sys::Object::new();
                let _ = Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
                let _ = idle.call2(&window, &resolve, &options);
            }
            None => {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let deadline = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    Reflect::get(&deadline, &JsValue::from_str("timeRemaining"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&deadline).ok())
        .and_then(|ms| ms.as_f64())
}
