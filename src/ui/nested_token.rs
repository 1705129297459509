//! `<NestedToken/>`: a decrypted JWE whose plaintext is itself a token (a
//! nested JWT, RFC 7519 §5.2): the outer JWE's header, and a way between it
//! and the inner token.

use leptos::prelude::*;

use super::decryption::DecryptionState;
use super::html::{self, Html, element, tag};
use crate::jwt::jwe::Answer;

/// Pretty JSON longer than this is shown uncoloured, as in the JSON panels.
const COLOUR_BYTES: usize = 16 * 1024;

/// `#nested-token`, shown once a JWE decrypts to a nested token, with
/// `data-showing` = `inner` or `outer` and the button `#nested-toggle`.
#[component]
pub fn NestedToken(
    /// The decryption and which of the two tokens is shown.
    state: DecryptionState,
) -> impl IntoView {
    let DecryptionState {
        outcome,
        show_outer,
        ..
    } = state;
    let nested = move || outcome.with(|d| d.decrypted().is_some_and(|a| !a.nested.is_empty()));
    let body = move || {
        outcome.with(|d| {
            d.decrypted()
                .map(|a| body_html(a, show_outer.get()))
                .unwrap_or_default()
        })
    };
    let showing = move || if show_outer.get() { "outer" } else { "inner" };
    let label = move || {
        if show_outer.get() {
            "Show the inner token"
        } else {
            "Show the outer JWE"
        }
    };
    view! {
        <section id="nested-token" class="panel nested-token" data-showing=showing hidden=move || !nested() aria-labelledby="nested-title">
            <h2 id="nested-title" class="section-title">"Nested token"</h2>
            <div inner_html=html::inner(body)></div>
            <button id="nested-toggle" type="button" on:click=move |_| show_outer.update(|v| *v = !*v)>
                {label}
            </button>
        </section>
    }
}

/// What the panel says, and the outer JWE's header (`#nested-outer-header`).
/// The header is the token's own text: escaped.
pub(super) fn body_html(answer: &Answer, outer: bool) -> Html {
    let why = if answer.nested == "cty" {
        "its header says cty: JWT"
    } else {
        "it has the shape of a token"
    };
    let shown = if outer {
        "The panels show the outer JWE, with the inner token as its payload."
    } else {
        "The header, payload, findings and signature check below are the inner token's; \
         verify its signature with the secret or public key as for any token."
    };
    Html::concat([
        element(
            "p",
            "hint",
            &format!("This JWE decrypts to a signed token ({why}). {shown}"),
        ),
        tag("h3").class("section-title").text("Outer JWE header"),
        tag("pre")
            .id("nested-outer-header")
            .class("json")
            .child(html::json(&answer.header, COLOUR_BYTES)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::jwe::AnswerState;
    use crate::ui::html::tests::{HOSTILE, assert_escaped, json_string};

    #[test]
    fn hostile_outer_header_is_escaped() {
        let mut answer = Answer::failed(AnswerState::Decrypted, String::new());
        answer.nested = "cty".to_owned();
        // The header as the decryption module pretty-prints it; raw
        // characters in it, as a hostile module might send.
        answer.header = format!(
            "{{\n  \"kid\": \"{HOSTILE}\",\n  {}: 1\n}}",
            json_string(HOSTILE)
        );
        let html = body_html(&answer, false);
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("cty: JWT"));
        assert!(
            body_html(&answer, true)
                .as_str()
                .contains("outer JWE, with the inner token")
        );
    }
}
