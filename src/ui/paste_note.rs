//! `<PasteNote/>`: one line saying what a paste held and where (issue 14).

use leptos::prelude::*;

use super::html::{self, Html, tag};
use crate::jwt::paste::Extraction;

/// `#paste-note`, beside the cleaning note: "Found 3 tokens in a JSON
/// document: json:access_token; …". Absent for a single pasted token.
#[component]
pub fn PasteNote(
    /// What the paste holds; `None` for a single token.
    #[prop(into)]
    paste: Signal<Option<Extraction>>,
) -> impl IntoView {
    let note = move || {
        paste.with(|p| match p {
            Some(found) => tag("p")
                .id("paste-note")
                .class("cleaning-note")
                .text(&found.note()),
            None => Html::new(),
        })
    };
    view! { <div class="slot" aria-live="polite" inner_html=html::inner(note)></div> }
}
