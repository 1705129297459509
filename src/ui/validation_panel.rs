//! `<ValidationPanel/>`: check the token as a library would, against what the user expects.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
use crate::jwt::time::format_utc;
use crate::jwt::{Check, Outcome, Validation, Verdict};

/// When `exp` is, next to the moment the token is validated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExpTiming {
    /// The token's `exp`, in seconds since 1970.
    pub exp: i64,
    /// The moment validated at: now, or the override.
    pub at: i64,
    /// The clock-skew leeway in seconds.
    pub leeway: i64,
}

/// Inputs for expected issuer, audiences, leeway and an optional "now", and
/// `#validation` with one `li` per check (`data-check`, `data-result`) and
/// the verdict (`#validation-verdict`, `data-verdict`).
#[component]
pub fn ValidationPanel(
    /// The outcome, `None` for empty input.
    #[prop(into)]
    validation: Signal<Option<Validation>>,
    /// `exp` and the moment validated at, when `exp` is a NumericDate.
    #[prop(into)]
    exp_timing: Signal<Option<ExpTiming>>,
    /// Called with the expected issuer as typed.
    on_issuer: Callback<String>,
    /// Called with the expected audiences as typed (comma or space separated).
    on_audience: Callback<String>,
    /// Called with the expected nonce as typed.
    on_nonce: Callback<String>,
    /// Called with the leeway as typed.
    on_leeway: Callback<String>,
    /// Called with the "now" override as typed (`datetime-local`; empty for the clock).
    on_now: Callback<String>,
) -> impl IntoView {
    let results = move || {
        let timing = exp_timing.get();
        validation.with(|v| {
            v.as_ref()
                .map(|v| results_html(v, timing))
                .unwrap_or_default()
        })
    };
    let typed = |callback: Callback<String>| move |ev| callback.run(event_target_value(&ev));
    view! {
        <section class="panel validation-panel needs-token" aria-labelledby="validation-title">
            <h2 id="validation-title" class="section-title">"Validate"</h2>
            <div class="validation-form">
                <label>"Expected issuer (iss)"
                    <input id="expected-iss" type="text" spellcheck="false" autocomplete="off" placeholder="https://auth.example.com/" on:input=typed(on_issuer) />
                </label>
                <label>"Expected audience (aud), comma-separated"
                    <input id="expected-aud" type="text" spellcheck="false" autocomplete="off" placeholder="api://orders" on:input=typed(on_audience) />
                </label>
                <label>"Expected nonce (sent in the login request)"
                    <input id="expected-nonce" type="text" spellcheck="false" autocomplete="off" placeholder="n-0S6_WzA2Mj" on:input=typed(on_nonce) />
                </label>
                <label>"Clock-skew leeway (seconds)"
                    <input id="leeway" type="number" min="0" step="1" value="0" on:input=typed(on_leeway) />
                </label>
                <label>"Validate at (empty: now)"
                    <input id="now-override" type="datetime-local" step="1" on:input=typed(on_now) />
                </label>
            </div>
            <div class="slot" aria-live="polite" inner_html=html::inner(results)></div>
        </section>
    }
}

/// The verdict (`#validation-verdict`), the note on the `exp` boundary
/// when it decides (`#exp-boundary`), and one `li` per check (`#validation`).
fn results_html(v: &Validation, timing: Option<ExpTiming>) -> Html {
    let sentence = match v.verdict {
        Verdict::Valid => "Valid: every check passed, the signature included.",
        Verdict::Invalid => "Invalid: a library with these settings would reject this token.",
        Verdict::Unverified => {
            "Not fully validated: nothing failed, but the signature was not verified."
        }
    };
    let mut out = tag("p")
        .id("validation-verdict")
        .class("verdict")
        .attr("data-verdict", v.verdict.as_str())
        .text(sentence);
    if let Some(note) = timing.and_then(boundary_note) {
        out.push(tag("p").id("exp-boundary").class("hint").text(&note));
    }
    // Reasons quote the token (`iss`, `aud`, string timestamps): escaped here.
    let checks = v.checks.iter().map(check_html);
    out.push(
        tag("ul")
            .id("validation")
            .class("checks")
            .child(Html::concat(checks)),
    );
    out
}

/// One check as `li.check[data-check][data-result]`: a mark, the check's
/// name, its result and the reason, which may quote the token (escaped
/// here). The validation list and the key-binding checks both use it.
pub(super) fn check_html(c: &Check) -> Html {
    let mark = match c.outcome {
        Outcome::Pass => "✓",
        Outcome::Fail => "✗",
        Outcome::Skipped => "–",
    };
    let result = c.outcome.as_str();
    let mut body = tag("span")
        .class("mark")
        .attr("aria-hidden", "true")
        .text(mark);
    body.push(tag("code").text(c.id));
    body.push_text(" ");
    body.push(element("span", "result", result));
    body.push(element("span", "reason", &c.reason));
    tag("li")
        .class("check")
        .attr("data-check", c.id)
        .attr("data-result", result)
        .child(body)
}

/// Which rule decides a token validated within a second of its `exp` (give
/// or take the leeway); `None` further away, where every library agrees.
///
/// RFC 7519 §4.1.4: "the current date/time MUST be before the expiration
/// date/time listed in the exp claim", so JWT Lens (`jwt::validate`) passes
/// `exp` only while `now < exp + leeway`: at `now == exp` (no leeway) the
/// token is expired. Libraries, read in their source:
/// - PyJWT, `jwt/api_jwt.py` `_validate_exp`: `if exp <= (now - leeway)`
///   raise `ExpiredSignatureError`; the same rule; leeway defaults to 0.
/// - jose (npm), `src/lib/jwt_claims_set.ts`: `if (payload.exp <= now -
///   tolerance)` throw `JWTExpired`; the same rule; `clockTolerance`
///   defaults to 0.
/// - jsonwebtoken (Rust, Keats), `src/validation.rs` `validate`: expired
///   when `exp - reject_tokens_expiring_in_less_than < now - leeway`, so it
///   still accepts the token at `now == exp + leeway`, one second longer;
///   `leeway` defaults to 60 s.
fn boundary_note(t: ExpTiming) -> Option<String> {
    let leeway = t.leeway.max(0);
    if t.at.abs_diff(t.exp) > leeway.unsigned_abs() + 1 {
        return None;
    }
    let end = t.exp.saturating_add(leeway);
    Some(format!(
        "At the exp boundary: JWT Lens follows RFC 7519 §4.1.4 (the time must be before exp), \
         so with {leeway} s leeway the token is expired from {} on, as in PyJWT and jose. \
         Rust's jsonwebtoken still accepts it during that second, and allows 60 s of leeway by default.",
        format_utc(end)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::Check;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    fn validation(reason: &str) -> Validation {
        Validation {
            checks: vec![Check {
                id: "iss",
                outcome: Outcome::Fail,
                reason: reason.to_owned(),
            }],
            verdict: Verdict::Invalid,
        }
    }

    #[test]
    fn check_reason_with_hostile_issuer_is_escaped() {
        let html = results_html(&validation(&format!("iss is {HOSTILE}")), None);
        assert_escaped(html.as_str());
        assert!(
            html.as_str()
                .contains("data-check=\"iss\" data-result=\"fail\"")
        );
        assert!(html.as_str().contains("data-verdict=\"invalid\""));
    }

    #[test]
    fn exp_equal_to_now_shows_the_boundary_rule() {
        let at = 1_700_000_000;
        let timing = ExpTiming {
            exp: at,
            at,
            leeway: 0,
        };
        let html = results_html(&validation("x"), Some(timing));
        assert!(html.as_str().contains("id=\"exp-boundary\""));
        assert!(html.as_str().contains("RFC 7519 §4.1.4"));
        assert!(html.as_str().contains("2023-11-14"));
    }

    #[test]
    fn exp_within_leeway_plus_one_second_shows_the_note() {
        let timing = |offset: i64| ExpTiming {
            exp: 1_000 + offset,
            at: 1_000,
            leeway: 30,
        };
        assert!(boundary_note(timing(31)).is_some());
        assert!(boundary_note(timing(-31)).is_some());
        assert!(boundary_note(timing(32)).is_none());
        assert!(boundary_note(timing(-32)).is_none());
    }
}
