//! `<TokenList/>`: every token found in a paste, to pick one to decode (issue 14).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::html::{self, Html, element, tag};
use crate::jwt::paste::{Extraction, Kind};
use crate::jwt::{self, TimeClaim, insight, time};

/// What a row shows; computed once per paste, not on every clock tick.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    value: String,
    source: String,
    places: String,
    role: &'static str,
    exp: Option<i64>,
}

fn rows(found: &Extraction) -> Vec<Row> {
    found
        .tokens
        .iter()
        .map(|t| {
            let report = (t.kind == Kind::Jwt)
                .then(|| jwt::inspect(&t.value))
                .flatten();
            let role = report
                .as_ref()
                .map_or("opaque", |r| insight::guess_role(r).role.as_str());
            // A HAR can name a token in hundreds of entries: the first few
            // say enough.
            let mut places: Vec<String> =
                t.places.iter().take(5).map(ToString::to_string).collect();
            if t.places.len() > 5 {
                places.push(format!("and {} more", t.places.len() - 5));
            }
            Row {
                value: t.value.clone(),
                source: t
                    .places
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                places: places.join(", "),
                role,
                exp: report.and_then(|r| r.time_claim(TimeClaim::Exp)),
            }
        })
        .collect()
}

/// `#token-list`: one `li` per token found (`data-source`, `data-role`,
/// `data-exp`), shown when a paste holds more than one. Clicking a JWT's
/// button decodes it; the current one has `aria-current`.
#[component]
pub fn TokenList(
    /// What the paste holds; `None` for a single token.
    #[prop(into)]
    paste: Signal<Option<Extraction>>,
    /// The token being decoded.
    #[prop(into)]
    current: Signal<String>,
    /// Seconds since the epoch, for "expires in …".
    #[prop(into)]
    now: Signal<i64>,
    /// Called with the token a person picked.
    on_pick: Callback<String>,
) -> impl IntoView {
    let rows = Memo::new(move |_| paste.with(|p| p.as_ref().map(rows).unwrap_or_default()));
    let list = move || rows.with(|rows| current.with(|c| list_html(rows, c, now.get())));
    // One listener for the list: the buttons are written as HTML.
    let picked = move |ev: leptos::ev::MouseEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let index = target
            .and_then(|t| t.closest("button[data-index]").ok().flatten())
            .and_then(|b| b.get_attribute("data-index"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(value) =
            index.and_then(|i| rows.with_untracked(|r| r.get(i).map(|r| r.value.clone())))
        {
            on_pick.run(value);
        }
    };
    view! { <div class="slot" on:click=picked inner_html=html::inner(list)></div> }
}

fn list_html(rows: &[Row], current: &str, now: i64) -> Html {
    if rows.len() < 2 {
        return Html::new();
    }
    let items = rows.iter().enumerate().map(|(i, row)| {
        let expiry = match row.exp {
            Some(exp) if exp <= now => format!("expired {}", time::relative(exp, now)),
            Some(exp) => format!("expires {}", time::relative(exp, now)),
            None if row.role == "opaque" => "not a JWT: listed only".to_owned(),
            None => "no exp".to_owned(),
        };
        let label = Html::concat([
            element("span", "token-list-role", row.role),
            element("span", "token-list-places", &row.places),
            element("span", "token-list-exp", &expiry),
        ]);
        let mut li = tag("li")
            .class("token-list-item")
            .attr("data-source", &row.source)
            .attr("data-role", row.role);
        if let Some(exp) = row.exp {
            li = li.attr("data-exp", &exp.to_string());
        }
        if row.value == current {
            li = li.attr("aria-current", "true");
        }
        // One box either way (`.token-list-item > span` or `> button`).
        let body = if row.role == "opaque" {
            tag("span").child(label)
        } else {
            tag("button")
                .attr("type", "button")
                .attr("data-index", &i.to_string())
                .child(label)
        };
        li.child(body)
    });
    tag("ul")
        .id("token-list")
        .class("token-list")
        .attr("aria-label", "Tokens found in the paste")
        .child(Html::concat(items))
}
