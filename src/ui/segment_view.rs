//! `<SegmentView/>`: the cleaned token, coloured by segment, and what cleaning removed.

use leptos::prelude::*;

use crate::jwt::{Error, Removed, Report};

/// Segments longer than this are shown cut, so a huge paste does not flood the page.
const SHOWN_CHARS: usize = 2_000;

/// The token echoed back in colour: header, payload, signature.
#[component]
pub fn SegmentView(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let segments = move || {
        report.with(|report| {
            let report = report.as_ref()?;
            if report.segments.is_empty() {
                return None;
            }
            let bad = bad_character(report);
            let views = report
                .segments
                .iter()
                .enumerate()
                .map(|(i, range)| {
                    let text = report.cleaned.token.get(range.clone()).unwrap_or_default();
                    let dot = (i > 0).then(|| view! { <span class="seg-dot">"."</span> });
                    let class = match (report.segments.len(), i) {
                        (_, 0) => "seg seg-header",
                        (3, 1) | (2, 1) | (4, 1) => "seg seg-payload",
                        (3, 2) => "seg seg-signature",
                        _ => "seg seg-other",
                    };
                    let marked = bad.filter(|(segment, _)| *segment == i).map(|(_, p)| p);
                    view! { {dot}<span class=class>{segment_text(text, marked)}</span> }
                })
                .collect_view();
            Some(view! { <div id="token-echo" class="token-echo" aria-label="Token, coloured by segment">{views}</div> })
        })
    };
    view! {
        <CleaningNote report=report />
        {segments}
    }
}

/// The segment index and 1-based character position of a bad base64 character.
fn bad_character(report: &Report) -> Option<(usize, usize)> {
    report.errors.iter().find_map(|e| match e {
        Error::Base64Char { part, position, .. } => {
            let index = match part {
                crate::jwt::Part::Header => 0,
                crate::jwt::Part::Payload => 1,
                crate::jwt::Part::Signature => 2,
                crate::jwt::Part::Encrypted => return None,
            };
            Some((index, *position))
        }
        _ => None,
    })
}

/// A segment's text, cut when long, with the character at `marked` highlighted.
fn segment_text(text: &str, marked: Option<usize>) -> AnyView {
    let total = text.chars().count();
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    match marked {
        Some(position) if position <= SHOWN_CHARS => {
            let before = cut(text, position - 1);
            let bad: String = text.chars().skip(position - 1).take(1).collect();
            let after = cut(&text.chars().skip(position).collect::<String>(), SHOWN_CHARS - position);
            view! { {before}<mark class="bad-char" title="not base64url">{bad}</mark>{after}{more(total)} }.into_any()
        }
        _ => view! { {cut(text, SHOWN_CHARS)}{more(total)} }.into_any(),
    }
}

fn more(total: usize) -> Option<impl IntoView> {
    (total > SHOWN_CHARS).then(|| {
        view! { <span class="seg-more">{format!(" … {} more characters", total - SHOWN_CHARS)}</span> }
    })
}

/// "Removed before decoding: …", when cleaning removed anything.
#[component]
fn CleaningNote(#[prop(into)] report: Signal<Option<Report>>) -> impl IntoView {
    let removed = move || {
        report.with(|r| {
            let removed = &r.as_ref()?.cleaned.removed;
            (!removed.is_empty()).then(|| removed.iter().map(Removed::to_string).collect::<Vec<_>>().join(", "))
        })
    };
    move || {
        removed().map(|list| {
            view! {
                <p id="cleaning-note" class="cleaning-note" aria-live="polite">
                    "Removed before decoding: " {list}
                </p>
            }
        })
    }
}
