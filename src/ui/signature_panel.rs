//! `<SignaturePanel/>`: the signature bytes and whether their length fits `alg`.

use leptos::prelude::*;

use crate::jwt::Report;

/// Bytes shown in hex before the rest is summarised.
const SHOWN_BYTES: usize = 1_024;

/// The signature as base64url and hex, with its length judged against `alg`.
#[component]
pub fn SignaturePanel(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let bytes = r.signature.as_ref()?;
            let encoded = r.segment_text(2).unwrap_or_default();
            let encoded: String = encoded.chars().take(SHOWN_BYTES * 2).collect();
            let mut hex: String = bytes.iter().take(SHOWN_BYTES).map(|b| format!("{b:02x}")).collect();
            if bytes.len() > SHOWN_BYTES {
                hex.push_str(" …");
            }
            let fit = r.alg().map(|alg| alg.judge_signature_length(bytes.len()));
            let (fits, fit_text) = fit.unwrap_or((true, format!("{} bytes", bytes.len())));
            Some(view! {
                <section class="panel signature-panel" aria-labelledby="signature-title">
                    <h2 id="signature-title" class="section-title">"Signature"</h2>
                    <dl class="signature-facts">
                        <dt>"Length"</dt>
                        <dd id="signature-length" class:mismatch=!fits>{fit_text}</dd>
                        <dt>"base64url"</dt>
                        <dd class="mono">{encoded}</dd>
                        <dt>"hex"</dt>
                        <dd class="mono" id="signature-hex">{hex}</dd>
                    </dl>
                </section>
            })
        })
    }
}
