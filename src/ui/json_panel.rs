//! `<JsonPanel/>`: a decoded header or payload as exact, coloured JSON, or as
//! a claims table.

use leptos::prelude::*;

use super::browser;
use super::claims_table::ClaimsTable;
use super::html::{self, Html, element, tag};
use super::latest::{changes, latest};
use crate::jwt::sd_jwt::SdJwt;
use crate::jwt::{Part, Report, Section};

/// Pretty JSON longer than this is shown uncoloured: a `<span>` per token
/// would cost the browser hundreds of milliseconds on a large payload. The
/// text itself is always shown whole, up to the 2 MiB the page decodes
/// (`jwt::MAX_TOKEN_BYTES`, issue 12).
const COLOUR_BYTES: usize = 16 * 1024;

/// Pretty JSON longer than this is shown in two steps: its first bytes at
/// once, the rest when the browser is next idle (`pre[data-partial]` until
/// then). Laying out a 740 KB string takes the browser about 70 ms; the
/// top of the token should not wait for the end of it.
const FIRST_BYTES: usize = 64 * 1024;

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
    /// The claims table is the view shown: it is built only then, since it
    /// is rebuilt every second for its relative times.
    #[prop(into)]
    table: Signal<bool>,
    /// The SD-JWT the payload belongs to: the table then shows the claims
    /// as a verifier sees them, disclosed ones marked (issue 17).
    #[prop(optional, into)]
    sd: Option<Signal<Option<SdJwt>>>,
) -> impl IntoView {
    let (title, id) = match part {
        Part::Header => ("Header", "header-json"),
        _ => ("Payload", "payload-json"),
    };
    // A long JSON text asks to be shown whole once the browser is idle,
    // for this report only (its count of changes).
    let report_count = changes(report);
    let long = Memo::new(move |_| {
        let long = report.with(|r| {
            r.as_ref()
                .and_then(|r| section(r, part)?.pretty.as_ref())
                .is_some_and(|p| p.len() > FIRST_BYTES)
        });
        long.then(|| report_count.get())
    });
    let idle = latest(long, |_| browser::idle_period());
    // Depends on the token only, so a selection in the JSON survives the clock.
    let body = move || {
        let first = idle.with(Option::is_none).then_some(FIRST_BYTES);
        report.with(|r| {
            r.as_ref()
                .map(|r| json_html(r, part, id, first))
                .unwrap_or_default()
        })
    };
    view! {
        <section class=format!("panel json-panel panel-{id}") aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title") class="section-title">{title}</h2>
            <div class="json-view">
                <div class="slot" inner_html=html::inner(body)></div>
                <DecodedText report=report part=part />
            </div>
            <div class="table-wrap">
                <ClaimsTable report=report part=part now=now local=local shown=table sd=sd />
            </div>
        </section>
    }
}

/// The decoded text of one part, as in the token, in a `<details>` that is
/// open when the text is not JSON. Its markup is built only while it is
/// open: on a large token it would be the whole payload again.
#[component]
fn DecodedText(report: Signal<Option<Report>>, part: Part) -> impl IntoView {
    let opened = RwSignal::new(false);
    let decoded = move || report.with(|r| r.as_ref().is_some_and(|r| section(r, part).is_some()));
    let not_json = move || {
        report.with(|r| {
            r.as_ref()
                .and_then(|r| section(r, part))
                .is_some_and(|s| s.pretty.is_none())
        })
    };
    let open = move || opened.get() || not_json();
    let text = move || {
        if !open() {
            return Html::new();
        }
        report.with(|r| {
            r.as_ref()
                .and_then(|r| section(r, part))
                .map(|s| {
                    let mut text = Html::new();
                    text.push_text_block(&s.text);
                    text
                })
                .unwrap_or_default()
        })
    };
    move || {
        decoded().then(|| {
            view! {
                <details
                    class="raw"
                    prop:open=open
                    on:toggle=move |ev| opened.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))
                >
                    <summary>{SUMMARY}</summary>
                    <pre class="raw-text" inner_html=html::inner(text)></pre>
                </details>
            }
        })
    }
}

/// The summary of the decoded text's `<details>`.
const SUMMARY: &str = "Decoded text, as in the token";

/// The header or the payload, if it could be decoded.
fn section(r: &Report, part: Part) -> Option<&Section> {
    match part {
        Part::Header => r.header.as_ref(),
        _ => r.payload.as_ref(),
    }
}

/// The pretty JSON (`#header-json` or `#payload-json`), or a note saying why
/// there is none; with `first`, only that many bytes of a longer text,
/// marked `data-partial`.
fn json_html(r: &Report, part: Part, id: &'static str, first: Option<usize>) -> Html {
    let Some(section) = section(r, part) else {
        let note = if part == Part::Payload && r.segments.len() == 5 {
            "Encrypted (JWE): not readable without the recipient's key."
        } else {
            "Could not be decoded: see the error."
        };
        return element("p", "muted", note);
    };
    let Some(pretty) = &section.pretty else {
        return Html::new();
    };
    let pre = tag("pre").id(id).class("json").attr("tabindex", "0");
    match first.filter(|&n| pretty.len() > n) {
        Some(n) => {
            let cut = (0..=n)
                .rev()
                .find(|&i| pretty.is_char_boundary(i))
                .unwrap_or(0);
            pre.attr("data-partial", "true")
                .child(html::json(&pretty[..cut], COLOUR_BYTES))
        }
        None => pre.child(html::json(pretty, COLOUR_BYTES)),
    }
}

/// The pretty JSON (`#header-json` or `#payload-json`) and the decoded text,
/// both whole: the markup of the first paint and of the embed's token list,
/// which have no `<details>` that builds its content when opened.
pub(super) fn body_html(r: &Report, part: Part, id: &'static str) -> Html {
    let mut out = json_html(r, part, id, None);
    let Some(section) = section(r, part) else {
        return out;
    };
    let details = tag("details").class("raw");
    let details = if section.pretty.is_none() {
        details.flag("open")
    } else {
        details
    };
    out.push(details.child(Html::concat([
        tag("summary").text(SUMMARY),
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
    fn a_long_json_text_is_cut_only_when_asked_at_a_character_boundary() {
        // Two-byte characters around the cut.
        let filler = "é".repeat(FIRST_BYTES);
        let payload = format!("{{\"big\":\"{filler}\"}}");
        let report = report_for(r#"{"alg":"HS256"}"#, &payload, "AA");
        let first = json_html(&report, Part::Payload, "payload-json", Some(FIRST_BYTES));
        assert!(first.as_str().contains("data-partial"));
        assert!(first.as_str().len() < FIRST_BYTES + 200);
        let whole = json_html(&report, Part::Payload, "payload-json", None);
        assert!(!whole.as_str().contains("data-partial"));
        assert!(whole.as_str().contains(&filler));
        // A text under the limit is whole even when a cut is asked for.
        let small = report_for(r#"{"alg":"HS256"}"#, r#"{"a":1}"#, "AA");
        let shown = json_html(&small, Part::Payload, "payload-json", Some(FIRST_BYTES));
        assert!(!shown.as_str().contains("data-partial"));
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
