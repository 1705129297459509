//! `<EmbedList/>`: several tokens in one embed (`?embed#tokens=<a>,<b>,…`), each compactly.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;
use super::claims_table::ClaimsTable;
use super::findings_list;
use super::html::{self, Html, element, tag};
use super::time_claims::status_sentence;
use crate::jwt::insight::guess_role;
use crate::jwt::{self, Part, Report};

/// Pretty JSON longer than this is shown uncoloured, as in the full panel.
const COLOUR_BYTES: usize = 16 * 1024;

/// `index.html?embed#tokens=<a>,<b>,…`: one `.embed-token` per token, in
/// order, each with `data-role` (what [`guess_role`] says it is), its
/// validity, payload, header and findings; `#open-in-lens` opens the full
/// app with the same tokens. Like [`super::Embed`] it reads nothing from the
/// host page and sends nothing anywhere but its height (see index.html's loader).
#[component]
pub fn EmbedList(
    /// The tokens as they came in the fragment, in order.
    tokens: Vec<String>,
    /// Open in the claims-table view (`&view=table`) rather than the JSON.
    table: bool,
) -> impl IntoView {
    let now = RwSignal::new(browser::now_seconds());
    set_interval(
        move || now.set(browser::now_seconds()),
        Duration::from_secs(1),
    );
    let link = browser::share_link_all(&tokens);
    let count = tokens.len();
    let items = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| view! { <EmbedToken report=jwt::inspect(token) place=(i + 1, count) now=now /> })
        .collect_view();
    view! {
        <main class="embed embed-list" class:table-view=table>
            <div class="embed-head">
                <h1 class="brand">"JWT Lens"</h1>
                <a id="open-in-lens" href=link target="_blank" rel="noopener noreferrer">"Open in JWT Lens ↗"</a>
            </div>
            {items}
        </main>
    }
}

/// One token of the list: `.embed-token[data-role]` with a title that says
/// which token of how many and what it looks like, its validity (ticking),
/// the payload (JSON or claims table), the header and the findings.
#[component]
fn EmbedToken(
    /// The decoded token; `None` for an empty entry.
    report: Option<Report>,
    /// Its place in the list (from 1) and the list's length.
    place: (usize, usize),
    /// Seconds since the epoch, ticking.
    now: RwSignal<i64>,
) -> impl IntoView {
    let role = report
        .as_ref()
        .map_or("unknown", |r| guess_role(r).role.as_str());
    let title = format!(
        "Token {} of {}: {}",
        place.0,
        place.1,
        report
            .as_ref()
            .map_or("not a token", |r| guess_role(r).role.label())
    );
    let body = report.as_ref().map(body_html).unwrap_or_default();
    let report = Signal::stored(report);
    let status = move || {
        report.with(|r| {
            let Some(r) = r.as_ref() else {
                return Html::new();
            };
            let now = now.get();
            r.status(now, 0).map_or_else(Html::new, |s| {
                tag("p")
                    .class("token-status")
                    .attr("data-state", s.as_str())
                    .text(&status_sentence(r, s, now))
            })
        })
    };
    view! {
        <section class="panel embed-token" data-role=role>
            <h2 class="section-title">{title}</h2>
            <div class="slot" inner_html=html::inner(status)></div>
            <div class="json-view" inner_html=html::inner(move || body.clone())></div>
            <div class="table-wrap">
                <ClaimsTable report=report part=Part::Payload now=now local=Signal::stored(false) />
            </div>
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
