//! `<CrossChecks/>`: the checks that tie a paste's tokens together (issue 14).

use leptos::prelude::*;

use super::dpop_signature::dpop_signature;
use super::html::{self, Html, element, tag};
use crate::jwt::flow::{self, CrossCheck};
use crate::jwt::paste::Extraction;

/// `#cross-checks`: one `li` per check with `data-check` and `data-result`
/// (`pass`, `fail`, `skipped`), and the reason. Shown for a paste that held
/// more than one token, or a DPoP proof (RFC 9449 §4.3 checks).
#[component]
pub fn CrossChecks(
    /// What the paste holds; `None` for a single token.
    #[prop(into)]
    paste: Signal<Option<Extraction>>,
    /// The nonce typed in `#expected-nonce`.
    #[prop(into)]
    expected_nonce: Signal<String>,
    /// Seconds since the epoch, for a DPoP proof's `iat`.
    #[prop(into)]
    now: Signal<i64>,
    /// Clock-skew leeway in seconds.
    #[prop(into)]
    leeway: Signal<i64>,
) -> impl IntoView {
    let checks = Memo::new(move |_| {
        paste.with(|p| {
            let found = p.as_ref().filter(|p| p.tokens.len() > 1)?;
            Some(expected_nonce.with(|n| flow::cross_checks(found, n)))
        })
    });
    // Decoding the proof once per paste; only its iat check follows the clock.
    let has_proof = Memo::new(move |_| {
        paste.with(|p| p.as_ref().is_some_and(|p| flow::dpop_proof(p).is_some()))
    });
    let dpop = move || {
        if !has_proof.get() {
            return Vec::new();
        }
        paste.with(|p| {
            p.as_ref()
                .map(|p| flow::dpop_checks(p, now.get(), leeway.get()))
                .unwrap_or_default()
        })
    };
    let signature = dpop_signature(paste, now);
    let panel = move || {
        let mut all = checks.get().unwrap_or_default();
        all.extend(dpop());
        all.extend(signature.get());
        if all.is_empty() {
            Html::new()
        } else {
            panel_html(&all)
        }
    };
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
