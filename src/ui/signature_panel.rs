//! `<SignaturePanel/>`: the signature bytes and whether their length fits `alg`.

use leptos::prelude::*;

use super::html::{self, Html, tag};
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
    view! { <div class="slot" inner_html=html::inner(panel)></div> }
}

pub(super) fn panel_html(r: &Report) -> Option<Html> {
    Some(
        tag("section")
            .class("panel")
            .class("signature-panel")
            .attr("aria-labelledby", "signature-title")
            .child(Html::concat([
                tag("h2")
                    .id("signature-title")
                    .class("section-title")
                    .text("Signature"),
                tag("dl").class("signature-facts").child(facts_html(r)?),
            ])),
    )
}

fn facts_html(r: &Report) -> Option<Html> {
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
    // The length sentence names `alg`, which may be any text.
    let (fits, length) = r
        .alg()
        .map(|alg| alg.judge_signature_length(bytes.len()))
        .unwrap_or((true, format!("{} bytes", bytes.len())));
    let length_class = if fits { "fits" } else { "mismatch" };
    Some(Html::concat([
        tag("dt").text("Length"),
        tag("dd")
            .id("signature-length")
            .class(length_class)
            .text(&length),
        tag("dt").text("base64url"),
        tag("dd").class("mono").text(&encoded),
        tag("dt").text("hex"),
        tag("dd").id("signature-hex").class("mono").text(&hex),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::html::tests::{HOSTILE, json_string, report_for};

    #[test]
    fn hostile_alg_never_reaches_the_panel_raw() {
        let header = format!("{{\"alg\":{}}}", json_string(HOSTILE));
        let report = report_for(&header, "{}", "AAAA");
        let html = panel_html(&report).unwrap_or_default();
        assert!(
            html.as_str()
                .contains("<dd id=\"signature-hex\" class=\"mono\">000000</dd>")
        );
        assert!(!html.as_str().contains('\u{202E}'));
        assert!(!html.as_str().contains("<img"));
    }
}
