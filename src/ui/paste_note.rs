//! `<PasteNote/>`: one line saying what a paste held and where (issue 14).

use leptos::prelude::*;

use super::html::{self, Html, tag};
use super::paste_reading::Progress;
use crate::jwt::paste::Extraction;

/// `#paste-note`, beside the cleaning note: "Found 3 tokens in a JSON
/// document: json:access_token; …", or how far a large paste's reading is
/// (`data-state="reading"`). Absent for a single pasted token.
#[component]
pub fn PasteNote(
    /// What the paste holds; `None` for a single token.
    #[prop(into)]
    paste: Signal<Option<Extraction>>,
    /// How far a large paste's reading is; `None` once it is read.
    #[prop(into)]
    reading: Signal<Option<Progress>>,
) -> impl IntoView {
    let note = move || {
        if let Some(progress) = reading.get() {
            let text = match progress {
                Progress::Started => "Reading a large paste…".to_owned(),
                Progress::Har { entries, percent } => {
                    format!("Reading a HAR file: {entries} entries, {percent} %…")
                }
            };
            return tag("p")
                .id("paste-note")
                .class("cleaning-note")
                .attr("data-state", "reading")
                .text(&text);
        }
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
