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
    move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let kind = r.primary_error().map(Error::kind)?;
            let title = if r.header.as_ref().is_some_and(|h| h.json.is_some()) {
                "Part of this token could not be read"
            } else {
                "This is not a readable token"
            };
            let mut body = html::element("p", "error-title", title);
            body.push_str("<ul>");
            for error in &r.errors {
                body.push_str(&html::element("li", "error-item", &error.to_string()));
            }
            body.push_str("</ul>");
            Some(view! { <div id="token-error" class="token-error" role="alert" data-kind=kind inner_html=body></div> })
        })
    }
}
