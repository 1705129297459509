//! `<JsonPanel/>`: a decoded header or payload as exact, coloured JSON, or as
//! a claims table.

use leptos::prelude::*;

use super::claims_table::ClaimsTable;
use super::html;
use crate::jwt::{Part, Report, Section};

/// How much of a part's JSON and text the page lays out: more would cost
/// the browser hundreds of milliseconds for no reader's benefit. The full text
/// stays in memory, for copying and for the encoder.
const SHOWN_BYTES: usize = 16 * 1024;

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
            <div class="json-view" inner_html=Signal::derive(body)></div>
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
        let (shown, cut) = head(pretty);
        out.push_str(&format!("<pre id=\"{id}\" class=\"json\" tabindex=\"0\">"));
        out.push_str(&html::json(shown, SHOWN_BYTES));
        out.push_str("</pre>");
        out.push_str(&cut_note(cut, pretty.len()));
    }
    let open = if section.pretty.is_none() {
        " open"
    } else {
        ""
    };
    out.push_str(&format!(
        "<details class=\"raw\"{open}><summary>Decoded text, as in the token</summary><pre class=\"raw-text\">"
    ));
    let (shown, cut) = head(&section.text);
    html::push_escaped(&mut out, shown);
    out.push_str("</pre>");
    out.push_str(&cut_note(cut, section.text.len()));
    out.push_str("</details>");
    out
}

/// The first [`SHOWN_BYTES`] of `text`, ending at a line break when there is
/// one, and whether anything was cut.
fn head(text: &str) -> (&str, bool) {
    if text.len() <= SHOWN_BYTES {
        return (text, false);
    }
    let mut end = SHOWN_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text.get(..end).unwrap_or_default();
    (
        cut.rfind('\n').map_or(cut, |i| cut.get(..i).unwrap_or(cut)),
        true,
    )
}

fn cut_note(cut: bool, total: usize) -> String {
    if !cut {
        return String::new();
    }
    html::element(
        "p",
        "cut-note",
        &format!(
            "Showing the first {} KB of {} KB: the page lays out no more, so that it stays responsive. \
             Use the encoder (Edit & sign) or copy the token to work with all of it.",
            SHOWN_BYTES / 1024,
            total / 1024
        ),
    )
}
