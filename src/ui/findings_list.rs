//! `<FindingsList/>`: risks and oddities found in the token.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
use crate::jwt::Finding;

/// The findings panel: `#findings` with one `li` per finding, carrying
/// `data-id` and `data-severity`. Absent when there are none.
#[component]
pub fn FindingsList(
    /// Every finding, most severe first.
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    let panel = move || findings.with(|f| panel_html(f));
    view! { <div class="slot" inner_html=html::inner(panel)></div> }
}

fn panel_html(findings: &[Finding]) -> Html {
    if findings.is_empty() {
        return Html::new();
    }
    tag("section")
        .class("panel")
        .class("findings-panel")
        .attr("aria-labelledby", "findings-title")
        .child(Html::concat([
            tag("h2")
                .id("findings-title")
                .class("section-title")
                .text("Findings"),
            tag("ul").id("findings").child(items_html(findings)),
        ]))
}

/// One `li.finding` per finding, with `data-id` and `data-severity`; also
/// the embed's compact list of several tokens.
pub(super) fn items_html(findings: &[Finding]) -> Html {
    // Messages quote the token (`alg` names, claim paths): escaped here.
    let items = findings.iter().map(|f| {
        let severity = f.severity.as_str();
        tag("li")
            .class("finding")
            .attr("data-id", f.id)
            .attr("data-severity", severity)
            .child(Html::concat([
                element("span", "severity", severity),
                element("span", "finding-message", &f.message),
                element("span", "finding-source", f.source),
            ]))
    });
    Html::concat(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::Severity;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn finding_message_with_hostile_text_is_escaped() {
        let finding = Finding::new(
            "alg-unknown",
            Severity::Warning,
            HOSTILE.to_owned(),
            "RFC 7518 §3.1",
        );
        let html = panel_html(&[finding]);
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("data-id=\"alg-unknown\""));
    }

    #[test]
    fn no_findings_is_no_panel() {
        assert!(panel_html(&[]).is_empty());
    }
}
