//! `<JsonPanel/>`: a decoded header or payload as exact, coloured JSON.

use leptos::prelude::*;

use super::claims_table::ClaimsTable;
use super::html;
use crate::jwt::{Part, Report, Section};

/// JSON longer than this is shown without colours.
const HIGHLIGHT_LIMIT: usize = 256 * 1024;

/// The pretty JSON of one part (`#header-json` or `#payload-json`) with its
/// decoded text one click away (open by default when it is not JSON).
#[component]
pub fn JsonPanel(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// `Part::Header` or `Part::Payload`.
    part: Part,
    /// Show the claims table instead of the JSON.
    #[prop(into)]
    table: Signal<bool>,
    /// Seconds since the epoch, ticking, for the table's relative times.
    #[prop(into)]
    now: Signal<i64>,
    /// Show the table's times in local time rather than UTC.
    #[prop(into)]
    local: Signal<bool>,
) -> impl IntoView {
    let (title, id) = match part {
        Part::Header => ("Header", "header-json"),
        _ => ("Payload", "payload-json"),
    };
    let has_json =
        move || report.with(|r| section_of(r.as_ref(), part).is_some_and(|s| s.pretty.is_some()));
    let has_text = move || report.with(|r| section_of(r.as_ref(), part).is_some());
    let coloured = move || {
        report.with(|r| {
            let pretty = section_of(r.as_ref(), part).and_then(|s| s.pretty.as_deref());
            pretty
                .map(|p| html::json(p, HIGHLIGHT_LIMIT))
                .unwrap_or_default()
        })
    };
    let raw = move || {
        report.with(|r| {
            section_of(r.as_ref(), part)
                .map(|s| s.text.clone())
                .unwrap_or_default()
        })
    };
    let note = move || {
        report.with(|r| match r {
            Some(r) if part == Part::Payload && r.segments.len() == 5 => {
                "Encrypted (JWE): not readable without the recipient's key."
            }
            Some(_) if section_of(r.as_ref(), part).is_none() => {
                "Could not be decoded: see the error."
            }
            _ => "",
        })
    };
    view! {
        <section class=format!("panel json-panel panel-{id}") aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title") class="section-title">{title}</h2>
            <p class="muted" hidden=move || note().is_empty()>{note}</p>
            <pre id=id class="json" tabindex="0" hidden=move || !has_json() || table.get() inner_html=coloured></pre>
            <div class="table-wrap" hidden=move || !has_json() || !table.get()>
                <ClaimsTable report=report part=part now=now local=local />
            </div>
            <details class="raw" hidden=move || !has_text() prop:open=move || !has_json()>
                <summary>"Decoded text, as in the token"</summary>
                <pre class="raw-text">{raw}</pre>
            </details>
        </section>
    }
}

fn section_of(report: Option<&Report>, part: Part) -> Option<&Section> {
    let report = report?;
    match part {
        Part::Header => report.header.as_ref(),
        _ => report.payload.as_ref(),
    }
}
