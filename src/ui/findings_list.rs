//! `<FindingsList/>`: risks and oddities found in the token.

use leptos::prelude::*;

use super::html;
use crate::jwt::Finding;

/// `#findings`: one `li` per finding, with `data-id` and `data-severity`.
/// The panel is hidden when there are none.
#[component]
pub fn FindingsList(
    /// Every finding, most severe first.
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    let none = move || findings.with(Vec::is_empty);
    let items = move || findings.with(|f| findings_html(f));
    view! {
        <section class="panel findings-panel" aria-labelledby="findings-title" hidden=none>
            <h2 id="findings-title" class="section-title">"Findings"</h2>
            <ul id="findings" inner_html=items></ul>
        </section>
    }
}

fn findings_html(findings: &[Finding]) -> String {
    let mut out = String::new();
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
    out
}
