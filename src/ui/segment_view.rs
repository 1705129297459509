//! `<SegmentView/>`: the cleaned token, coloured by segment, and what cleaning removed.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
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
    view! { <div class="slot" aria-live="polite" inner_html=html::inner(shown)></div> }
}

/// The cleaning note (`#cleaning-note`) and the coloured token (`#token-echo`).
pub(super) fn shown_html(report: &Report) -> Html {
    let mut out = Html::new();
    if !report.cleaned.removed.is_empty() {
        let list: Vec<String> = report
            .cleaned
            .removed
            .iter()
            .map(Removed::to_string)
            .collect();
        out.push(
            tag("p")
                .id("cleaning-note")
                .class("cleaning-note")
                .text(&format!("Removed before decoding: {}.", list.join(", "))),
        );
    }
    if !report.segments.is_empty() {
        out.push(
            tag("div")
                .id("token-echo")
                .class("token-echo")
                .attr("aria-label", "Token, coloured by segment")
                .child(echo_html(report)),
        );
    }
    out
}

/// The coloured token.
fn echo_html(report: &Report) -> Html {
    let count = report.segments.len();
    let bad = bad_character(report);
    let mut out = Html::new();
    for (i, range) in report.segments.iter().enumerate() {
        if i > 0 {
            out.push(element("span", "seg-dot", "."));
        }
        let class = match (count, i) {
            (_, 0) => "seg-header",
            (2..=4, 1) => "seg-payload",
            (3, 2) => "seg-signature",
            _ => "seg-other",
        };
        let text = report.cleaned.token.get(range.clone()).unwrap_or_default();
        let marked = bad.filter(|(segment, _)| *segment == i).map(|(_, p)| p);
        out.push(
            tag("span")
                .class("seg")
                .class(class)
                .child(segment_html(text, marked)),
        );
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
fn segment_html(text: &str, marked: Option<usize>) -> Html {
    let mut out = Html::new();
    let mut total = 0;
    for (i, c) in text.chars().enumerate() {
        total += 1;
        if i >= SHOWN_CHARS {
            continue;
        }
        let mut buf = [0u8; 4];
        let c = c.encode_utf8(&mut buf);
        if marked == Some(i + 1) {
            out.push(element("mark", "bad-char", c));
        } else {
            out.push_text(c);
        }
    }
    if total > SHOWN_CHARS {
        out.push(element(
            "span",
            "seg-more",
            &format!(" … {} more characters", total - SHOWN_CHARS),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::inspect;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn hostile_characters_in_the_token_are_escaped_in_the_echo() {
        let report = inspect(&format!("eyJhbGciOiJIUzI1NiJ9.e30{HOSTILE}.AA"));
        let html = report.as_ref().map(shown_html).unwrap_or_default();
        assert!(
            html.as_str().contains("id=\"token-echo\""),
            "{}",
            html.as_str()
        );
        assert!(!html.as_str().contains('\u{202E}'));
        assert!(!html.as_str().contains("<img"));
    }

    #[test]
    fn bad_character_is_marked_and_escaped() {
        let html = segment_html("ab\u{202E}c", Some(3));
        assert_eq!(
            html.as_str(),
            "ab<mark class=\"bad-char\"><span class=\"esc\">\\u202e</span></mark>c"
        );
    }

    #[test]
    fn segment_text_is_escaped() {
        assert_escaped(segment_html(HOSTILE, None).as_str());
    }
}
