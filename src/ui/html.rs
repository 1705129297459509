//! Markup for the parts of the page whose shape changes with every token.
//!
//! # Design
//!
//! Coloured JSON, the coloured token and lists of claims and findings are
//! built here as escaped HTML strings and set with `inner_html`, instead of
//! one Leptos view per run of text. That keeps the wasm small (each distinct
//! reactive view costs kilobytes of generic code) and makes a megabyte of
//! JSON one DOM write instead of thousands of elements. Every piece of token
//! text goes through [`escape`], and nothing here emits an attribute that
//! could run script, so hostile claims render as inert text.

use std::fmt::Write;

use super::highlight::{Highlight, highlight};

/// Escapes text for use inside an element or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text`, escaped, to `out`.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `<tag class="class">text</tag>`, with the text escaped.
pub fn element(tag: &str, class: &str, text: &str) -> String {
    let mut out = String::new();
    let _ = write!(out, "<{tag} class=\"{class}\">");
    push_escaped(&mut out, text);
    let _ = write!(out, "</{tag}>");
    out
}

/// Pretty JSON with a `<span>` per key, string, number and literal. Above
/// `limit` bytes the text is only escaped: colour is not worth a slow page.
pub fn json(pretty: &str, limit: usize) -> String {
    if pretty.len() > limit {
        return escape(pretty);
    }
    let mut out = String::with_capacity(pretty.len() * 2);
    for (kind, run) in highlight(pretty) {
        let class = match kind {
            Highlight::Punctuation => {
                push_escaped(&mut out, run);
                continue;
            }
            Highlight::Key => "j-key",
            Highlight::String => "j-str",
            Highlight::Number => "j-num",
            Highlight::Literal => "j-lit",
        };
        out.push_str(&element("span", class, run));
    }
    out
}
