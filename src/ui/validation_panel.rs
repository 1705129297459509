//! `<ValidationPanel/>`: check the token as a library would, against what the user expects.

use leptos::prelude::*;

use super::html;
use crate::jwt::{Outcome, Validation, Verdict};

/// Inputs for expected issuer, audiences, leeway and an optional "now", and
/// `#validation` with one `li` per check (`data-check`, `data-result`) and
/// the verdict (`#validation-verdict`, `data-verdict`).
#[component]
pub fn ValidationPanel(
    /// The outcome, `None` for empty input.
    #[prop(into)]
    validation: Signal<Option<Validation>>,
    /// Called with the expected issuer as typed.
    on_issuer: Callback<String>,
    /// Called with the expected audiences as typed (comma or space separated).
    on_audience: Callback<String>,
    /// Called with the leeway as typed.
    on_leeway: Callback<String>,
    /// Called with the "now" override as typed (`datetime-local`; empty for the clock).
    on_now: Callback<String>,
) -> impl IntoView {
    let results = move || validation.with(|v| v.as_ref().map(results_html).unwrap_or_default());
    let typed = |callback: Callback<String>| move |ev| callback.run(event_target_value(&ev));
    view! {
        <section class="panel validation-panel needs-token" aria-labelledby="validation-title">
            <h2 id="validation-title" class="section-title">"Validate"</h2>
            <div class="validation-form">
                <label>"Expected issuer (iss)"
                    <input id="expected-iss" type="text" spellcheck="false" autocomplete="off" placeholder="https://auth.example.com/" on:input=typed(on_issuer) />
                </label>
                <label>"Expected audience (aud), comma-separated"
                    <input id="expected-aud" type="text" spellcheck="false" autocomplete="off" placeholder="api://orders" on:input=typed(on_audience) />
                </label>
                <label>"Clock-skew leeway (seconds)"
                    <input id="leeway" type="number" min="0" step="1" value="0" on:input=typed(on_leeway) />
                </label>
                <label>"Validate at (empty: now)"
                    <input id="now-override" type="datetime-local" step="1" on:input=typed(on_now) />
                </label>
            </div>
            <div class="slot" aria-live="polite" inner_html=Signal::derive(results)></div>
        </section>
    }
}

/// The verdict (`#validation-verdict`) and one `li` per check (`#validation`).
fn results_html(v: &Validation) -> String {
    let verdict = v.verdict.as_str();
    let sentence = match v.verdict {
        Verdict::Valid => "Valid: every check passed, the signature included.",
        Verdict::Invalid => "Invalid: a library with these settings would reject this token.",
        Verdict::Unverified => {
            "Not fully validated: nothing failed, but the signature was not verified."
        }
    };
    let mut out = format!(
        "<p id=\"validation-verdict\" class=\"verdict\" data-verdict=\"{verdict}\">{sentence}</p><ul id=\"validation\" class=\"checks\">"
    );
    for c in &v.checks {
        let mark = match c.outcome {
            Outcome::Pass => "✓",
            Outcome::Fail => "✗",
            Outcome::Skipped => "–",
        };
        let result = c.outcome.as_str();
        out.push_str(&format!(
            "<li class=\"check\" data-check=\"{id}\" data-result=\"{result}\"><span class=\"mark\" aria-hidden=\"true\">{mark}</span><code>{id}</code> <span class=\"result\">{result}</span>",
            id = c.id
        ));
        out.push_str(&html::element("span", "reason", &c.reason));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}
