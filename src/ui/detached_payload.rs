//! `<DetachedPayload/>`: the payload a detached JWS (`header..signature`,
//! RFC 7515 Appendix F, and RFC 7797's `b64: false`) was signed over.

use leptos::prelude::*;

use super::html::{self, Html, element};
use crate::jwt::verify::canonical;

/// How the pasted payload became the bytes that were checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The text as pasted, byte for byte.
    AsPasted,
    /// Base64url, decoded: the payload segment the compact token left out.
    Base64url,
}

/// The payload bytes for `text`. For a header that base64url-encodes the
/// payload (`encoded`, RFC 7515's default), text that is canonical
/// base64url is taken for the payload segment itself and decoded; JSON, the
/// usual payload, never is. With `b64: false` the text is the payload as
/// it is: nothing is trimmed, since every byte is signed.
pub fn payload_bytes(text: &str, encoded: bool) -> (Vec<u8>, Reading) {
    let trimmed = text.trim();
    if encoded
        && !trimmed.is_empty()
        && let Some(bytes) = canonical(trimmed)
    {
        return (bytes, Reading::Base64url);
    }
    (text.as_bytes().to_vec(), Reading::AsPasted)
}

/// `#detached-payload-input`, shown when the token's payload travels apart
/// from it; `need` is `Some(encoded)` then, with whether the header
/// base64url-encodes the payload.
#[component]
pub fn DetachedPayload(
    /// `Some(encoded)` when a detached payload is needed, `None` otherwise.
    #[prop(into)]
    need: Signal<Option<bool>>,
    /// The payload as pasted.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text on every edit.
    on_input: Callback<String>,
) -> impl IntoView {
    let edited = move |ev| on_input.run(event_target_value(&ev));
    let note = move || {
        let encoded = need.get();
        value.with(|text| note_html(text, encoded))
    };
    view! {
        <fieldset class="secret-form detached-form" hidden=move || need.with(Option::is_none)>
            <legend class="section-title">"Detached payload"</legend>
            <label for="detached-payload-input">"Payload the signer had"</label>
            <textarea
                id="detached-payload-input"
                rows="3"
                spellcheck="false"
                autocomplete="off"
                placeholder="The payload this signature was made over, exactly as sent"
                prop:value=value
                on:input=edited
            ></textarea>
            <div class="slot" aria-live="polite" inner_html=html::inner(note)></div>
        </fieldset>
    }
}

/// What the box does with the text: `#detached-payload-note`.
pub(super) fn note_html(text: &str, encoded: Option<bool>) -> Html {
    let Some(encoded) = encoded else {
        return Html::new();
    };
    let message = match (text.is_empty(), encoded) {
        (true, true) => {
            "This token carries no payload (header..signature): paste the payload it was signed \
             over, as text or as its base64url, and the signature is checked over it."
        }
        (true, false) => {
            "This token signs its payload unencoded (b64: false, RFC 7797) and carries none: paste \
             the payload exactly as sent; every byte counts."
        }
        (false, false) => "Checked over these bytes exactly as pasted (b64: false, RFC 7797).",
        (false, true) => match payload_bytes(text, true).1 {
            Reading::Base64url => "Read as the payload's base64url, as it would sit in the token.",
            Reading::AsPasted => "Checked over this text, base64url-encoded as the header says.",
        },
    };
    let mut out = element("p", "hint", message);
    out = html::tag("div")
        .id("detached-payload-note")
        .class("key-info")
        .child(out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_payload_is_taken_as_pasted() {
        let (bytes, reading) = payload_bytes("{\"a\":1}\n", true);
        assert_eq!(bytes, b"{\"a\":1}\n");
        assert_eq!(reading, Reading::AsPasted);
    }

    #[test]
    fn canonical_base64url_is_decoded_when_the_payload_is_encoded() {
        // RFC 7797 §4.1's payload "$.02" is "JC4wMg" in base64url.
        assert_eq!(
            payload_bytes(" JC4wMg ", true),
            (b"$.02".to_vec(), Reading::Base64url)
        );
        assert_eq!(
            payload_bytes("JC4wMg", false),
            (b"JC4wMg".to_vec(), Reading::AsPasted)
        );
    }

    #[test]
    fn unencoded_payload_keeps_every_byte() {
        assert_eq!(payload_bytes(" $.02\n", false).0, b" $.02\n");
    }

    #[test]
    fn note_is_absent_when_no_payload_is_needed() {
        assert!(note_html("x", None).is_empty());
        assert!(note_html("", Some(false)).as_str().contains("b64: false"));
    }
}
