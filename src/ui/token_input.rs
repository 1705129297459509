//! `<TokenInput/>`: the textarea a token is pasted into, with Example and Clear.

use leptos::prelude::*;

/// The token textarea (`#token-input`) and its buttons.
#[component]
pub fn TokenInput(
    /// The text in the textarea, exactly as typed or pasted.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every edit.
    on_input: Callback<String>,
    /// Called when the user asks for the example token.
    on_example: Callback<()>,
    /// Called when the user clears the input.
    on_clear: Callback<()>,
    /// Called when the user wants to edit and re-sign the token.
    on_edit: Callback<()>,
) -> impl IntoView {
    let edited = move |ev| on_input.run(event_target_value(&ev));
    view! {
        <div class="token-input">
            <div class="section-head">
                <label for="token-input" class="section-title">"Encoded token"</label>
                <div class="buttons">
                    <button id="example-button" type="button" on:click=move |_| on_example.run(())>
                        "Example"
                    </button>
                    <button id="edit-token" type="button" on:click=move |_| on_edit.run(())>
                        "Edit & sign"
                    </button>
                    <button id="clear-button" type="button" on:click=move |_| on_clear.run(())>
                        "Clear"
                    </button>
                </div>
            </div>
            <textarea
                id="token-input"
                rows="7"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder="Paste a JWT here: eyJhbGciOi…"
                aria-describedby="cleaning-note token-error"
                prop:value=value
                on:input=edited
            ></textarea>
        </div>
    }
}
