//! `<JsonPanel/>`: a decoded header or payload as exact, coloured JSON.

use leptos::prelude::*;

use crate::jwt::json::{self, Highlight};
use crate::jwt::{Part, Report, Section};

/// JSON longer than this is shown without colours, which would cost one
/// element per token.
const HIGHLIGHT_LIMIT: usize = 64 * 1024;

/// The pretty JSON of one part (`#header-json` or `#payload-json`) with its
/// decoded text one click away.
#[component]
pub fn JsonPanel(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// `Part::Header` or `Part::Payload`.
    part: Part,
) -> impl IntoView {
    let (title, id) = match part {
        Part::Header => ("Header", "header-json"),
        _ => ("Payload", "payload-json"),
    };
    let section = move |r: &Report| match part {
        Part::Header => r.header.clone(),
        _ => r.payload.clone(),
    };
    let body = move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let encrypted = part == Part::Payload && r.segments.len() == 5;
            Some(match section(r) {
                Some(section) => section_view(section, id).into_any(),
                None if encrypted => view! { <p class="muted">"Encrypted (JWE): not readable without the key."</p> }.into_any(),
                None => view! { <p class="muted">"Could not be decoded: see the error."</p> }.into_any(),
            })
        })
    };
    view! {
        <section class=format!("panel json-panel panel-{id}") aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title") class="section-title">{title}</h2>
            {body}
        </section>
    }
}

fn section_view(section: Section, id: &'static str) -> impl IntoView {
    let Section { text, pretty, .. } = section;
    let shown = pretty.map(|pretty| {
        view! { <pre id=id class="json" tabindex="0">{coloured(pretty)}</pre> }
    });
    let raw_open = shown.is_none();
    view! {
        {shown}
        <details class="raw" open=raw_open>
            <summary>"Decoded text, as in the token"</summary>
            <pre class="raw-text">{text}</pre>
        </details>
    }
}

fn coloured(pretty: String) -> AnyView {
    if pretty.len() > HIGHLIGHT_LIMIT {
        return pretty.into_any();
    }
    json::highlight(&pretty)
        .into_iter()
        .map(|(kind, run)| {
            let run = run.to_owned();
            match kind {
                Highlight::Punctuation => run.into_any(),
                Highlight::Key => view! { <span class="j-key">{run}</span> }.into_any(),
                Highlight::String => view! { <span class="j-str">{run}</span> }.into_any(),
                Highlight::Number => view! { <span class="j-num">{run}</span> }.into_any(),
                Highlight::Literal => view! { <span class="j-lit">{run}</span> }.into_any(),
            }
        })
        .collect_view()
        .into_any()
}
