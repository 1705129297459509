//! `<TimeClaims/>`: whether the token is usable now, and its `iat`, `nbf`, `exp`.

use leptos::prelude::*;

use super::{browser, html};
use crate::jwt::insight::{guess_role, looks_like_milliseconds};
use crate::jwt::time::{self, human_duration, relative};
use crate::jwt::{NumericDate, Report, TimeClaim, TokenStatus};

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
                .map(|r| panel_html(r, now.get()))
                .unwrap_or_default()
        })
    };
    view! { <div class="slot" inner_html=Signal::derive(panel)></div> }
}

fn panel_html(r: &Report, now: i64) -> String {
    let Some(status) = r.status(now, 0) else {
        return String::new();
    };
    format!(
        "<section class=\"panel time-panel\" aria-label=\"Validity\">\
         <p id=\"token-status\" class=\"token-status\" data-state=\"{}\">{}</p>\
         <table class=\"time-claims\">{}</table></section>",
        status.as_str(),
        html::escape(&status_sentence(r, status, now)),
        rows_html(r, now)
    )
}

/// "Expired 3 h ago", "Valid now: expires in 14 min", …
fn status_sentence(r: &Report, status: TokenStatus, now: i64) -> String {
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
        (TokenStatus::NoExp, _, _) => {
            "No expiry: without an exp claim this token is valid forever".to_owned()
        }
        _ => String::new(),
    }
}

/// A row per time claim (UTC, local, relative) and the lifetime.
fn rows_html(r: &Report, now: i64) -> String {
    let mut out = String::from("<tbody>");
    for (claim, date) in r.time_claims() {
        out.push_str(&format!(
            "<tr data-claim=\"{}\"><th scope=\"row\">{} <code>{}</code></th>",
            claim.name(),
            claim.label(),
            claim.name()
        ));
        match date {
            NumericDate::Seconds(secs) if looks_like_milliseconds(secs) => {
                out.push_str(&html::element(
                    "td",
                    "invalid-date",
                    &format!(
                        "{secs} looks like milliseconds: {} if so",
                        time::format_utc(secs / 1000)
                    ),
                ));
                out.push_str("<td></td><td></td>");
            }
            NumericDate::Seconds(secs) => {
                let utc = time::format_utc(secs);
                out.push_str(&format!(
                    "<td class=\"utc\"><time datetime=\"{utc}\">{utc}</time></td>"
                ));
                out.push_str(&html::element("td", "local", &browser::local_time(secs)));
                out.push_str(&html::element("td", "relative", &relative(secs, now)));
            }
            NumericDate::Invalid(why) => {
                out.push_str("<td colspan=\"3\" class=\"invalid-date\">");
                html::push_escaped(&mut out, &why);
                out.push_str("</td>");
            }
        }
        out.push_str("</tr>");
    }
    let start = r
        .time_claim(TimeClaim::Iat)
        .or(r.time_claim(TimeClaim::Nbf));
    if let (Some(start), Some(exp)) = (start, r.time_claim(TimeClaim::Exp))
        && exp >= start
    {
        out.push_str(&format!(
            "<tr class=\"lifetime\"><th scope=\"row\">Lifetime</th><td colspan=\"3\">{}</td></tr>",
            human_duration(exp - start)
        ));
    }
    let guess = guess_role(r);
    out.push_str(&format!(
        "<tr class=\"role\" data-role=\"{}\"><th scope=\"row\">Looks like</th><td colspan=\"3\">",
        guess.role.as_str()
    ));
    html::push_escaped(
        &mut out,
        &format!("{}: {}", guess.role.label(), guess.because),
    );
    out.push_str("</td></tr>");
    out.push_str("</tbody>");
    out
}
