//! `<VerifyBadge/>`: the outcome of checking the signature.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
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
    view! { <div class="slot" aria-live="polite" inner_html=html::inner(badge)></div> }
}

pub(super) fn badge_html(status: &SignatureStatus) -> Html {
    let label = match status {
        SignatureStatus::Valid { .. } => "Signature verified",
        SignatureStatus::Invalid { .. } => "Invalid signature",
        SignatureStatus::Unsigned => "Unsigned token",
        SignatureStatus::Unsupported { .. } => "Algorithm not supported",
        SignatureStatus::Unverified { .. } => "Signature not checked",
    };
    // The detail quotes the token and key (`alg`, `kid`s): escaped here.
    tag("div")
        .id("signature-status")
        .class("badge")
        .attr("data-state", status.as_str())
        .attr("role", "status")
        .child(Html::concat([
            element("span", "badge-label", label),
            element("span", "badge-detail", &status.message()),
        ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::Reason;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn unsupported_alg_and_kid_reason_are_escaped() {
        let html = badge_html(&SignatureStatus::Unsupported {
            alg: HOSTILE.to_owned(),
        });
        assert_escaped(html.as_str());
        let html = badge_html(&SignatureStatus::Unverified {
            reason: Reason::KeyUnusable(format!("no key with kid {HOSTILE}")),
        });
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("data-state=\"unverified\""));
    }
}
