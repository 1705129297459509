//! `<FindingsList/>`: risks and oddities found in the token.

use leptos::prelude::*;

use super::html;
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
    view! { <div class="slot" inner_html=Signal::derive(panel)></div> }
}

fn panel_html(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<section class=\"panel findings-panel\" aria-labelledby=\"findings-title\">\
         <h2 id=\"findings-title\" class=\"section-title\">Findings</h2><ul id=\"findings\">",
    );
    for f in findings {
        let severity = f.severity.as_str();
        out.push_str(&format!(
            "<li class=\"finding\" data-id=\"{}\" data-severity=\"{severity}\">",
            f.id
        ));
        out.push_str(&html::element("span", "severity", severity));
        out.push_str(&html::element("span", "finding-message", &f.message));
        out.push_str(&html::element("span", "finding-source", f.source));
        out.push_str("</li>");
    }
    out.push_str("</ul></section>");
    out
}
