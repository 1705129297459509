//! `<SecretForm/>`: the secret, how it is encoded, and which algorithm to verify.

use leptos::prelude::*;

use super::html;
use crate::jwt::{Alg, AlgChoice, HmacAlg, SecretEncoding};

/// Inputs for verification. Nothing typed here is stored or put in the URL.
#[component]
pub fn SecretForm(
    /// The secret as typed.
    #[prop(into)]
    secret: Signal<String>,
    /// How the typed secret becomes bytes.
    #[prop(into)]
    encoding: Signal<SecretEncoding>,
    /// Which algorithm verification uses.
    #[prop(into)]
    alg_choice: Signal<AlgChoice>,
    /// The token's own `alg`, shown so the choice is never silent.
    #[prop(into)]
    token_alg: Signal<Option<Alg>>,
    /// Called with the secret on every edit.
    on_secret: Callback<String>,
    /// Called when another encoding is chosen.
    on_encoding: Callback<SecretEncoding>,
    /// Called when another algorithm is chosen.
    on_alg_choice: Callback<AlgChoice>,
) -> impl IntoView {
    let secret_edited = move |ev| on_secret.run(event_target_value(&ev));
    let encoding_chosen = move |ev| {
        if let Some(e) = SecretEncoding::from_id(&event_target_value(&ev)) {
            on_encoding.run(e);
        }
    };
    let alg_chosen = move |ev| {
        let value = event_target_value(&ev);
        on_alg_choice
            .run(HmacAlg::from_name(&value).map_or(AlgChoice::FromToken, AlgChoice::Fixed));
    };
    // For a public-key token the secret is never used; the box says so.
    let placeholder = move || match token_alg.get() {
        Some(alg) if crate::jwt::keys::is_public_key_alg(&alg) => {
            format!("Not used for {alg}: paste the public key below")
        }
        _ => "The HMAC secret (HS256, HS384, HS512)".to_owned(),
    };
    let from_token_label = move || match token_alg.get() {
        // Any text the token put in `alg`: Leptos escapes the HTML, `visible` the rest.
        Some(alg) => format!("As the token says ({})", html::visible(&alg.to_string())),
        None => "As the token says".to_owned(),
    };
    let encodings = SecretEncoding::ALL
        .map(|e| {
            let selected = move || encoding.get() == e;
            view! { <option value=e.id() selected=selected>{e.label()}</option> }
        })
        .collect_view();
    let algs = HmacAlg::ALL
        .map(|a| {
            let selected = move || alg_choice.get() == AlgChoice::Fixed(a);
            view! { <option value=a.name() selected=selected>{format!("{a} only")}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="secret-form">
            <legend class="section-title">"Verify with a secret (HMAC)"</legend>
            <label for="secret-input">"Secret"</label>
            <input
                id="secret-input"
                type="text"
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                prop:value=secret
                on:input=secret_edited
            />
            <div class="form-row">
                <label>
                    "Secret encoding"
                    <select id="secret-encoding" on:change=encoding_chosen>
                        {encodings}
                    </select>
                </label>
                <label>
                    "Algorithm"
                    <select id="verify-alg" on:change=alg_chosen>
                        <option value="token" selected=move || alg_choice.get() == AlgChoice::FromToken>
                            {from_token_label}
                        </option>
                        {algs}
                    </select>
                </label>
            </div>
        </fieldset>
    }
}
