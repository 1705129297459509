//! Several tokens in one embed (`?embed#tokens=<a>,<b>,…`), each compactly.

use leptos::prelude::*;

use super::claims_table::table_html;
use super::findings_list;
use super::html::{self, Html, element, tag};
use super::time_claims::status_sentence;
use crate::jwt::insight::guess_role;
use crate::jwt::{self, Part, Report};

/// Pretty JSON longer than this is shown uncoloured, as in the full panel.
const COLOUR_BYTES: usize = 16 * 1024;

/// The tokens of `index.html?embed#tokens=<a>,<b>,…`, each in its own
/// `.embed-token` with `data-role` (what [`guess_role`] says it is), in
/// order, ticking with `now`.
pub(super) fn token_list(tokens: &[String], now: RwSignal<i64>) -> impl IntoView + use<> {
    let count = tokens.len();
    let items = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| embed_token(jwt::inspect(token), (i + 1, count), now))
        .collect_view();
    view! { <div class="embed-tokens">{items}</div> }
}

/// One token of the list: `.embed-token[data-role]` with a title that says
/// which token of how many and what it looks like, its validity and claims
/// table (re-rendered as the clock ticks), then the payload, the header and
/// the findings (rendered once, so an opened `<details>` or a scrolled JSON
/// view stays as the reader left it).
// Two `inner_html` bindings and no child component: every element of a
// `view!` costs wasm, and the page's first visit is on a budget.
fn embed_token(report: Option<Report>, place: (usize, usize), now: RwSignal<i64>) -> impl IntoView {
    let role = report.as_ref().map(|r| guess_role(r).role);
    let title = format!(
        "Token {} of {}: {}",
        place.0,
        place.1,
        role.map_or("not a token", |r| r.label())
    );
    let fixed = report.as_ref().map(body_html).unwrap_or_default();
    let live = move || {
        let (Some(r), now) = (report.as_ref(), now.get()) else {
            return Html::new();
        };
        let mut out = r.status(now, 0).map_or_else(Html::new, |s| {
            tag("p")
                .class("token-status")
                .attr("data-state", s.as_str())
                .text(&status_sentence(r, s, now))
        });
        if let Some(json) = r.payload.as_ref().and_then(|p| p.json.as_ref()) {
            out.push(tag("div").class("table-wrap").child(
                tag("table").class("claims-table").child(table_html(
                    json,
                    Part::Payload,
                    now,
                    None,
                )),
            ));
        }
        out
    };
    view! {
        <section class="panel embed-token" data-role=role.map_or("unknown", |r| r.as_str())>
            <h2 class="section-title">{title}</h2>
            <div class="slot" inner_html=html::inner(live)></div>
            <div class="json-view" inner_html=html::inner(move || fixed.clone())></div>
        </section>
    }
}

/// The payload's pretty JSON, the header's under a `<details>`, and the
/// findings; everything from the token is escaped by [`html`].
fn body_html(r: &Report) -> Html {
    let mut out = Html::new();
    match r.payload.as_ref().and_then(|p| p.pretty.as_deref()) {
        Some(pretty) => out.push(
            tag("pre")
                .class("json")
                .attr("tabindex", "0")
                .child(html::json(pretty, COLOUR_BYTES)),
        ),
        None => out.push(element("p", "muted", "The payload could not be decoded.")),
    }
    if let Some(pretty) = r.header.as_ref().and_then(|h| h.pretty.as_deref()) {
        out.push(
            tag("details").class("raw").child(Html::concat([
                tag("summary").text("Header"),
                tag("pre")
                    .class("json")
                    .child(html::json(pretty, COLOUR_BYTES)),
            ])),
        );
    }
    if !r.findings.is_empty() {
        out.push(
            tag("ul")
                .class("embed-findings")
                .attr("aria-label", "Findings")
                .child(findings_list::items_html(&r.findings)),
        );
    }
    out
}
