//! `<ErrorBanner/>`: why the token, or part of it, could not be read.

use leptos::prelude::*;

use super::html;
use crate::jwt::{Error, Report};

/// `#token-error`, whose `data-kind` names the first error; every error's
/// message is listed. Absent when the token reads cleanly.
#[component]
pub fn ErrorBanner(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let banner = move || report.with(|r| r.as_ref().and_then(banner_html).unwrap_or_default());
    view! { <div class="slot" role="alert" inner_html=Signal::derive(banner)></div> }
}

fn banner_html(r: &Report) -> Option<String> {
    let kind = r.primary_error().map(Error::kind)?;
    let title = if r.header.as_ref().is_some_and(|h| h.json.is_some()) {
        "Part of this token could not be read"
    } else {
        "This is not a readable token"
    };
    let mut out = format!("<div id=\"token-error\" class=\"token-error\" data-kind=\"{kind}\">");
    out.push_str(&html::element("p", "error-title", title));
    out.push_str("<ul>");
    for error in &r.errors {
        out.push_str(&html::element("li", "error-item", &error.to_string()));
    }
    out.push_str("</ul></div>");
    Some(out)
}
