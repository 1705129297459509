//! `<TimeClaims/>`: whether the token is usable now, and its `iat`, `nbf`, `exp`.

use leptos::prelude::*;

use super::browser;
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
    let status_line = move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let now = now.get();
            let status = r.status(now, 0)?;
            let exp = r.time_claim(TimeClaim::Exp);
            let nbf = r.time_claim(TimeClaim::Nbf);
            let text = match (status, exp, nbf) {
                (TokenStatus::Expired, Some(exp), _) => format!("Expired {}", relative(exp, now)),
                (TokenStatus::NotYetValid, _, Some(nbf)) => {
                    format!("Not valid yet: usable {}", relative(nbf, now))
                }
                (TokenStatus::Valid, Some(exp), _) => format!("Valid now: expires {}", relative(exp, now)),
                _ => "No expiry: this token has no exp claim, so it is valid forever once issued".to_owned(),
            };
            Some(view! {
                <p id="token-status" class="token-status" data-state=status.as_str() role="status">
                    {text}
                </p>
            })
        })
    };
    let rows = move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let claims = r.time_claims();
            let lifetime = match (r.time_claim(TimeClaim::Iat).or(r.time_claim(TimeClaim::Nbf)), r.time_claim(TimeClaim::Exp)) {
                (Some(start), Some(exp)) if exp >= start => Some(human_duration(exp - start)),
                _ => None,
            };
            let now = now.get();
            let rows = claims
                .into_iter()
                .map(|(claim, date)| view! { <TimeRow claim=claim date=date now=now /> })
                .collect_view();
            Some(view! {
                <table class="time-claims">
                    <tbody>{rows}</tbody>
                </table>
                {lifetime.map(|l| view! { <p class="lifetime">"Lifetime: " {l}</p> })}
            })
        })
    };
    view! {
        <section class="panel time-panel" aria-label="Validity">
            {status_line}
            {rows}
        </section>
    }
}

/// One time claim: name, UTC, local time and relative time.
#[component]
fn TimeRow(claim: TimeClaim, date: NumericDate, now: i64) -> impl IntoView {
    let cells = match date {
        NumericDate::Seconds(secs) => view! {
            <td><time datetime=time::format_utc(secs)>{time::format_utc(secs)}</time></td>
            <td class="local">{browser::local_time(secs)}</td>
            <td class="relative">{relative(secs, now)}</td>
        }
        .into_any(),
        NumericDate::Invalid(why) => view! { <td colspan="3" class="invalid-date">{why}</td> }.into_any(),
    };
    view! {
        <tr data-claim=claim.name()>
            <th scope="row">{claim.label()} " " <code>{claim.name()}</code></th>
            {cells}
        </tr>
    }
}
