//! `<JsonPanel/>`: a decoded header or payload as exact, coloured JSON, or as
//! a claims table.

use leptos::prelude::*;

use super::claims_table::ClaimsTable;
use super::html;
use crate::jwt::{Part, Report, Section};

/// JSON longer than this is shown without colours.
const HIGHLIGHT_LIMIT: usize = 256 * 1024;

/// The pretty JSON of one part (`#header-json` or `#payload-json`) with its
/// decoded text one click away (open when it is not JSON), and its claims
/// table, shown instead of the JSON in the table view.
#[component]
pub fn JsonPanel(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// `Part::Header` or `Part::Payload`.
    part: Part,
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
    // Depends on the token only, so a selection in the JSON survives the clock.
    let body = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| body_html(r, part, id))
                .unwrap_or_default()
        })
    };
    view! {
        <section class=format!("panel json-panel panel-{id}") aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title") class="section-title">{title}</h2>
            <div class="json-view" inner_html=body></div>
            <div class="table-wrap">
                <ClaimsTable report=report part=part now=now local=local />
            </div>
        </section>
    }
}

fn body_html(r: &Report, part: Part, id: &str) -> String {
    let section: Option<&Section> = match part {
        Part::Header => r.header.as_ref(),
        _ => r.payload.as_ref(),
    };
    let Some(section) = section else {
        let note = if part == Part::Payload && r.segments.len() == 5 {
            "Encrypted (JWE): not readable without the recipient's key."
        } else {
            "Could not be decoded: see the error."
        };
        return html::element("p", "muted", note);
    };
    let mut out = String::new();
    if let Some(pretty) = &section.pretty {
        out.push_str(&format!("<pre id=\"{id}\" class=\"json\" tabindex=\"0\">"));
        out.push_str(&html::json(pretty, HIGHLIGHT_LIMIT));
        out.push_str("</pre>");
    }
    let open = if section.pretty.is_none() {
        " open"
    } else {
        ""
    };
    out.push_str(&format!(
        "<details class=\"raw\"{open}><summary>Decoded text, as in the token</summary><pre class=\"raw-text\">"
    ));
    html::push_escaped(&mut out, &section.text);
    out.push_str("</pre></details>");
    out
}
