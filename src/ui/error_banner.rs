//! `<ErrorBanner/>`: why the token, or part of it, could not be read.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
use crate::jwt::{Error, Report};

/// `#token-error`, whose `data-kind` names the first error; every error's
/// message is listed. Absent when the token reads cleanly.
#[component]
pub fn ErrorBanner(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let banner = move || report.with(|r| r.as_ref().map(banner_html).unwrap_or_default());
    view! { <div class="slot" role="alert" inner_html=html::inner(banner)></div> }
}

pub(super) fn banner_html(r: &Report) -> Html {
    let Some(kind) = r.primary_error().map(Error::kind) else {
        return Html::new();
    };
    let title = if r.header.as_ref().is_some_and(|h| h.json.is_some()) {
        "Part of this token could not be read"
    } else {
        "This is not a readable token"
    };
    // Messages quote the token (a bad character, a key name): escaped here.
    let items = r
        .errors
        .iter()
        .map(|error| element("li", "error-item", &error.to_string()));
    tag("div")
        .id("token-error")
        .class("token-error")
        .attr("data-kind", kind)
        .child(Html::concat([
            element("p", "error-title", title),
            tag("ul").child(Html::concat(items)),
        ]))
}
