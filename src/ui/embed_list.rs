//! Several tokens in one embed (`?embed#tokens=<a>,<b>,…`), each compactly.

use leptos::prelude::*;

use super::claims_table::table_html;
use super::findings_list;
use super::html::{self, Html, element, tag};
use super::time_claims::status_sentence;
use crate::jwt::insight::guess_role;
use crate::jwt::paste::{Extraction, Form, Found, Kind, Source};
use crate::jwt::{self, Part, Report, flow};

/// Pretty JSON longer than this is shown uncoloured, as in the full panel.
const COLOUR_BYTES: usize = 16 * 1024;

/// The tokens of `index.html?embed#tokens=<a>,<b>,…`, each in its own
/// `.embed-token` with `data-role` (what [`guess_role`] says it is), in
/// order, with times as of `now`.
// One `inner_html` binding, rendered once: every element and signal of a
// `view!` costs wasm on the page's first visit, which is on a budget. So
// the list does not tick (docs tokens are mostly long expired anyway), and
// an opened `<details>` or a scrolled JSON view stays as the reader left it.
pub(super) fn token_list(tokens: &[String], now: i64) -> impl IntoView + use<> {
    let count = tokens.len();
    let mut list = Html::new();
    for (i, token) in tokens.iter().enumerate() {
        list.push(token_html(
            jwt::inspect(token).as_ref(),
            (i + 1, count),
            now,
        ));
    }
    list.push(cross_checks_html(tokens));
    view! { <div class="embed-tokens" inner_html=html::inner(move || list.clone())></div> }
}

/// `#cross-checks`: the checks that apply between the embedded tokens (an
/// ID token's `at_hash` against the access token beside it, one issuer, one
/// subject), as `jwt::flow` makes them for a login flow. Checks the tokens
/// give nothing to compare for are left out, as is the nonce, which an
/// embed cannot ask for.
fn cross_checks_html(tokens: &[String]) -> Html {
    if tokens.len() < 2 {
        return Html::new();
    }
    // The tokens as a paste of plain text would list them; built directly,
    // so that the page links none of the paste readers.
    let found = Extraction {
        form: Form::Text,
        tokens: tokens
            .iter()
            .map(|t| Found {
                value: t.clone(),
                kind: Kind::Jwt,
                places: vec![Source::Text],
            })
            .collect(),
        expires_in: None,
        state: None,
        request: None,
    };
    let items: Vec<Html> = flow::cross_checks(&found, "")
        .iter()
        .filter(|c| !matches!(c.outcome, flow::Outcome::Skipped(_)))
        .map(|c| {
            tag("li")
                .class("cross-check")
                .attr("data-check", c.id)
                .attr("data-result", c.outcome.as_str())
                .child(Html::concat([
                    element("span", "cross-check-result", c.outcome.as_str()),
                    element("code", "cross-check-id", c.id),
                    element("span", "cross-check-detail", &c.detail),
                    element("span", "finding-source", c.source),
                ]))
        })
        .collect();
    if items.is_empty() {
        return Html::new();
    }
    tag("section")
        .class("embed-cross-checks")
        .child(Html::concat([
            tag("h2").class("section-title").text("Cross-checks"),
            tag("ul")
                .id("cross-checks")
                .class("cross-checks")
                .child(Html::concat(items)),
        ]))
}

/// One token of the list: `section.embed-token[data-role]` with a title
/// that says which token of how many and what it looks like, its validity,
/// the payload (as JSON and as a claims table, one shown by the view), the
/// header and the findings.
fn token_html(report: Option<&Report>, place: (usize, usize), now: i64) -> Html {
    let role = report.map(|r| guess_role(r).role);
    let title = format!(
        "Token {} of {}: {}",
        place.0,
        place.1,
        role.map_or("not a token", |r| r.label())
    );
    let mut out = tag("h2").class("section-title").text(&title);
    if let Some(r) = report {
        if let Some(s) = r.status(now, 0) {
            out.push(
                tag("p")
                    .class("token-status")
                    .attr("data-state", s.as_str())
                    .text(&status_sentence(r, s, now)),
            );
        }
        if let Some(json) = r.payload.as_ref().and_then(|p| p.json.as_ref()) {
            out.push(tag("div").class("table-wrap").child(
                tag("table").class("claims-table").child(table_html(
                    json,
                    Part::Payload,
                    now,
                    None,
                    None,
                )),
            ));
        }
        out.push(body_html(r));
    }
    tag("section")
        .class("panel")
        .class("embed-token")
        .attr("data-role", role.map_or("unknown", |r| r.as_str()))
        .child(out)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::Json;

    /// An access token and an ID token whose `at_hash` npm jose's fixture
    /// generator computed for it (tests/fixtures/flow/generate.mjs).
    fn pair(id_member: &str) -> Vec<String> {
        let text = include_str!("../../tests/fixtures/flow/flow.json");
        let fixtures = crate::jwt::json::parse(text).expect("fixture JSON");
        let first = match fixtures.get("cases") {
            Some(Json::Array(cases)) => cases.first().cloned(),
            _ => None,
        }
        .expect("a case");
        let member = |name: &str| {
            first
                .get(name)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        vec![member("access"), member(id_member)]
    }

    #[test]
    fn an_id_token_beside_its_access_token_shows_the_at_hash_check() {
        let html = cross_checks_html(&pair("id"));
        let text = html.as_str();
        assert!(
            text.contains("data-check=\"at_hash\" data-result=\"pass\""),
            "{text}"
        );
        assert!(!text.contains("data-result=\"skipped\""), "{text}");
        let wrong = cross_checks_html(&pair("wrong_id"));
        assert!(
            wrong
                .as_str()
                .contains("data-check=\"at_hash\" data-result=\"fail\"")
        );
    }

    #[test]
    fn one_token_has_no_cross_checks() {
        assert!(cross_checks_html(&pair("id")[..1]).is_empty());
    }
}
