//! `<CrossChecks/>`: the checks that tie a paste's tokens together (issue 14).

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
use crate::jwt::flow::{self, CrossCheck};
use crate::jwt::paste::Extraction;

/// `#cross-checks`: one `li` per check with `data-check` and `data-result`
/// (`pass`, `fail`, `skipped`), and the reason. Shown for a paste that held
/// more than one token.
#[component]
pub fn CrossChecks(
    /// What the paste holds; `None` for a single token.
    #[prop(into)]
    paste: Signal<Option<Extraction>>,
    /// The nonce typed in `#expected-nonce`.
    #[prop(into)]
    expected_nonce: Signal<String>,
) -> impl IntoView {
    let checks = Memo::new(move |_| {
        paste.with(|p| {
            let found = p.as_ref().filter(|p| p.tokens.len() > 1)?;
            Some(expected_nonce.with(|n| flow::cross_checks(found, n)))
        })
    });
    let panel = move || checks.with(|c| c.as_deref().map(panel_html).unwrap_or_default());
    view! { <div class="slot" aria-live="polite" inner_html=html::inner(panel)></div> }
}

fn panel_html(checks: &[CrossCheck]) -> Html {
    // Details quote claims from the paste: escaped here.
    let items = checks.iter().map(|c| {
        let result = c.outcome.as_str();
        tag("li")
            .class("cross-check")
            .attr("data-check", c.id)
            .attr("data-result", result)
            .child(Html::concat([
                element("span", "cross-check-result", result),
                element("code", "cross-check-id", c.id),
                element("span", "cross-check-detail", &c.detail),
                element("span", "finding-source", c.source),
            ]))
    });
    tag("section")
        .class("panel")
        .attr("aria-labelledby", "cross-checks-title")
        .child(Html::concat([
            tag("h2")
                .id("cross-checks-title")
                .class("section-title")
                .text("Cross-checks"),
            tag("ul")
                .id("cross-checks")
                .class("cross-checks")
                .child(Html::concat(items)),
        ]))
}
