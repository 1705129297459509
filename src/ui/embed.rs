//! `<Embed/>`: the compact, read-only view of one token for documentation pages.

use leptos::prelude::*;

use super::browser;
use super::embed_list::token_list;
use super::findings_list::FindingsList;
use super::json_panel::JsonPanel;
use super::model::Model;
use super::segment_view::SegmentView;
use super::time_claims::TimeClaims;
use super::verification::Verification;
use crate::jwt::Part;

/// `index.html?embed#token=…`: the coloured token, its validity, header,
/// payload and findings, and `#open-in-lens`, a link that opens the full app
/// with the same token. A secret field (and, for public-key tokens, a key
/// field) only with `&verify`; the claims tables instead of the JSON with
/// `&view=table`. With several tokens (`#tokens=`) it shows them as a
/// compact list instead ([`token_list`]). It reads nothing from the host
/// page and sends it nothing but its height (the loader in
/// scripts/post_build.py).
#[component]
pub fn Embed(
    /// Show the secret field and the signature check.
    verify: bool,
    /// Open in the claims-table view (`&view=table`) rather than the JSON.
    table: bool,
    /// The tokens of the fragment: one (`#token=`, or `#tokens=` with one)
    /// for the full view, several (`#tokens=`) for a compact list.
    tokens: Vec<String>,
) -> impl IntoView {
    // With several tokens the single-token panels stay empty (and hidden)
    // and the list shows instead: one page shape keeps the wasm small.
    let several = tokens.len() > 1;
    let first = if several {
        None
    } else {
        tokens.first().cloned()
    };
    let model = Model::new(first.unwrap_or_default());
    let report = model.report;
    let now = model.now;
    let local = Signal::stored(false);
    let table_view = Signal::stored(table);
    let cleaned = model.cleaned();
    let list = several.then(|| token_list(&tokens, now.get_untracked()));
    let all = several.then(|| browser::share_link_all(&tokens));
    let link = Signal::derive(move || {
        all.clone()
            .unwrap_or_else(|| browser::share_link(&cleaned.get()))
    });
    let verifier = verify.then(|| view! { <Verification model=model /> });
    view! {
        <main class="embed" class:table-view=table class:is-list=several class:is-empty=move || report.with(Option::is_none)>
            <div class="embed-head">
                <h1 class="brand">"JWT Lens"</h1>
                <a id="open-in-lens" href=link target="_blank" rel="noopener noreferrer">"Open in JWT Lens ↗"</a>
            </div>
            {list}
            <p class="empty-state">"No token: add #token=… to the address of this embed."</p>
            <SegmentView report=report />
            <TimeClaims report=report now=now />
            <div class="embed-parts">
                <JsonPanel report=report part=Part::Header now=now local=local table=table_view />
                <JsonPanel report=report part=Part::Payload now=now local=local table=table_view sd=model.sd_jwt.sd />
            </div>
            <FindingsList findings=model.findings() />
            {verifier}
        </main>
    }
}
