//! `<VerifyBadge/>`: the outcome of checking the signature.

use leptos::prelude::*;

use super::html;
use crate::jwt::SignatureStatus;

/// `#signature-status`, whose `data-state` is `valid`, `invalid`,
/// `unverified`, `unsigned` or `unsupported`; absent for empty input.
#[component]
pub fn VerifyBadge(
    /// The outcome, `None` for empty input.
    #[prop(into)]
    status: Signal<Option<SignatureStatus>>,
) -> impl IntoView {
    let badge = move || status.with(|s| s.as_ref().map(badge_html).unwrap_or_default());
    view! { <div class="slot" aria-live="polite" inner_html=Signal::derive(badge)></div> }
}

fn badge_html(status: &SignatureStatus) -> String {
    let label = match status {
        SignatureStatus::Valid { .. } => "Signature verified",
        SignatureStatus::Invalid { .. } => "Invalid signature",
        SignatureStatus::Unsigned => "Unsigned token",
        SignatureStatus::Unsupported { .. } => "Algorithm not supported",
        SignatureStatus::Unverified { .. } => "Signature not checked",
    };
    format!(
        "<div id=\"signature-status\" class=\"badge\" data-state=\"{}\" role=\"status\">{}{}</div>",
        status.as_str(),
        html::element("span", "badge-label", label),
        html::element("span", "badge-detail", &status.message())
    )
}
