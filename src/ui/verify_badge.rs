//! `<VerifyBadge/>`: the outcome of checking the signature.

use leptos::prelude::*;

use crate::jwt::SignatureStatus;

/// `#signature-status`, whose `data-state` is `valid`, `invalid`,
/// `unverified`, `unsigned` or `unsupported`. Hidden for empty input.
#[component]
pub fn VerifyBadge(
    /// The outcome, `None` for empty input.
    #[prop(into)]
    status: Signal<Option<SignatureStatus>>,
) -> impl IntoView {
    let state = move || status.with(|s| s.as_ref().map_or("unverified", SignatureStatus::as_str));
    let label = move || {
        status.with(|s| match s {
            Some(SignatureStatus::Valid { .. }) => "Signature verified",
            Some(SignatureStatus::Invalid { .. }) => "Invalid signature",
            Some(SignatureStatus::Unsigned) => "Unsigned token",
            Some(SignatureStatus::Unsupported { .. }) => "Algorithm not supported",
            Some(SignatureStatus::Unverified { .. }) | None => "Signature not checked",
        })
    };
    let detail =
        move || status.with(|s| s.as_ref().map(SignatureStatus::message).unwrap_or_default());
    view! {
        <div
            id="signature-status"
            class="badge"
            data-state=state
            role="status"
            aria-live="polite"
            hidden=move || status.with(Option::is_none)
        >
            <span class="badge-label">{label}</span>
            <span class="badge-detail">{detail}</span>
        </div>
    }
}
