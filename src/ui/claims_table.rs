//! `<ClaimsTable/>`: every claim or header parameter with its value and meaning.

use leptos::prelude::*;

use super::browser;
use super::html::{self, Html, element, tag};
use crate::jwt::claims::{self, ClaimKind};
use crate::jwt::insight::{compact, looks_like_milliseconds};
use crate::jwt::issuer::{self, IssuerFamily};
use crate::jwt::time::{format_utc, relative};
use crate::jwt::{Json, NumericDate, Part, Report, TimeClaim};

/// Members listed before the rest are summarised: the table re-renders every
/// second for its relative times.
const MAX_ROWS: usize = 200;

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
            let local: Option<fn(i64) -> String> = local.get().then_some(browser::local_time);
            Some(table_html(section.json.as_ref()?, part, now.get(), local))
        })
    };
    view! { <table class="claims-table" inner_html=html::inner(move || rows().unwrap_or_default())></table> }
}

/// The rows for `object`'s members; `local` writes times in the user's
/// time zone, `None` for UTC. Names and values come from the token: escaped.
pub(super) fn table_html(
    object: &Json,
    part: Part,
    now: i64,
    local: Option<fn(i64) -> String>,
) -> Html {
    let head = ["Name", "Value", "Meaning"].map(|h| tag("th").text(h));
    let mut body = Html::new();
    let members = object.members().unwrap_or_default();
    // A provider's own claims (Entra's `roles`, Keycloak's `typ`) read as
    // that provider documents them.
    let family = match part {
        Part::Header => IssuerFamily::Unknown,
        _ => issuer::recognise(object).family,
    };
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
            _ => claims::describe_claim_for(name, family),
        };
        let mut shown = Html::text(&compact(value));
        if let Some(extra) = value_note(name, value, part, now, local) {
            shown.push(element("span", "value-note", &extra));
        }
        let meaning = match meaning {
            Some(m) => {
                let mut out = Html::text(m.description);
                out.push(match m.url {
                    // The source's address is JWT Lens's own data, never the token's.
                    Some(url) => tag("a")
                        .class("source")
                        .attr("href", url)
                        .attr("target", "_blank")
                        .attr("rel", "noopener noreferrer")
                        .text(m.source),
                    None => element("span", "source", m.source),
                });
                out
            }
            None => element(
                "span",
                "private",
                "Private claim: defined by the issuer, not by a standard (RFC 7519 §4.3).",
            ),
        };
        body.push(
            tag("tr")
                .attr("data-claim", name)
                .attr("data-kind", kind.as_str())
                .child(Html::concat([
                    tag("th").attr("scope", "row").child(tag("code").text(name)),
                    tag("td").class("value").child(shown),
                    tag("td").class("meaning").child(meaning),
                ])),
        );
    }
    if members.len() > MAX_ROWS {
        body.push(
            tag("tr").child(
                tag("td")
                    .attr("colspan", "3")
                    .class("cut-note")
                    .text(&format!(
                        "and {} more members, not listed",
                        members.len() - MAX_ROWS
                    )),
            ),
        );
    }
    Html::concat([
        tag("thead").child(tag("tr").child(Html::concat(head))),
        tag("tbody").child(body),
    ])
}

/// A second line for values that need reading: dates, and what `alg` means.
fn value_note(
    name: &str,
    value: &Json,
    part: Part,
    now: i64,
    local: Option<fn(i64) -> String>,
) -> Option<String> {
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
            let when = local.map_or_else(|| format_utc(secs), |local| local(secs));
            Some(format!("{when} ({})", relative(secs, now)))
        }
        NumericDate::Invalid(why) => Some(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::html::tests::{HOSTILE, assert_escaped, json_string, report_for};

    fn payload_table(payload: &str) -> Html {
        let report = report_for(r#"{"alg":"HS256"}"#, payload, "AA");
        let claims = report.claims().cloned().unwrap_or(Json::Null);
        table_html(&claims, Part::Payload, 0, None)
    }

    #[test]
    fn hostile_claim_name_is_escaped_in_cell_and_attribute() {
        let html = payload_table(&format!("{{{}:1}}", json_string(HOSTILE)));
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("<tr data-claim=\"&lt;img"));
    }

    #[test]
    fn hostile_header_name_and_alg_value_are_escaped() {
        let header = format!("{{\"alg\":{0},{0}:{0}}}", json_string(HOSTILE));
        let report = report_for(&header, "{}", "AA");
        let object = report.header.and_then(|h| h.json).unwrap_or(Json::Null);
        let html = table_html(&object, Part::Header, 0, None);
        assert!(!html.as_str().contains('\u{202E}'));
        assert!(!html.as_str().contains("<img"));
        assert!(html.as_str().contains("data-kind=\"private\""));
    }

    #[test]
    fn string_timestamp_note_is_escaped() {
        let html = payload_table(&format!("{{\"exp\":{}}}", json_string(HOSTILE)));
        assert!(!html.as_str().contains('\u{202E}'));
        assert!(
            html.as_str()
                .contains("a string instead of a number of seconds")
        );
    }

    #[test]
    fn numeric_time_gets_its_date() {
        let html = payload_table(r#"{"iat":1516239022}"#);
        assert!(
            html.as_str().contains("2018-01-18T01:30:22Z"),
            "{}",
            html.as_str()
        );
    }
}
