//! `<JsonPanel/>`: a decoded header or payload as exact, coloured JSON, or as
//! a claims table.

use leptos::prelude::*;

use super::claims_table::ClaimsTable;
use super::html::{self, Html, element, tag};
use crate::jwt::sd_jwt::SdJwt;
use crate::jwt::{Part, Report, Section};

/// Pretty JSON longer than this is shown uncoloured: a `<span>` per token
/// would cost the browser hundreds of milliseconds on a large payload. The
/// text itself is always shown whole, up to the 2 MiB the page decodes
/// (`jwt::MAX_TOKEN_BYTES`, issue 12).
const COLOUR_BYTES: usize = 16 * 1024;

/// The pretty JSON of one part (`#header-json` or `#payload-json`) with its
/// decoded text one click away (open when it is not JSON), and its claims
/// table, shown instead of the JSON in the table view.
#[component]
pub fn JsonPanel(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// `Part::Header` or `Part::Payload`.
    part: Part,
    /// Seconds since the epoch, ticking, for the table's relative times.
    #[prop(into)]
    now: Signal<i64>,
    /// Show the table's times in local time rather than UTC.
    #[prop(into)]
    local: Signal<bool>,
    /// The SD-JWT the payload belongs to: the table then shows the claims
    /// as a verifier sees them, disclosed ones marked (issue 17).
    #[prop(optional, into)]
    sd: Option<Signal<Option<SdJwt>>>,
) -> impl IntoView {
    let (title, id) = match part {
        Part::Header => ("Header", "header-json"),
        _ => ("Payload", "payload-json"),
    };
    // Depends on the token only, so a selection in the JSON survives the clock.
    let body = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| body_html(r, part, id))
                .unwrap_or_default()
        })
    };
    view! {
        <section class=format!("panel json-panel panel-{id}") aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title") class="section-title">{title}</h2>
            <div class="json-view" inner_html=html::inner(body)></div>
            <div class="table-wrap">
                <ClaimsTable report=report part=part now=now local=local sd=sd />
            </div>
        </section>
    }
}

/// The pretty JSON (`#header-json` or `#payload-json`) and the decoded text,
/// both whole.
pub(super) fn body_html(r: &Report, part: Part, id: &'static str) -> Html {
    let section: Option<&Section> = match part {
        Part::Header => r.header.as_ref(),
        _ => r.payload.as_ref(),
    };
    let Some(section) = section else {
        let note = if part == Part::Payload && r.segments.len() == 5 {
            "Encrypted (JWE): not readable without the recipient's key."
        } else {
            "Could not be decoded: see the error."
        };
        return element("p", "muted", note);
    };
    let mut out = Html::new();
    if let Some(pretty) = &section.pretty {
        out.push(
            tag("pre")
                .id(id)
                .class("json")
                .attr("tabindex", "0")
                .child(html::json(pretty, COLOUR_BYTES)),
        );
    }
    let details = tag("details").class("raw");
    let details = if section.pretty.is_none() {
        details.flag("open")
    } else {
        details
    };
    out.push(details.child(Html::concat([
        tag("summary").text("Decoded text, as in the token"),
        tag("pre").class("raw-text").text_block(&section.text),
    ])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::MAX_TOKEN_BYTES;
    use crate::ui::html::tests::{HOSTILE, json_string, report_for};

    #[test]
    fn hostile_names_and_values_are_escaped_in_json_and_text() {
        let payload = format!("{{{}:{}}}", json_string(HOSTILE), json_string(HOSTILE));
        let html = body_html(
            &report_for(r#"{"alg":"HS256"}"#, &payload, "AA"),
            Part::Payload,
            "payload-json",
        );
        let text = html.as_str();
        assert!(text.contains("<pre id=\"payload-json\" class=\"json\" tabindex=\"0\">"));
        // The JSON view writes the characters as JSON escapes; the decoded
        // text shows them as codes: raw in neither.
        assert!(!text.contains('\u{202E}') && !text.contains('\u{200B}'));
        assert!(!text.contains("<img"));
    }

    #[test]
    fn decoded_text_with_raw_bidi_characters_is_escaped() {
        // Raw characters in the JSON text itself, not `\u` escapes.
        let payload = format!("{{\"a\":\"{}\"}}", HOSTILE.replace('"', "'"));
        let report = report_for(r#"{"alg":"HS256"}"#, &payload, "AA");
        let html = body_html(&report, Part::Payload, "payload-json");
        assert!(html.as_str().contains("\\u202e"));
        assert!(!html.as_str().contains('\u{202E}'));
        assert!(!html.as_str().contains("<img"));
    }

    #[test]
    fn payload_near_the_size_limit_is_shown_whole() {
        let filler = "x".repeat(MAX_TOKEN_BYTES / 2);
        let payload = format!("{{\"big\":\"{filler}\",\"last\":\"end-marker\"}}");
        let report = report_for(r#"{"alg":"HS256"}"#, &payload, "AA");
        let html = body_html(&report, Part::Payload, "payload-json");
        // Once in the JSON view and once in the decoded text.
        assert_eq!(html.as_str().matches("end-marker").count(), 2);
        assert_eq!(html.as_str().matches(filler.as_str()).count(), 2);
    }

    #[test]
    fn missing_payload_of_a_jwe_says_encrypted() {
        let report = crate::jwt::inspect("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d");
        let html = report
            .as_ref()
            .map(|r| body_html(r, Part::Payload, "payload-json"));
        assert!(
            html.unwrap_or_default()
                .as_str()
                .contains("Encrypted (JWE)")
        );
    }
}
