//! `<SignaturePanel/>`: the signature bytes and whether their length fits `alg`.

use leptos::prelude::*;

use super::html;
use crate::jwt::Report;

/// Bytes shown before the rest is summarised.
const SHOWN_BYTES: usize = 1_024;

/// The signature as base64url and hex, with its length judged against `alg`.
/// Absent when the token has no decodable signature segment.
#[component]
pub fn SignaturePanel(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let panel = move || report.with(|r| r.as_ref().and_then(panel_html).unwrap_or_default());
    view! { <div class="slot" inner_html=Signal::derive(panel)></div> }
}

fn panel_html(r: &Report) -> Option<String> {
    Some(format!(
        "<section class=\"panel signature-panel\" aria-labelledby=\"signature-title\">\
         <h2 id=\"signature-title\" class=\"section-title\">Signature</h2><dl class=\"signature-facts\">{}</dl></section>",
        facts_html(r)?
    ))
}

fn facts_html(r: &Report) -> Option<String> {
    let bytes = r.signature.as_ref()?;
    let encoded: String = r
        .segment_text(2)
        .unwrap_or_default()
        .chars()
        .take(SHOWN_BYTES * 2)
        .collect();
    let mut hex: String = bytes
        .iter()
        .take(SHOWN_BYTES)
        .map(|b| format!("{b:02x}"))
        .collect();
    if bytes.len() > SHOWN_BYTES {
        hex.push_str(" …");
    }
    let (fits, length) = r
        .alg()
        .map(|alg| alg.judge_signature_length(bytes.len()))
        .unwrap_or((true, format!("{} bytes", bytes.len())));
    let length_class = if fits { "fits" } else { "mismatch" };
    Some(format!(
        "<dt>Length</dt><dd id=\"signature-length\" class=\"{length_class}\">{}</dd>\
         <dt>base64url</dt><dd class=\"mono\">{}</dd>\
         <dt>hex</dt><dd id=\"signature-hex\" class=\"mono\">{}</dd>",
        html::escape(&length),
        html::escape(&encoded),
        hex
    ))
}
