//! `<TimeClaims/>`: whether the token is usable now, and its `iat`, `nbf`, `exp`.

use leptos::prelude::*;

use super::browser;
use super::html::{self, Html, element, tag};
use crate::jwt::insight::{guess_role, issuer_family, looks_like_milliseconds};
use crate::jwt::time::{self, human_duration, relative};
use crate::jwt::{Json, NumericDate, Report, TimeClaim, TokenStatus};

/// `#token-status` (`data-state` = `valid`, `expired`, `not-yet-valid` or
/// `no-exp`) and a row per time claim, refreshed every second.
#[component]
pub fn TimeClaims(
    /// The decoded report, `None` for empty input.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// Seconds since the epoch, ticking.
    #[prop(into)]
    now: Signal<i64>,
) -> impl IntoView {
    let panel = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| panel_html(r, now.get(), browser::local_time, true))
                .unwrap_or_default()
        })
    };
    view! { <div class="slot" inner_html=html::inner(panel)></div> }
}

/// The panel at `now`, with `local` writing a moment in the user's time zone;
/// with `insight`, also the role and issuer rows (the app's, not the first
/// paint's: their evidence texts stay out of the first visit).
pub(super) fn panel_html(r: &Report, now: i64, local: fn(i64) -> String, insight: bool) -> Html {
    let Some(status) = r.status(now, 0) else {
        return Html::new();
    };
    tag("section")
        .class("panel")
        .class("time-panel")
        .attr("aria-label", "Validity")
        .child(Html::concat([
            tag("p")
                .id("token-status")
                .class("token-status")
                .attr("data-state", status.as_str())
                .text(&status_sentence(r, status, now)),
            tag("table")
                .class("time-claims")
                .child(rows_html(r, now, local, insight)),
        ]))
}

/// "Expired 3 h ago", "Valid now: expires in 14 min", …
pub(super) fn status_sentence(r: &Report, status: TokenStatus, now: i64) -> String {
    let exp = r.time_claim(TimeClaim::Exp);
    let nbf = r.time_claim(TimeClaim::Nbf);
    match (status, exp, nbf) {
        (TokenStatus::Expired, Some(exp), _) => format!("Expired {}", relative(exp, now)),
        (TokenStatus::NotYetValid, _, Some(nbf)) => {
            format!("Not valid yet: usable {}", relative(nbf, now))
        }
        (TokenStatus::Valid, Some(exp), _) => {
            format!("Valid now: expires {}", relative(exp, now))
        }
        (TokenStatus::NoExp, _, _) => match unreadable_exp(r) {
            Some(sentence) => sentence,
            None => "No expiry: without an exp claim this token is valid forever".to_owned(),
        },
        _ => String::new(),
    }
}

/// What to say when `exp` is present but not a NumericDate (RFC 7519 §2):
/// the token does have an `exp`, which no library can compare with the clock.
fn unreadable_exp(r: &Report) -> Option<String> {
    let value = r.claims()?.get(TimeClaim::Exp.name())?;
    let NumericDate::Invalid(why) = time::numeric_date(value) else {
        return None;
    };
    Some(match value {
        Json::Number(_) => format!("exp is not a NumericDate JWT Lens can read: {why}"),
        other => format!(
            "exp is {}, not a NumericDate: most libraries reject this token, and when it expires cannot be told",
            other.type_name()
        ),
    })
}

/// A row per time claim (UTC, local, relative) and the lifetime.
fn rows_html(r: &Report, now: i64, local: fn(i64) -> String, insight: bool) -> Html {
    let mut out = Html::new();
    for (claim, date) in r.time_claims() {
        // "Issued iat": the claim's name sits inside its header cell.
        let mut label = Html::text(claim.label());
        label.push_text(" ");
        label.push(tag("code").text(claim.name()));
        let mut row = tag("th").attr("scope", "row").child(label);
        match date {
            NumericDate::Seconds(secs) if looks_like_milliseconds(secs) => {
                row.push(element(
                    "td",
                    "invalid-date",
                    &format!(
                        "{secs} looks like milliseconds: {} if so",
                        time::format_utc(secs / 1000)
                    ),
                ));
                row.push(tag("td").empty());
                row.push(tag("td").empty());
            }
            NumericDate::Seconds(secs) => {
                let utc = time::format_utc(secs);
                row.push(
                    tag("td")
                        .class("utc")
                        .child(tag("time").attr("datetime", &utc).text(&utc)),
                );
                row.push(element("td", "local", &local(secs)));
                row.push(element("td", "relative", &relative(secs, now)));
            }
            NumericDate::Invalid(why) => {
                row.push(
                    tag("td")
                        .attr("colspan", "3")
                        .class("invalid-date")
                        .text(&why),
                );
            }
        }
        out.push(tag("tr").attr("data-claim", claim.name()).child(row));
    }
    let start = r
        .time_claim(TimeClaim::Iat)
        .or(r.time_claim(TimeClaim::Nbf));
    if let (Some(start), Some(exp)) = (start, r.time_claim(TimeClaim::Exp))
        && exp >= start
    {
        out.push(
            tag("tr").class("lifetime").child(Html::concat([
                tag("th").attr("scope", "row").text("Lifetime"),
                tag("td")
                    .attr("colspan", "3")
                    .text(&human_duration(exp - start)),
            ])),
        );
    }
    if insight {
        out.push(role_row(r));
        out.push(issuer_row(r));
    }
    tag("tbody").child(out)
}

/// "Looks like": the role (`#token-role`, `data-role`) and the evidence it
/// rests on, strongest first; the evidence quotes the token (`typ`,
/// `token_use`), so it is escaped like everything else.
fn role_row(r: &Report) -> Html {
    let guess = guess_role(r);
    let mut cell = tag("strong")
        .id("token-role")
        .attr("data-role", guess.role.as_str())
        .attr("data-unsure", if guess.unsure { "true" } else { "false" })
        .text(guess.role.label());
    cell.push_text(&format!(": {}", guess.because));
    tag("tr")
        .class("role")
        .attr("data-role", guess.role.as_str())
        .child(Html::concat([
            tag("th").attr("scope", "row").text("Looks like"),
            tag("td").attr("colspan", "3").child(cell),
        ]))
}

/// "Issued by": the issuer family (`#issuer-family`, `data-family`) and why.
fn issuer_row(r: &Report) -> Html {
    let guess = issuer_family(r);
    let mut cell = tag("strong")
        .id("issuer-family")
        .attr("data-family", guess.family.as_str())
        .text(guess.family.name());
    cell.push_text(&format!(": {}", guess.because));
    tag("tr").class("issuer").child(Html::concat([
        tag("th").attr("scope", "row").text("Issued by"),
        tag("td").attr("colspan", "3").child(cell),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::html::tests::{HOSTILE, assert_escaped, json_string, report_for};

    const HEADER: &str = r#"{"alg":"HS256"}"#;

    fn utc_only(secs: i64) -> String {
        time::format_utc(secs)
    }

    #[test]
    fn role_evidence_with_hostile_typ_is_escaped() {
        let payload = format!(
            "{{\"token_use\":{}}}",
            json_string(&format!("refresh {HOSTILE}"))
        );
        let html = panel_html(&report_for(HEADER, &payload, "AA"), 0, utc_only, true);
        assert!(
            html.as_str().contains("data-role=\"refresh\""),
            "{}",
            html.as_str()
        );
        assert_escaped(html.as_str());
    }

    #[test]
    fn exp_as_a_string_is_named_not_called_missing() {
        let payload = format!("{{\"exp\":{}}}", json_string(HOSTILE));
        let html = panel_html(&report_for(HEADER, &payload, "AA"), 0, utc_only, true);
        let text = html.as_str();
        assert!(
            text.contains("exp is a string, not a NumericDate"),
            "{text}"
        );
        assert!(!text.contains("without an exp claim"));
        assert!(!text.contains('\u{202E}'));
    }

    #[test]
    fn exp_as_an_object_is_named() {
        let html = panel_html(
            &report_for(HEADER, r#"{"exp":{}}"#, "AA"),
            0,
            utc_only,
            true,
        );
        assert!(
            html.as_str()
                .contains("exp is an object, not a NumericDate")
        );
    }

    #[test]
    fn missing_exp_still_says_valid_forever() {
        let html = panel_html(
            &report_for(HEADER, r#"{"sub":"a"}"#, "AA"),
            0,
            utc_only,
            true,
        );
        assert!(html.as_str().contains("without an exp claim"));
        assert!(html.as_str().contains("data-state=\"no-exp\""));
    }

    #[test]
    fn numeric_exp_gets_utc_local_and_relative_cells() {
        // 1516239022 is 2018-01-18T01:30:22Z (the jwt.io example's iat).
        let html = panel_html(
            &report_for(HEADER, r#"{"exp":1516239022}"#, "AA"),
            1_516_239_022 - 60,
            |_| "<local>".to_owned(),
            true,
        );
        let text = html.as_str();
        assert!(
            text.contains("<time datetime=\"2018-01-18T01:30:22Z\">2018-01-18T01:30:22Z</time>")
        );
        assert!(text.contains("<td class=\"local\">&lt;local&gt;</td>"));
        assert!(text.contains("Valid now: expires in 1 min"), "{text}");
        // Every piece of a row is inside a cell: a stray element in a <tr>
        // is moved out of the table by the HTML parser.
        assert!(
            text.contains("<th scope=\"row\">Expires <code>exp</code></th>"),
            "{text}"
        );
    }
}
