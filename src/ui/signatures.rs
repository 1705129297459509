//! `<Signatures/>`: each signature of a JWS JSON serialization (RFC 7515
//! §7.2), its protected and unprotected header apart, and its verdict.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
use crate::jwt::json;
use crate::jwt::jws::{JwsForm, JwsJson, JwsSignature, Verdict};

/// Header JSON longer than this is shown uncoloured.
const COLOUR_BYTES: usize = 16 * 1024;

/// `#signatures`: one `li[data-index][data-state]` per signature, the
/// states as `#signature-status` words them; absent for other tokens.
#[component]
pub fn Signatures(
    /// The serialization, `None` for any other token.
    #[prop(into)]
    jws: Signal<Option<JwsJson>>,
    /// One verdict per signature.
    #[prop(into)]
    verdicts: Signal<Option<Vec<Verdict>>>,
) -> impl IntoView {
    let list = move || {
        jws.with(|j| {
            j.as_ref()
                .map(|j| verdicts.with(|v| list_html(j, v.as_deref().unwrap_or_default())))
                .unwrap_or_default()
        })
    };
    view! { <div class="slot" inner_html=html::inner(list)></div> }
}

/// The panel with the list. Headers, `kid`s and messages are the token's
/// text: escaped.
pub(super) fn list_html(jws: &JwsJson, verdicts: &[Verdict]) -> Html {
    let form = match jws.form {
        JwsForm::General => "general",
        JwsForm::Flattened => "flattened",
    };
    let count = jws.signatures.len();
    let lead = format!(
        "A JWS JSON serialization ({form}, RFC 7515 §7.2) with {count} signature{}: each is \
         checked with the secret or public key above (a JWKS picks by kid). The header and \
         payload panels show the first.",
        if count == 1 { "" } else { "s" }
    );
    let items = jws
        .signatures
        .iter()
        .map(|s| item_html(s, verdicts.get(s.index)));
    tag("section")
        .class("panel")
        .class("signatures-panel")
        .attr("aria-labelledby", "signatures-title")
        .child(Html::concat([
            tag("h2")
                .id("signatures-title")
                .class("section-title")
                .text("Signatures"),
            element("p", "hint", &lead),
            tag("ol")
                .id("signatures")
                .class("signatures")
                .child(Html::concat(items)),
        ]))
}

fn item_html(s: &JwsSignature, verdict: Option<&Verdict>) -> Html {
    let state = verdict.map_or("unverified", Verdict::as_str);
    let message = verdict.map_or_else(|| "Not checked yet.".to_owned(), Verdict::message);
    let mut title = format!("Signature {}", s.index + 1);
    if let Some(alg) = s.report.alg() {
        title.push_str(&format!(" ({alg})"));
    }
    if let Some(kid) = &s.kid {
        title.push_str(&format!(", kid {kid}"));
    }
    let protected = if s.protected_text.is_empty() {
        None
    } else {
        Some(
            json::parse(&s.protected_text)
                .map(|v| v.pretty())
                .unwrap_or_else(|_| s.protected_text.clone()),
        )
    };
    tag("li")
        .class("signature")
        .attr("data-index", &s.index.to_string())
        .attr("data-state", state)
        .child(Html::concat([
            element("h3", "signature-title", &title),
            header_html("Protected header", "protected", protected.as_deref()),
            header_html(
                "Unprotected header",
                "unprotected",
                s.unprotected_text.as_deref(),
            ),
            element("p", "signature-verdict", &message),
        ]))
}

fn header_html(label: &str, class: &'static str, text: Option<&str>) -> Html {
    let body = match text {
        Some(text) => tag("pre")
            .class("json")
            .class(class)
            .child(html::json(text, COLOUR_BYTES)),
        None => element("p", "muted", "none"),
    };
    Html::concat([element("h4", "signature-part", label), body])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::base64url::encode;
    use crate::jwt::jws;
    use crate::ui::html::tests::{HOSTILE, assert_escaped, json_string};

    #[test]
    fn hostile_kid_and_headers_are_escaped() {
        let protected =
            encode(format!("{{\"alg\":\"HS256\",\"x\":{}}}", json_string(HOSTILE)).as_bytes());
        let text = format!(
            "{{\"payload\":\"e30\",\"signatures\":[{{\"protected\":\"{protected}\",\"header\":{{\"kid\":{}}},\"signature\":\"AA\"}}]}}",
            json_string(HOSTILE)
        );
        let jws = jws::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        let html = list_html(&jws, &[]);
        assert_escaped(html.as_str());
        assert!(
            html.as_str()
                .contains("data-index=\"0\" data-state=\"unverified\"")
        );
        assert!(html.as_str().contains("class=\"json unprotected\""));
    }
}
