//! Markup for the parts of the page whose shape changes with every token,
//! and the one rule for how text from a token, key or certificate is shown.
//!
//! # Design
//!
//! Coloured JSON, the coloured token and lists of claims and findings are
//! built here as HTML strings and set with `inner_html`, instead of one
//! Leptos view per run of text. That keeps the wasm small (each distinct
//! reactive view costs kilobytes of generic code) and makes a megabyte of
//! JSON one DOM write instead of thousands of elements.
//!
//! Such markup is an [`Html`], which only the builders here can make: text
//! goes in only through [`Html::text`] and its kin, which escape it, and tag,
//! class and attribute names are `&'static str`, written in this crate. The
//! page's `inner_html` bindings take an `Html` through [`inner`], so markup
//! that skipped the escaper does not compile (issue 11).
//!
//! Escaping is more than HTML: a claim name or `kid` with U+202E (right-to-left
//! override) or U+200B (zero width space) would read as something it is not
//! (Trojan Source, CVE-2021-42574). [`hidden`] decides which characters are
//! written as `\uXXXX` instead, for markup here and, through [`visible`], for
//! the text nodes Leptos escapes itself.

use leptos::prelude::Signal;

use super::highlight::{Highlight, highlight};
use crate::jwt::chars::{is_invisible, plain_runs, push_escape};

/// Whether `c` is written as `\uXXXX` rather than shown: the characters
/// [`is_invisible`] names (controls, invisible and bidirectional formatting
/// characters, line and paragraph separators). In a multi-line block
/// (`block`), line feed and tab stay, as they shape the text visibly.
pub fn hidden(c: char, block: bool) -> bool {
    if block && matches!(c, '\n' | '\t') {
        return false;
    }
    is_invisible(c)
}

/// `text` with every [`hidden`] character as `\uXXXX`, for text that Leptos
/// escapes for HTML itself (a `view!` text node or attribute).
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c, false) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// How a hidden character is written: marked in element text, plain in an
/// attribute, where no markup may go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// One line of element text.
    Line,
    /// Element text whose line feeds and tabs stay.
    Block,
    /// A double-quoted attribute value.
    Attribute,
}

/// Appends `text` escaped for HTML (`& < > " '`), with hidden characters as
/// `\uXXXX`; in element text the code is a `span.esc`, so that it looks
/// unlike the same six characters typed.
fn push_escaped(out: &mut String, text: &str, context: Context) {
    // Runs of characters that need nothing are copied whole.
    let mut start = 0;
    for (i, c) in plain_runs(text, |b| !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if hidden(c, context == Context::Block) => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        start = i + c.len_utf8();
        if !entity.is_empty() {
            out.push_str(entity);
        } else if context == Context::Attribute {
            push_escape(out, c);
        } else {
            out.push_str("<span class=\"esc\">");
            push_escape(out, c);
            out.push_str("</span>");
        }
    }
    out.push_str(&text[start..]);
}

/// Markup that is safe to set as `inner_html`: every piece of text in it was
/// escaped. Made only by the builders in this module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    /// No markup.
    pub fn new() -> Html {
        Html(String::new())
    }

    /// One line of text, escaped.
    pub fn text(text: &str) -> Html {
        let mut out = Html::new();
        out.push_text(text);
        out
    }

    /// Appends one line of text, escaped.
    pub fn push_text(&mut self, text: &str) {
        push_escaped(&mut self.0, text, Context::Line);
    }

    /// Appends multi-line text, escaped; line feeds and tabs stay.
    pub fn push_text_block(&mut self, text: &str) {
        push_escaped(&mut self.0, text, Context::Block);
    }

    /// Appends other markup.
    pub fn push(&mut self, other: Html) {
        self.0.push_str(&other.0);
    }

    /// The parts, one after the other.
    pub fn concat(parts: impl IntoIterator<Item = Html>) -> Html {
        let mut out = Html::new();
        for part in parts {
            out.push(part);
        }
        out
    }

    /// Whether there is no markup at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The markup, to read (tests, lengths). The page gets it through [`inner`].
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An element being built: its tag and attributes, finished by
/// [`Tag::text`], [`Tag::child`] or [`Tag::empty`].
#[must_use]
pub struct Tag {
    name: &'static str,
    attributes: String,
    classes: String,
    /// Where in `attributes` the `class` goes: where it was first set, so
    /// attributes come out in the order they were written.
    class_at: usize,
}

/// Starts a `<name>` element.
pub fn tag(name: &'static str) -> Tag {
    Tag {
        name,
        attributes: String::new(),
        classes: String::new(),
        class_at: 0,
    }
}

impl Tag {
    /// Adds a class; several calls add several.
    pub fn class(mut self, class: &'static str) -> Tag {
        if self.classes.is_empty() {
            self.class_at = self.attributes.len();
        } else {
            self.classes.push(' ');
        }
        self.classes.push_str(class);
        self
    }

    /// Sets the `id`.
    pub fn id(self, id: &'static str) -> Tag {
        self.attr("id", id)
    }

    /// Sets an attribute to `value`, escaped.
    pub fn attr(mut self, name: &'static str, value: &str) -> Tag {
        self.attributes.push(' ');
        self.attributes.push_str(name);
        self.attributes.push_str("=\"");
        push_escaped(&mut self.attributes, value, Context::Attribute);
        self.attributes.push('"');
        self
    }

    /// Sets an attribute that has no value (`open`, `hidden`).
    pub fn flag(mut self, name: &'static str) -> Tag {
        self.attributes.push(' ');
        self.attributes.push_str(name);
        self
    }

    /// The element around `inner`.
    pub fn child(self, inner: Html) -> Html {
        let mut out = String::with_capacity(inner.0.len() + 32);
        out.push('<');
        out.push_str(self.name);
        let (before, after) = self.attributes.split_at(self.class_at);
        out.push_str(before);
        if !self.classes.is_empty() {
            out.push_str(" class=\"");
            out.push_str(&self.classes);
            out.push('"');
        }
        out.push_str(after);
        out.push('>');
        out.push_str(&inner.0);
        out.push_str("</");
        out.push_str(self.name);
        out.push('>');
        Html(out)
    }

    /// The element around one line of text, escaped.
    pub fn text(self, text: &str) -> Html {
        self.child(Html::text(text))
    }

    /// The element around multi-line text, escaped; line feeds and tabs stay.
    pub fn text_block(self, text: &str) -> Html {
        let mut inner = Html::new();
        inner.push_text_block(text);
        self.child(inner)
    }

    /// The element with nothing inside.
    pub fn empty(self) -> Html {
        self.child(Html::new())
    }
}

/// `<tag class="class">text</tag>`, with the text escaped.
pub fn element(tag_name: &'static str, class: &'static str, text: &str) -> Html {
    tag(tag_name).class(class).text(text)
}

/// The value of an `inner_html` binding: markup from `html`, recomputed when
/// the signals it reads change. The one way an [`Html`] reaches the page.
pub fn inner(html: impl Fn() -> Html + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(move || html().0)
}

/// Pretty JSON with a `<span>` per key, string, number and literal. Above
/// `colour_limit` bytes the text is only escaped, all of it: colour is not
/// worth a slow page, but the text is never cut.
pub fn json(pretty: &str, colour_limit: usize) -> Html {
    let mut out = Html::new();
    if pretty.len() > colour_limit {
        out.push_text_block(pretty);
        return out;
    }
    for (kind, run) in highlight(pretty) {
        let class = match kind {
            Highlight::Punctuation => {
                out.push_text_block(run);
                continue;
            }
            Highlight::Key => "j-key",
            Highlight::String => "j-str",
            Highlight::Number => "j-num",
            Highlight::Literal => "j-lit",
        };
        out.push(tag("span").class(class).text_block(run));
    }
    out
}

#[cfg(test)]
#[path = "html_tests.rs"]
pub(crate) mod tests;
