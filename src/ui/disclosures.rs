//! `<Disclosures/>`: an SD-JWT's disclosures, and the claims as a verifier sees them.

use leptos::prelude::*;

use super::html::{self, Html, element, tag};
use crate::jwt::sd_jwt::{Disclosure, SdJwt};

/// Above this many bytes the disclosed JSON is shown without colour.
const COLOUR_BYTES: usize = 16 * 1024;

/// `#disclosures` (one `li` per disclosure as transmitted, with
/// `data-claim` and `data-state`) and `#disclosed-json` (the payload with
/// the disclosures in place, RFC 9901 §7.1). Absent for a plain JWT.
#[component]
pub fn Disclosures(
    /// The SD-JWT, `None` for a plain JWT.
    #[prop(into)]
    sd: Signal<Option<SdJwt>>,
) -> impl IntoView {
    let panel = move || sd.with(|sd| sd.as_ref().map(panel_html).unwrap_or_default());
    view! { <div class="slot" inner_html=html::inner(panel)></div> }
}

fn panel_html(sd: &SdJwt) -> Html {
    let hash = match &sd.hash {
        Ok(alg) => alg.name().to_owned(),
        Err(name) => format!("{name} (unknown)"),
    };
    let summary = format!(
        "{} disclosure(s), hashed with {hash}; {} claim(s) not disclosed, or decoys.",
        sd.disclosures.len(),
        sd.undisclosed
    );
    let items = sd.disclosures.iter().map(item_html);
    let problems = sd
        .problems
        .iter()
        .map(|p| element("li", "sd-problem", &p.to_string()));
    let processed = sd.processed.as_ref().map(|json| {
        tag("pre")
            .id("disclosed-json")
            .class("json")
            .child(html::json(&json.pretty(), COLOUR_BYTES))
    });
    tag("section")
        .class("panel")
        .class("disclosures-panel")
        .attr("aria-labelledby", "disclosures-title")
        .child(Html::concat([
            tag("h2")
                .id("disclosures-title")
                .class("section-title")
                .text("SD-JWT disclosures"),
            element("p", "hint", &summary),
            tag("ul")
                .id("disclosures")
                .class("disclosures")
                .child(Html::concat(items)),
            tag("ul").class("sd-problems").child(Html::concat(problems)),
            element(
                "h3",
                "section-subtitle",
                "Claims as a verifier sees them (RFC 9901 §7.1)",
            ),
            processed.unwrap_or_default(),
        ]))
}

/// One disclosure: state, claim (or where it went), value and salt.
fn item_html(d: &Disclosure) -> Html {
    let state = d.state.as_str();
    let mut body = element("span", "sd-state", state);
    match &d.content {
        Ok(content) => {
            let place = d.path.clone().unwrap_or_else(|| d.claim());
            body.push(element("code", "sd-claim", &place));
            body.push(element("code", "sd-value", &content.value.compact(200)));
            body.push(element(
                "span",
                "sd-salt",
                &format!("salt {}", content.salt),
            ));
        }
        Err(why) => body.push(element("span", "sd-reason", &why.to_string())),
    }
    if let Some(digest) = &d.digest {
        body.push(element("code", "sd-digest", digest));
    }
    tag("li")
        .class("disclosure")
        .attr("data-claim", &d.claim())
        .attr("data-state", state)
        .attr("title", &d.text)
        .child(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::Json;
    use crate::jwt::sd_jwt::{Content, HashAlg, State};
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn disclosure_with_hostile_name_value_and_salt_is_escaped() {
        let disclosure = Disclosure {
            text: HOSTILE.to_owned(),
            digest: Some(HOSTILE.to_owned()),
            content: Ok(Content {
                salt: HOSTILE.to_owned(),
                name: Some(HOSTILE.to_owned()),
                value: Json::String(HOSTILE.to_owned()),
            }),
            state: State::Unreferenced,
            path: None,
            index: None,
            root: None,
        };
        let sd = SdJwt {
            hash: Ok(HashAlg::Sha256),
            disclosures: vec![disclosure],
            processed: Some(Json::Object(vec![(
                HOSTILE.to_owned(),
                Json::String(HOSTILE.to_owned()),
            )])),
            undisclosed: 0,
            problems: Vec::new(),
            kb_jwt: None,
            presentation: String::new(),
        };
        let html = panel_html(&sd);
        assert_escaped(html.as_str());
        assert!(html.as_str().contains("data-state=\"unreferenced\""));
    }
}
