//! `<ClaimsTable/>`: every claim or header parameter with its value and meaning.

use leptos::prelude::*;

use super::browser;
use super::html::{self, Html, element, tag};
use crate::jwt::claims::{self, ClaimKind};
use crate::jwt::insight::{compact, looks_like_milliseconds};
use crate::jwt::issuer::{self, IssuerFamily};
use crate::jwt::sd_jwt::{SdJwt, State};
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
    /// The table is on screen: built only then, as it is rebuilt every
    /// second.
    #[prop(into)]
    shown: Signal<bool>,
    /// The SD-JWT the payload belongs to, if any: its table then lists the
    /// claims as a verifier sees them, disclosed ones marked.
    sd: Option<Signal<Option<SdJwt>>>,
) -> impl IntoView {
    let rows = move || {
        if !shown.get() {
            return None;
        }
        let local: Option<fn(i64) -> String> = local.get().then_some(browser::local_time);
        let now = now.get();
        let from_sd = (part == Part::Payload)
            .then(|| {
                sd?.with(|sd| {
                    let sd = sd.as_ref()?;
                    Some(table_html(
                        sd.processed.as_ref()?,
                        part,
                        now,
                        local,
                        Some(sd),
                    ))
                })
            })
            .flatten();
        from_sd.or_else(|| {
            report.with(|r| {
                let r = r.as_ref()?;
                let section = match part {
                    Part::Header => r.header.as_ref()?,
                    _ => r.payload.as_ref()?,
                };
                Some(table_html(section.json.as_ref()?, part, now, local, None))
            })
        })
    };
    view! { <table class="claims-table" inner_html=html::inner(move || rows().unwrap_or_default())></table> }
}

/// The rows for `object`'s members; `local` writes times in the user's
/// time zone, `None` for UTC. Names and values come from the token: escaped.
/// With `sd`, `object` is its processed payload and each row says whether
/// its claim, or something inside it, was disclosed.
pub(super) fn table_html(
    object: &Json,
    part: Part,
    now: i64,
    local: Option<fn(i64) -> String>,
    sd: Option<&SdJwt>,
) -> Html {
    let head = ["Name", "Value", "Meaning"].map(|h| tag("th").text(h));
    let mut body = Html::new();
    let caption = sd.map(|sd| {
        let disclosed = sd
            .disclosures
            .iter()
            .filter(|d| d.state == State::Matched)
            .count();
        tag("caption").class("sd-caption").text(&format!(
            "The claims as a verifier sees them (RFC 9901 §7.1): {disclosed} disclosure(s) in place, digests removed."
        ))
    });
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
        let origin = sd.map_or(Origin::Signed, |sd| origin(sd, name));
        let mut head = tag("code").text(name);
        let row = tag("tr")
            .attr("data-claim", name)
            .attr("data-kind", kind.as_str());
        let row = match &origin {
            Origin::Signed => row,
            Origin::Disclosed => {
                head.push(element("span", "disclosed-mark", "disclosed"));
                row.attr("data-disclosed", "true")
            }
            Origin::Inside(paths) => {
                head.push(element(
                    "span",
                    "disclosed-mark",
                    &format!("disclosed inside: {}", paths.join(", ")),
                ));
                row.attr("data-disclosed", "inside")
            }
        };
        body.push(row.child(Html::concat([
            tag("th").attr("scope", "row").child(head),
            tag("td").class("value").child(shown),
            tag("td").class("meaning").child(meaning),
        ])));
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
        caption.unwrap_or_default(),
        tag("thead").child(tag("tr").child(Html::concat(head))),
        tag("tbody").child(body),
    ])
}

/// Where a top-level claim of an SD-JWT's processed payload came from.
#[derive(Debug, PartialEq)]
enum Origin {
    /// Signed in the clear by the issuer, with nothing disclosed inside.
    Signed,
    /// Put in place from a disclosure (`data-disclosed="true"`).
    Disclosed,
    /// Signed in the clear, holding values put in place from disclosures,
    /// at these paths (`data-disclosed="inside"`).
    Inside(Vec<String>),
}

/// Whether top-level claim `name` came from a disclosure. A disclosure
/// placed at the top level has the claim's own name as its path; one
/// placed inside it has a longer path under the same root.
fn origin(sd: &SdJwt, name: &str) -> Origin {
    let mut inside = Vec::new();
    for d in &sd.disclosures {
        let (State::Matched, Some(root), Some(path)) = (d.state, &d.root, &d.path) else {
            continue;
        };
        if root != name {
            continue;
        }
        if path.len() == name.len() {
            return Origin::Disclosed;
        }
        inside.push(path.clone());
    }
    if inside.is_empty() {
        Origin::Signed
    } else {
        Origin::Inside(inside)
    }
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
        table_html(&claims, Part::Payload, 0, None, None)
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
        let html = table_html(&object, Part::Header, 0, None, None);
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

    /// `(data-claim, data-disclosed)` of each row, in order.
    fn rows(html: &str) -> Vec<(String, Option<String>)> {
        let attr = |tr: &str, name: &str| {
            let start = tr.find(&format!(" {name}=\""))? + name.len() + 3;
            let end = tr[start..].find('"')? + start;
            Some(tr[start..end].to_owned())
        };
        html.split("<tr")
            .skip(1)
            .filter_map(|tr| {
                let tr = &tr[..tr.find('>')?];
                Some((attr(tr, "data-claim")?, attr(tr, "data-disclosed")))
            })
            .collect()
    }

    #[test]
    fn sd_jwt_table_lists_the_verified_claims_with_disclosed_ones_marked() {
        // RFC 9901's examples as the PyPI `sd-jwt` package presents and
        // verifies them (tests/fixtures/sd_jwt/generate.py): a claim is
        // disclosed when the verified contents have it and the issuer-signed
        // payload does not; one signed in the clear holds disclosed values
        // when the verifier's value differs from the signed one.
        let fixtures: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/sd_jwt/examples.json"))
                .unwrap();
        let examples = fixtures["examples"].as_object().unwrap();
        for (name, example) in examples {
            let report = crate::jwt::inspect(example["presentation"].as_str().unwrap()).unwrap();
            let sd = crate::jwt::sd_jwt::read(&report).unwrap();
            let processed = sd.processed.as_ref().unwrap();
            let html = table_html(processed, Part::Payload, 0, None, Some(&sd));
            let signed = example["sd_jwt_payload"].as_object().unwrap();
            let verified = example["verified_contents"].as_object().unwrap();
            let expected: Vec<(String, Option<String>)> = verified
                .iter()
                .map(|(claim, value)| {
                    let mark = match signed.get(claim) {
                        None => Some("true".to_owned()),
                        Some(v) if v != value => Some("inside".to_owned()),
                        Some(_) => None,
                    };
                    (claim.clone(), mark)
                })
                .collect();
            let mut got = rows(html.as_str());
            let mut expected = expected;
            got.sort();
            expected.sort();
            assert_eq!(got, expected, "{name}");
            let marked = got.iter().filter(|(_, m)| m.is_some()).count();
            assert_eq!(
                html.as_str().matches("class=\"disclosed-mark\"").count(),
                marked,
                "{name}: a visible label per marked row"
            );
        }
    }

    #[test]
    fn plain_jwt_rows_carry_no_disclosure_mark() {
        let html = payload_table(r#"{"sub":"a","_sd":["x"]}"#);
        assert!(!html.as_str().contains("data-disclosed"));
        assert!(!html.as_str().contains("<caption"));
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
