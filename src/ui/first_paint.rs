//! The first paint: the pasted token decoded on screen before the app arrives.
//!
//! The page's first script is a small module (`src/first.rs`) that runs only
//! this: it reads what `index.html`'s static markup holds (the token box, the
//! secret box, a `#token=` link), decodes it with the core and writes the
//! header, payload and expiry views, the coloured token, the errors and the
//! HMAC verdict into the static markup's slots, again on every edit. It uses
//! the very builders the app's components use for the same views, so both
//! paint the same markup; it has no reactive runtime, which is what keeps it
//! within the first visit's budget (README, "Performance and size").
//!
//! The app (every panel, with Leptos) is the next module: the loader imports
//! it when the browser is idle after this paint, and it takes over the static
//! markup with what was typed in it ([`super::browser::take_boot_input`]).
//! If it cannot load (offline before a first complete visit, or a redeploy
//! removed its file), this paint stays usable and `#app-status` says why.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::browser;
use super::html::{Html, tag};
use super::{error_banner, json_panel, segment_view, signature_panel, time_claims, verify_badge};
use crate::jwt::{self, AlgChoice, Credential, Part, Report, Secret, SecretEncoding};

/// Paints the static markup, then again on every edit of the token or
/// secret box. Does nothing in an embed, which the app renders itself.
pub fn run() {
    if browser::query_flag("embed") {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(input) = textarea(&document, "token-input") else {
        return;
    };
    if input.value().is_empty()
        && let Some(token) = browser::token_from_fragment()
    {
        input.set_value(&token);
    }
    // Local times wait for the repaint just after the first frame: the
    // first `toLocaleString` of a page loads the locale's data, 14 to 34 ms
    // measured in a fresh Chromium page, which the token need not wait for.
    paint(&document, false);
    let repaint = Closure::<dyn Fn()>::new(move || {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            paint(&document, true);
        }
    });
    after_next_frame(&repaint);
    for id in ["token-input", "secret-input"] {
        if let Some(element) = document.get_element_by_id(id) {
            let _ =
                element.add_event_listener_with_callback("input", repaint.as_ref().unchecked_ref());
        }
    }
    // The listeners live as long as the static markup; the app removes both.
    repaint.forget();
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-first-paint", "");
    }
}

/// Calls `f` once the browser has drawn the next frame: from a zero-delay
/// timeout set by a `requestAnimationFrame` callback.
fn after_next_frame(f: &Closure<dyn Fn()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback: js_sys::Function = f.as_ref().clone().unchecked_into();
    let then = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&callback, 0);
        }
    });
    let _ = window.request_animation_frame(then.unchecked_ref());
}

/// Decodes the token box and writes both columns' slots; with `local`,
/// times also in the user's time zone.
fn paint(document: &web_sys::Document, local: bool) {
    let (token, secret) = browser::boot_boxes(document);
    let report = jwt::decode(&token);
    let (encoded, verdict, decoded) = match &report {
        Some(report) => (
            encoded_html(report),
            verdict_html(report, &secret),
            decoded_html(report, browser::now_seconds(), local),
        ),
        None => (Html::new(), Html::new(), Html::new()),
    };
    let slots = [
        ("boot-encoded", encoded),
        ("boot-verdict", verdict),
        ("boot-decoded", decoded),
    ];
    for (id, html) in slots {
        if let Some(slot) = document.get_element_by_id(id) {
            slot.set_inner_html(html.as_str());
        }
    }
}

/// Under the token box: the coloured token, what cleaning removed, the errors.
fn encoded_html(report: &Report) -> Html {
    Html::concat([
        segment_view::shown_html(report),
        error_banner::banner_html(report),
    ])
}

/// Under the secret box: the HMAC verdict with the typed secret (UTF-8, as
/// the app's secret box reads it by default).
fn verdict_html(report: &Report, secret: &str) -> Html {
    let credential = if secret.is_empty() {
        Credential::None
    } else {
        Credential::Secret(Secret::decode(secret, SecretEncoding::Utf8))
    };
    verify_badge::badge_html(&jwt::verify(report, credential, AlgChoice::FromToken))
}

/// The decoded column: validity, header, payload and signature.
fn decoded_html(report: &Report, now: i64, local: bool) -> Html {
    let json = |part, title: &'static str, id| {
        tag("section")
            .class("panel")
            .class("json-panel")
            .child(Html::concat([
                tag("h2").class("section-title").text(title),
                tag("div")
                    .class("json-view")
                    .child(json_panel::body_html(report, part, id)),
            ]))
    };
    Html::concat([
        time_claims::panel_html(
            report,
            now,
            if local {
                browser::local_time
            } else {
                no_local_time
            },
            false,
        ),
        json(Part::Header, "Header", "header-json"),
        json(Part::Payload, "Payload", "payload-json"),
        signature_panel::panel_html(report).unwrap_or_default(),
    ])
}

fn textarea(document: &web_sys::Document, id: &str) -> Option<web_sys::HtmlTextAreaElement> {
    document.get_element_by_id(id)?.dyn_into().ok()
}

/// The local-time cell before the locale's data is loaded: empty.
fn no_local_time(_: i64) -> String {
    String::new()
}
