//! `<KeyConverted/>`: the decoder's pasted public key in the other form, a
//! PEM as JWK and a JWK as PEM, with its RFC 7638 thumbprint.

use leptos::prelude::*;

use super::html::{self, Html, tag};
use super::latest::latest;
use super::sign_module::{self, Converted};

/// `#key-converted`, under the decoder's key box: shown once a pasted key
/// was read; the signing module, which converts, loads only then.
#[component]
pub fn KeyConverted(
    /// The key as pasted (never secret material: the box refuses that).
    #[prop(into)]
    key: Signal<String>,
) -> impl IntoView {
    let ask = Memo::new(move |_| {
        let text = key.get();
        (!text.trim().is_empty()).then_some(text)
    });
    let converted = latest(ask, |text: String| async move {
        let from_pem = text.contains("-----BEGIN");
        (from_pem, sign_module::convert_public(&text).await)
    });
    let shown = move || {
        converted.with(|c| match c {
            Some((from_pem, Ok(c))) => converted_html(*from_pem, c),
            // The key box already says why a key cannot be read.
            _ => Html::new(),
        })
    };
    view! { <div class="slot" inner_html=html::inner(shown)></div> }
}

/// The key in the other form. Everything here comes from the pasted key's
/// text through the module: escaped.
fn converted_html(from_pem: bool, converted: &Converted) -> Html {
    let (other, text) = if from_pem {
        ("As a JWK", &converted.jwk)
    } else {
        ("As PEM", &converted.pem)
    };
    let head = Html::concat([
        Html::text(&format!(
            "{other} ({}), RFC 7638 thumbprint ",
            converted.kind
        )),
        tag("code").class("thumbprint").text(&converted.thumbprint),
    ]);
    tag("div")
        .id("key-converted")
        .class("key-converted")
        .attr("data-from", if from_pem { "pem" } else { "jwk" })
        .attr("data-thumbprint", &converted.thumbprint)
        .child(Html::concat([
            tag("p").class("hint").child(head),
            tag("pre").text_block(text),
        ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn converted_key_with_hostile_text_is_escaped() {
        let converted = Converted {
            kind: HOSTILE.to_owned(),
            jwk: HOSTILE.to_owned(),
            pem: HOSTILE.to_owned(),
            thumbprint: HOSTILE.to_owned(),
        };
        for from_pem in [true, false] {
            let html = converted_html(from_pem, &converted);
            assert_escaped(html.as_str());
            assert!(
                html.as_str()
                    .starts_with("<div id=\"key-converted\" class=\"key-converted\" data-from=")
            );
        }
    }

    #[test]
    fn pem_is_shown_as_jwk_and_jwk_as_pem() {
        let converted = Converted {
            kind: "EC public key on P-256".to_owned(),
            jwk: "{\"kty\":\"EC\"}".to_owned(),
            pem: "-----BEGIN PUBLIC KEY-----".to_owned(),
            thumbprint: "abc".to_owned(),
        };
        let html = converted_html(true, &converted);
        assert!(
            html.as_str()
                .contains("data-from=\"pem\" data-thumbprint=\"abc\"")
        );
        assert!(
            html.as_str()
                .contains("<pre>{&quot;kty&quot;:&quot;EC&quot;}</pre>")
        );
        let html = converted_html(false, &converted);
        assert!(
            html.as_str()
                .contains("<pre>-----BEGIN PUBLIC KEY-----</pre>")
        );
    }
}
