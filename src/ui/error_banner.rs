//! `<ErrorBanner/>`: why the token, or part of it, could not be read.

use leptos::prelude::*;

use crate::jwt::{Error, Report};

/// `#token-error`, whose `data-kind` names the first error; every error's
/// message is listed. Absent when the token reads cleanly.
#[component]
pub fn ErrorBanner(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let errors = move || report.with(|r| r.as_ref().map(|r| r.errors.clone()).unwrap_or_default());
    move || {
        let errors = errors();
        let kind = errors.first().map(Error::kind)?;
        let partial = report.with(|r| r.as_ref().is_some_and(|r| r.header.is_some()));
        let items = errors
            .iter()
            .map(|e| view! { <li>{e.to_string()}</li> })
            .collect_view();
        Some(view! {
            <div id="token-error" class="token-error" role="alert" data-kind=kind>
                <p class="error-title">
                    {if partial { "Part of this token could not be read" } else { "This is not a readable token" }}
                </p>
                <ul>{items}</ul>
            </div>
        })
    }
}
