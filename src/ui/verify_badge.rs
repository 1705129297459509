//! `<VerifyBadge/>`: the outcome of checking the signature.

use leptos::prelude::*;

use crate::jwt::SignatureStatus;

/// `#signature-status`, whose `data-state` is `valid`, `invalid`,
/// `unverified`, `unsigned` or `unsupported`.
#[component]
pub fn VerifyBadge(
    /// The outcome, `None` for empty input.
    #[prop(into)]
    status: Signal<Option<SignatureStatus>>,
) -> impl IntoView {
    move || {
        status.with(|status| {
            let status = status.as_ref()?;
            let state = status.as_str();
            let label = match status {
                SignatureStatus::Valid { .. } => "Signature verified",
                SignatureStatus::Invalid { .. } => "Invalid signature",
                SignatureStatus::Unverified { .. } => "Signature not checked",
                SignatureStatus::Unsigned => "Unsigned token",
                SignatureStatus::Unsupported { .. } => "Algorithm not supported",
            };
            Some(view! {
                <div id="signature-status" class="badge" data-state=state role="status" aria-live="polite">
                    <span class="badge-label">{label}</span>
                    <span class="badge-detail">{status.message()}</span>
                </div>
            })
        })
    }
}
