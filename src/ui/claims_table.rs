//! `<ClaimsTable/>`: every claim or header parameter with its value and meaning.

use leptos::prelude::*;

use super::{browser, html};

/// Members listed before the rest are summarised: the table re-renders every
/// second for its relative times.
const MAX_ROWS: usize = 200;
use crate::jwt::claims::{self, ClaimKind};
use crate::jwt::insight::{compact, looks_like_milliseconds};
use crate::jwt::time::{format_utc, relative};
use crate::jwt::{Json, NumericDate, Part, Report, TimeClaim};

/// The table view of a header or payload (`.claims-table`): name, value and
/// meaning, with its source and whether the name is registered, public or private.
#[component]
pub fn ClaimsTable(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// `Part::Header` or `Part::Payload`.
    part: Part,
    /// Seconds since the epoch, ticking, for relative times.
    #[prop(into)]
    now: Signal<i64>,
    /// Show times in local time rather than UTC.
    #[prop(into)]
    local: Signal<bool>,
) -> impl IntoView {
    let rows = move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let section = match part {
                Part::Header => r.header.as_ref()?,
                _ => r.payload.as_ref()?,
            };
            Some(table_html(
                section.json.as_ref()?,
                part,
                now.get(),
                local.get(),
            ))
        })
    };
    view! { <table class="claims-table" inner_html=Signal::derive(move || rows().unwrap_or_default())></table> }
}

fn table_html(object: &Json, part: Part, now: i64, local: bool) -> String {
    let mut out =
        String::from("<thead><tr><th>Name</th><th>Value</th><th>Meaning</th></tr></thead><tbody>");
    let members = object.members().unwrap_or_default();
    for (name, value) in members.iter().take(MAX_ROWS) {
        let (kind, meaning) = match part {
            Part::Header => {
                let meaning = claims::describe_header(name);
                (
                    if meaning.is_some() {
                        ClaimKind::Registered
                    } else {
                        ClaimKind::Private
                    },
                    meaning,
                )
            }
            _ => claims::describe_claim(name),
        };
        out.push_str(&format!(
            "<tr data-claim=\"{}\" data-kind=\"{}\"><th scope=\"row\"><code>",
            html::escape(name),
            kind.as_str()
        ));
        html::push_escaped(&mut out, name);
        out.push_str("</code></th><td class=\"value\">");
        html::push_escaped(&mut out, &compact(value));
        if let Some(extra) = value_note(name, value, part, now, local) {
            out.push_str(&html::element("span", "value-note", &extra));
        }
        out.push_str("</td><td class=\"meaning\">");
        match meaning {
            Some(m) => {
                html::push_escaped(&mut out, m.description);
                out.push_str(&html::element("span", "source", m.source));
            }
            None => out.push_str(&html::element(
                "span",
                "private",
                "Private claim: defined by the issuer, not by a standard (RFC 7519 §4.3).",
            )),
        }
        out.push_str("</td></tr>");
    }
    if members.len() > MAX_ROWS {
        out.push_str(&format!(
            "<tr><td colspan=\"3\" class=\"cut-note\">and {} more members, not listed</td></tr>",
            members.len() - MAX_ROWS
        ));
    }
    out.push_str("</tbody>");
    out
}

/// A second line for values that need reading: dates, and what `alg` means.
fn value_note(name: &str, value: &Json, part: Part, now: i64, local: bool) -> Option<String> {
    if part == Part::Header {
        return (name == "alg")
            .then(|| value.as_str().and_then(claims::describe_alg))
            .flatten()
            .map(str::to_owned);
    }
    let is_time = TimeClaim::ALL.iter().any(|c| c.name() == name)
        || name == "auth_time"
        || name == "updated_at";
    if !is_time {
        return None;
    }
    match crate::jwt::time::numeric_date(value) {
        NumericDate::Seconds(secs) if looks_like_milliseconds(secs) => Some(format!(
            "looks like milliseconds: {} if so",
            format_utc(secs / 1000)
        )),
        NumericDate::Seconds(secs) => {
            let when = if local {
                browser::local_time(secs)
            } else {
                format_utc(secs)
            };
            Some(format!("{when} ({})", relative(secs, now)))
        }
        NumericDate::Invalid(why) => Some(why),
    }
}
