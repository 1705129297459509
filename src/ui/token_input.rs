//! `<TokenInput/>`: the textarea a token is pasted into, with Example and Clear.

use leptos::prelude::*;

/// Pastes longer than this stay out of the textarea, which shows their start.
pub const LARGE_INPUT: usize = 256 * 1024;
/// How many characters of a large paste the textarea shows.
const PREVIEW_CHARS: usize = 4_000;

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
    // A huge paste goes straight to the model: laid out in the textarea, 5 MB
    // of text would freeze the page for over a second.
    let pasted = move |ev: leptos::ev::ClipboardEvent| {
        let text = ev.clipboard_data().and_then(|d| d.get_data("text").ok());
        if let Some(text) = text.filter(|t| t.len() > LARGE_INPUT) {
            ev.prevent_default();
            on_input.run(text);
        }
    };
    let large = move || value.with(|v| v.len() > LARGE_INPUT);
    let shown = move || {
        value.with(|v| {
            if v.len() <= LARGE_INPUT {
                return v.clone();
            }
            let head: String = v.chars().take(PREVIEW_CHARS).collect();
            format!("{head}…")
        })
    };
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
                prop:value=shown
                prop:readOnly=large
                on:input=edited
                on:paste=pasted
            ></textarea>
            <p id="large-input-note" class="hint" hidden=move || !large()>
                {move || format!(
                    "A large paste ({} KB) is held in memory and decoded whole; the box shows its start. Clear to paste another.",
                    value.with(String::len) / 1024
                )}
            </p>
        </div>
    }
}
