//! The page: small Leptos components over [`crate::jwt`].
//!
//! [`App`] owns every input signal and derives the report; each child shows
//! one part of it and reports back through callbacks.

mod app;
mod browser;
mod claims_table;
mod copy_button;
mod cross_checks;
mod decryption;
mod decryption_form;
mod detached_payload;
mod disclosures;
mod dpop_signature;
mod embed;
mod embed_list;
mod encoder;
mod encoder_alg;
mod encoder_export;
mod encoder_key;
mod encoder_sign;
mod envelope;
mod error_banner;
mod findings_list;
mod first_paint;
mod fragment;
pub mod highlight;
pub mod html;
mod json_panel;
mod jwe_module;
mod jws_json_state;
mod kb_checks;
mod key_converted;
mod key_form;
mod key_module;
mod known_secrets;
mod latest;
mod model;
mod modules;
mod nested_token;
mod paste_note;
mod paste_reading;
mod rsa_keygen;
mod sd_jwt_state;
mod secret_form;
mod segment_view;
mod share_link;
mod shown_token;
mod sign_module;
mod signature_panel;
mod signatures;
mod time_claims;
mod token_input;
mod token_list;
mod use_known_secret;
mod validation_panel;
mod verification;
mod verify_badge;
mod view_options;

pub use app::App;
pub use embed::Embed;
pub use first_paint::run as first_paint;

/// Mounts the page: the compact embed for `?embed` (one token, or a list
/// for `#tokens=` with several; `&theme=` and `&view=table` set by the
/// host), the full app otherwise.
///
/// What was typed into `index.html`'s static markup (the first paint's token
/// and secret boxes) before the app arrived is carried into the app, with the
/// focus.
pub fn mount() {
    let boot = browser::take_boot_input();
    if browser::query_flag("embed") {
        let verify = browser::query_flag("verify");
        let table = browser::query_value("view").as_deref() == Some("table");
        if let Some(theme @ ("light" | "dark")) = browser::query_value("theme").as_deref() {
            browser::set_theme(theme);
        }
        let tokens = browser::tokens_from_fragment();
        leptos::mount::mount_to_body(
            move || leptos::view! { <Embed verify=verify table=table tokens=tokens /> },
        );
    } else {
        let initial = if boot.token.is_empty() {
            browser::token_from_fragment().unwrap_or_default()
        } else {
            boot.token
        };
        let secret = boot.secret;
        leptos::mount::mount_to_body(
            move || leptos::view! { <App initial=initial secret=secret /> },
        );
        if let Some(id) = boot.focused {
            browser::focus(id);
        }
    }
    browser::mark_ready();
}
