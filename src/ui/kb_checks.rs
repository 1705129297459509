//! `<KbChecks/>`: the key-binding JWT's checks (RFC 9901 §7.3).

use leptos::prelude::*;

use super::html::{self, Html, tag};
use super::validation_panel::check_html;
use crate::jwt::Check;

/// `#kb-checks`, one `li` per check with `data-check` (`typ`, `signature`,
/// `sd_hash`, `iat`, `aud`, `nonce`) and `data-result` (`pass`, `fail`,
/// `skipped`). Absent without a KB-JWT.
#[component]
pub fn KbChecks(
    /// The checks; empty when there is no KB-JWT.
    #[prop(into)]
    checks: Signal<Vec<Check>>,
) -> impl IntoView {
    let panel = move || checks.with(|c| panel_html(c));
    view! { <div class="slot" inner_html=html::inner(panel)></div> }
}

fn panel_html(checks: &[Check]) -> Html {
    if checks.is_empty() {
        return Html::new();
    }
    // Reasons quote the token (`typ`, `aud`, `nonce`): escaped here.
    let items = checks.iter().map(check_html);
    tag("section")
        .class("panel")
        .class("kb-panel")
        .attr("aria-labelledby", "kb-title")
        .child(Html::concat([
            tag("h2")
                .id("kb-title")
                .class("section-title")
                .text("Key binding (KB-JWT)"),
            tag("ul")
                .id("kb-checks")
                .class("checks")
                .child(Html::concat(items)),
        ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::Outcome;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn check_reason_with_hostile_text_is_escaped() {
        let check = Check {
            id: "aud",
            outcome: Outcome::Fail,
            reason: HOSTILE.to_owned(),
        };
        let html = panel_html(&[check]);
        assert_escaped(html.as_str());
        assert!(
            html.as_str()
                .contains("data-check=\"aud\" data-result=\"fail\"")
        );
    }

    #[test]
    fn no_key_binding_is_no_panel() {
        assert!(panel_html(&[]).is_empty());
    }
}
