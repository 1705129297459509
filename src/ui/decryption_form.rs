//! `<DecryptionForm/>`: the one box in the decoder where a private key is
//! meant to be pasted, to decrypt a JWE, and what decryption came to.

use leptos::prelude::*;

use super::decryption::{Decryption, DecryptionState};
use super::html::{self, Html, element, tag};

/// `#decryption-key-input` and `#decryption-info`, shown only for a JWE.
#[component]
pub fn DecryptionForm(
    /// The key box and the outcome.
    state: DecryptionState,
) -> impl IntoView {
    let DecryptionState { key, outcome, .. } = state;
    let edited = move |ev| key.set(event_target_value(&ev));
    let info = move || outcome.with(info_html);
    view! {
        <fieldset class="secret-form decryption-form" hidden=move || outcome.with(|d| *d == Decryption::NotJwe)>
            <legend class="section-title">"Decrypt (JWE)"</legend>
            <label for="decryption-key-input">"Recipient's private key, shared key or password"</label>
            <textarea
                id="decryption-key-input"
                rows="4"
                spellcheck="false"
                autocomplete="off"
                placeholder="A private JWK {\"kty\":…,\"d\":…} or PEM, a JWKS, an oct JWK, base64url or hex key bytes, or the PBES2 password"
                prop:value=key
                on:input=edited
            ></textarea>
            <p class="hint">
                "The key stays in this page: it is never stored, never put in a link and never sent. "
                "It is cleared when the token is no longer a JWE or the mode changes. "
                "Decryption runs in a module loaded the first time a key is pasted here."
            </p>
            <div class="slot" aria-live="polite" inner_html=html::inner(info)></div>
        </fieldset>
    }
}

/// `#decryption-info`, whose `data-state` is `empty`, `checking`,
/// `decrypted`, `failed` or `refused`, with `data-key-reading` once
/// decrypted. Reasons and readings may quote the token or key (a `kid`, an
/// `alg`): escaped.
pub(super) fn info_html(outcome: &Decryption) -> Html {
    let mut info = tag("div")
        .id("decryption-info")
        .class("key-info")
        .attr("data-state", outcome.state());
    let body = match outcome {
        Decryption::NotJwe => Html::new(),
        Decryption::Empty => element("p", "hint", "Paste the key to read the encrypted payload."),
        Decryption::Checking => element("p", "key-pending", "Decrypting with this key…"),
        Decryption::Answered(a) if a.state.as_str() == "decrypted" => {
            info = info.attr("data-key-reading", &a.key_reading);
            let mut facts = vec![
                tag("dt").text("Decrypted with"),
                tag("dd").text(&format!("{} and {}", a.alg, a.enc)),
                tag("dt").text("Key read as"),
                tag("dd")
                    .id("decryption-key-reading")
                    .text(&a.key_reading_text),
            ];
            if a.compressed {
                facts.push(tag("dt").text("Compressed"));
                facts.push(tag("dd").text("zip: DEF, inflated"));
            }
            let mut body = tag("dl").class("key-facts").child(Html::concat(facts));
            for warning in &a.warnings {
                body.push(element("p", "decryption-warning", &sentence(warning)));
            }
            body
        }
        Decryption::Answered(a) => {
            let lead = if a.state.as_str() == "refused" {
                "Not decrypted: "
            } else {
                "Could not decrypt: "
            };
            element("p", "key-error", &sentence(&format!("{lead}{}", a.reason)))
        }
    };
    info.child(body)
}

/// The message with a final period.
fn sentence(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::jwe::{Answer, AnswerState};
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    fn decrypted() -> Answer {
        let mut a = Answer::failed(AnswerState::Decrypted, String::new());
        a.alg = HOSTILE.to_owned();
        a.enc = "A256GCM".to_owned();
        a.key_reading = format!("jwk{HOSTILE}");
        a.key_reading_text = format!("a JWK with kid {HOSTILE}");
        a.warnings = vec![HOSTILE.to_owned()];
        a
    }

    #[test]
    fn decrypted_answer_with_hostile_alg_kid_and_warning_is_escaped() {
        let html = info_html(&Decryption::Answered(Box::new(decrypted())));
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("data-state=\"decrypted\""));
        assert!(html.as_str().contains("class=\"decryption-warning\""));
    }

    #[test]
    fn failure_reason_quoting_the_token_is_escaped() {
        let reason = format!("no key has kid {HOSTILE}");
        let html = info_html(&Decryption::Answered(Box::new(Answer::failed(
            AnswerState::Failed,
            reason,
        ))));
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("data-state=\"failed\""));
        assert!(html.as_str().contains("Could not decrypt: no key has kid"));
    }

    #[test]
    fn states_before_an_answer() {
        assert!(
            info_html(&Decryption::Empty)
                .as_str()
                .contains("data-state=\"empty\"")
        );
        assert!(
            info_html(&Decryption::Checking)
                .as_str()
                .contains("data-state=\"checking\"")
        );
        let refused = Answer::failed(AnswerState::Refused, "p2c is 2000000".to_owned());
        assert!(
            info_html(&Decryption::Answered(Box::new(refused)))
                .as_str()
                .contains("data-state=\"refused\"")
        );
    }
}
