//! `<CopyButton/>`: copies a text and says so.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;

/// A button that copies `text` to the clipboard and reads "Copied" for a
/// moment after, announced to screen readers.
#[component]
pub fn CopyButton(
    /// The element id, for tests and documentation.
    id: &'static str,
    /// The button's label.
    label: &'static str,
    /// The text to copy.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        browser::copy_to_clipboard(&text.get_untracked());
        copied.set(true);
        set_timeout(move || copied.set(false), Duration::from_millis(1500));
    };
    view! {
        <button id=id type="button" class="copy" aria-live="polite" on:click=copy>
            {move || if copied.get() { "Copied ✓" } else { label }}
        </button>
    }
}
