//! `<VerifyBadge/>`: the outcome of checking the signature.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
use crate::jwt::SignatureStatus;
use crate::jwt::jws::{Verdict, all_valid};

/// `#signature-status`, whose `data-state` is `valid`, `invalid`,
/// `unverified`, `unsigned` or `unsupported`; absent for empty input. For
/// a JWS JSON serialization it speaks for every signature.
#[component]
pub fn VerifyBadge(
    /// The outcome, `None` for empty input.
    #[prop(into)]
    status: Signal<Option<SignatureStatus>>,
    /// A JWS JSON serialization's verdicts, one per signature.
    #[prop(into)]
    verdicts: Signal<Option<Vec<Verdict>>>,
) -> impl IntoView {
    let badge = move || {
        let all = verdicts.with(|v| {
            v.as_deref()
                .map(|v| status.with(|s| all_badge_html(v, s.as_ref())))
        });
        all.unwrap_or_else(|| status.with(|s| s.as_ref().map(badge_html).unwrap_or_default()))
    };
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

/// `#signature-status` for several signatures: `valid` only when every one
/// was checked and verified, otherwise the state of `overall` (the status
/// the validation uses), with each signature that is not valid listed.
pub(super) fn all_badge_html(verdicts: &[Verdict], overall: Option<&SignatureStatus>) -> Html {
    let total = verdicts.len();
    let valid = verdicts
        .iter()
        .filter(|v| matches!(v, Verdict::Checked(SignatureStatus::Valid { .. })))
        .count();
    let state = if all_valid(verdicts) {
        "valid"
    } else {
        overall.map_or("unverified", SignatureStatus::as_str)
    };
    let label = if valid == total {
        format!("All {total} signatures verified")
    } else {
        format!("{valid} of {total} signatures verified")
    };
    let mut detail = Html::new();
    for (i, v) in verdicts.iter().enumerate() {
        if !matches!(v, Verdict::Checked(SignatureStatus::Valid { .. })) {
            detail.push(element(
                "span",
                "badge-detail",
                &format!("Signature {}: {}", i + 1, v.message()),
            ));
        }
    }
    tag("div")
        .id("signature-status")
        .class("badge")
        .attr("data-state", state)
        .attr("role", "status")
        .child(Html::concat([
            element("span", "badge-label", &label),
            detail,
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

    #[test]
    fn several_signatures_are_valid_only_when_all_verified() {
        use crate::jwt::{Alg, HmacAlg};
        let valid = Verdict::Checked(SignatureStatus::Valid {
            alg: Alg::Hmac(HmacAlg::Hs256),
        });
        let unverified = SignatureStatus::Unverified {
            reason: Reason::KeyUnusable(format!("no key with kid {HOSTILE}")),
        };
        let html = all_badge_html(&[valid.clone(), valid.clone()], None);
        assert!(html.as_str().contains("data-state=\"valid\""));
        let html = all_badge_html(
            &[valid, Verdict::Checked(unverified.clone())],
            Some(&unverified),
        );
        assert!(html.as_str().contains("data-state=\"unverified\""));
        assert!(html.as_str().contains("1 of 2 signatures verified"));
        assert_escaped(html.as_str());
        assert!(
            all_badge_html(&[], None)
                .as_str()
                .contains("data-state=\"unverified\"")
        );
    }
}
