//! `<SegmentView/>`: the cleaned token, coloured by segment, and what cleaning removed.

use leptos::prelude::*;

use super::html;
use crate::jwt::{Error, Part, Removed, Report};

/// Segments longer than this are shown cut, so a huge paste does not flood the page.
const SHOWN_CHARS: usize = 2_000;

/// What cleaning removed (`#cleaning-note`) and the token echoed back in
/// colour (`#token-echo`), with a character that is not base64url marked.
#[component]
pub fn SegmentView(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let shown = move || report.with(|r| r.as_ref().map(shown_html).unwrap_or_default());
    view! { <div class="slot" aria-live="polite" inner_html=Signal::derive(shown)></div> }
}

/// The cleaning note (`#cleaning-note`) and the coloured token (`#token-echo`).
fn shown_html(report: &Report) -> String {
    let mut out = String::new();
    if !report.cleaned.removed.is_empty() {
        let list: Vec<String> = report
            .cleaned
            .removed
            .iter()
            .map(Removed::to_string)
            .collect();
        out.push_str("<p id=\"cleaning-note\" class=\"cleaning-note\">");
        html::push_escaped(
            &mut out,
            &format!("Removed before decoding: {}.", list.join(", ")),
        );
        out.push_str("</p>");
    }
    if !report.segments.is_empty() {
        out.push_str("<div id=\"token-echo\" class=\"token-echo\" aria-label=\"Token, coloured by segment\">");
        out.push_str(&echo_html(report));
        out.push_str("</div>");
    }
    out
}

/// The coloured token as HTML.
fn echo_html(report: &Report) -> String {
    let count = report.segments.len();
    let bad = bad_character(report);
    let mut out = String::new();
    for (i, range) in report.segments.iter().enumerate() {
        if i > 0 {
            out.push_str("<span class=\"seg-dot\">.</span>");
        }
        let class = match (count, i) {
            (_, 0) => "seg-header",
            (2..=4, 1) => "seg-payload",
            (3, 2) => "seg-signature",
            _ => "seg-other",
        };
        let text = report.cleaned.token.get(range.clone()).unwrap_or_default();
        let marked = bad.filter(|(segment, _)| *segment == i).map(|(_, p)| p);
        out.push_str(&format!("<span class=\"seg {class}\">"));
        push_segment(&mut out, text, marked);
        out.push_str("</span>");
    }
    out
}

/// The segment index and 1-based character position of a bad base64 character.
fn bad_character(report: &Report) -> Option<(usize, usize)> {
    report.errors.iter().find_map(|e| match e {
        Error::Base64Char { part, position, .. } => {
            let index = match part {
                Part::Header => 0,
                Part::Payload => 1,
                Part::Signature => 2,
                Part::Encrypted => return None,
            };
            Some((index, *position))
        }
        _ => None,
    })
}

/// A segment's text, cut when long, with the character at `marked` highlighted.
fn push_segment(out: &mut String, text: &str, marked: Option<usize>) {
    let mut total = 0;
    for (i, c) in text.chars().enumerate() {
        total += 1;
        if i >= SHOWN_CHARS {
            continue;
        }
        let mut buf = [0u8; 4];
        let c = c.encode_utf8(&mut buf);
        if marked == Some(i + 1) {
            out.push_str(&html::element("mark", "bad-char", c));
        } else {
            html::push_escaped(out, c);
        }
    }
    if total > SHOWN_CHARS {
        out.push_str(&html::element(
            "span",
            "seg-more",
            &format!(" … {} more characters", total - SHOWN_CHARS),
        ));
    }
}
