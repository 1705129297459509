//! `<KeyForm/>`: the public key for RS, PS, ES, EdDSA and ML-DSA tokens, and what was
//! learnt about it.

use leptos::prelude::*;
use web_sys::HtmlTextAreaElement;

use super::html::{self, Html, element, tag};
use super::key_converted::KeyConverted;
use crate::jwt::keys::{self, KeyCheck};
use crate::jwt::{Alg, Report};

/// `#public-key-input` and `#key-info`, shown only when the token's `alg`
/// is verified with a public key. Secret material (a private key, an HMAC
/// secret) is refused on input: the box is cleared and nothing is stored.
#[component]
pub fn KeyForm(
    /// The key as pasted.
    #[prop(into)]
    public_key: Signal<String>,
    /// The token's `alg`.
    #[prop(into)]
    token_alg: Signal<Option<Alg>>,
    /// The decoded report, for keys the token names for itself.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// The last check with the key; `None` while one runs.
    #[prop(into)]
    key_check: Signal<Option<KeyCheck>>,
    /// Called with the key on every edit that is not secret material.
    on_key: Callback<String>,
) -> impl IntoView {
    let refused = RwSignal::new(None::<String>);
    let edited = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(kind) = keys::secret_material(&text) {
            // Neither the signal nor the box keeps it.
            event_target::<HtmlTextAreaElement>(&ev).set_value("");
            refused.set(Some(kind.to_string()));
            on_key.run(String::new());
        } else {
            // The refusal stays up until something else is pasted.
            if !text.is_empty() {
                refused.set(None);
            }
            on_key.run(text);
        }
    };
    let shown = move || token_alg.with(|a| a.as_ref().is_some_and(keys::is_public_key_alg));
    let label = move || match token_alg.get() {
        Some(alg) if keys::is_public_key_alg(&alg) => {
            format!("Public key for {}", html::visible(&alg.to_string()))
        }
        _ => "Public key".to_owned(),
    };
    let embedded = move || {
        report.with(|r| {
            r.as_ref().and_then(|r| {
                r.header
                    .as_ref()?
                    .json
                    .as_ref()
                    .and_then(keys::embedded_key_note)
            })
        })
    };
    let info = move || {
        let pasted = !public_key.read().trim().is_empty();
        let refusal = refused.get();
        let embedded = embedded();
        key_check.with(|check| {
            info_html(
                pasted,
                refusal.as_deref(),
                check.as_ref(),
                embedded.as_deref(),
            )
        })
    };
    view! {
        <fieldset class="secret-form key-form" hidden=move || !shown()>
            <legend class="section-title">"Verify with a public key"</legend>
            <label for="public-key-input">{label}</label>
            <textarea
                id="public-key-input"
                rows="4"
                spellcheck="false"
                autocomplete="off"
                placeholder="-----BEGIN PUBLIC KEY-----, a certificate, a JWK {\"kty\":…} or a JWKS {\"keys\":[…]}"
                prop:value=public_key
                on:input=edited
            ></textarea>
            <p class="hint">
                "PEM (public key, RSA public key, certificate), JWK or JWKS: the key is read in this page. "
                "JWT Lens never fetches keys, so paste the issuer's JWKS rather than its URL."
            </p>
            <div class="slot" aria-live="polite" inner_html=html::inner(info)></div>
            <KeyConverted key=public_key />
        </fieldset>
    }
}

/// `#key-info`: the refusal, the key used and its warnings, or why no key
/// could be used; its `data-state` is `empty`, `checking`, `used`,
/// `unusable` or `refused`. Every text here may quote the key or the token
/// (`kid`s, certificate subjects, the kids of a JWKS): escaped.
fn info_html(
    pasted: bool,
    refusal: Option<&str>,
    check: Option<&KeyCheck>,
    embedded: Option<&str>,
) -> Html {
    let mut body = Html::new();
    let state = match (refusal, pasted, check) {
        (Some(message), _, _) => {
            body.push(element("p", "key-refused", &capitalize(message)));
            "refused"
        }
        (None, false, _) => "empty",
        (None, true, None) => {
            body.push(element("p", "key-pending", "Checking with this key…"));
            "checking"
        }
        (None, true, Some(check)) => {
            if check.facts.is_empty() {
                let reason = check.outcome.text().to_owned();
                body.push(element("p", "key-error", &capitalize(&reason)));
            } else {
                let facts = check.facts.iter().map(|(label, value)| {
                    Html::concat([tag("dt").text(label), tag("dd").text(value)])
                });
                body.push(tag("dl").class("key-facts").child(Html::concat(facts)));
            }
            for note in &check.notes {
                body.push(element("p", "key-note", note));
            }
            check.key_state.as_str()
        }
    };
    if let Some(note) = embedded {
        body.push(tag("p").class("key-note").class("embedded-key").text(note));
    }
    tag("div")
        .id("key-info")
        .class("key-info")
        .attr("data-state", state)
        .child(body)
}

/// The message as a sentence. ASCII only: every message starts with an ASCII
/// letter, and `char::to_uppercase` would link Unicode's case tables (14 KB).
fn capitalize(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    if !out.ends_with('.') && !out.is_empty() {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::keys::{KeyState, Outcome};
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    fn check(facts: Vec<(String, String)>, reason: &str) -> KeyCheck {
        KeyCheck {
            outcome: Outcome::Unusable(reason.to_owned()),
            key_state: KeyState::Unusable,
            facts,
            notes: vec![format!("certificate subject CN={HOSTILE}")],
        }
    }

    #[test]
    fn kid_list_in_the_reason_is_escaped() {
        let reason = format!("no key has kid {HOSTILE}; the set has kids a, {HOSTILE}");
        let html = info_html(true, None, Some(&check(Vec::new(), &reason)), None);
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("data-state=\"unusable\""));
    }

    #[test]
    fn facts_with_hostile_kid_and_subject_are_escaped() {
        let facts = vec![
            ("kid".to_owned(), HOSTILE.to_owned()),
            (HOSTILE.to_owned(), "subject".to_owned()),
        ];
        let html = info_html(true, None, Some(&check(facts, "x")), Some(HOSTILE));
        let text = html.as_str();
        assert_escaped(text);
        assert!(text.contains("<dl class=\"key-facts\"><dt>kid</dt><dd>&lt;img"));
        assert!(text.contains("<p class=\"key-note embedded-key\">"));
    }

    #[test]
    fn refusal_is_escaped() {
        assert_escaped(info_html(false, Some(HOSTILE), None, None).as_str());
    }
}
