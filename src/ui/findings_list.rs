//! `<FindingsList/>`: risks and oddities found in the token.

use leptos::prelude::*;

use crate::jwt::Report;

/// `#findings`: one `li` per finding, with `data-id` and `data-severity`.
#[component]
pub fn FindingsList(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    move || {
        report.with(|r| {
            let findings = &r.as_ref()?.findings;
            if findings.is_empty() {
                return None;
            }
            let items = findings
                .iter()
                .map(|f| {
                    view! {
                        <li class="finding" data-id=f.id data-severity=f.severity.as_str()>
                            <span class="severity">{f.severity.as_str()}</span>
                            <span class="finding-message">{f.message.clone()}</span>
                            <span class="finding-source">{f.source}</span>
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="panel findings-panel" aria-labelledby="findings-title">
                    <h2 id="findings-title" class="section-title">"Findings"</h2>
                    <ul id="findings">{items}</ul>
                </section>
            })
        })
    }
}
