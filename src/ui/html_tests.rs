//! Hostile text through the escaper, and the helpers every markup test uses.

use super::*;

/// Text that tries everything: markup, quotes, an entity, and the invisible
/// and bidirectional characters of Trojan Source (CVE-2021-42574).
pub(crate) const HOSTILE: &str = "<img src=x onerror=alert(1)>\"'&amp;\u{202E}evil\u{200B}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}\u{FEFF}\u{7}\u{9B}";

/// Characters that must never reach the page raw.
const RAW: [char; 13] = [
    '\u{202E}', '\u{200B}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}',
    '\u{061C}', '\u{FEFF}', '\u{7}', '\u{9B}', '\u{202A}',
];

/// Asserts that `markup` shows [`HOSTILE`] escaped: entities for the HTML
/// characters, `\uXXXX` (lowercase) for the invisible ones, nothing raw.
#[track_caller]
pub(crate) fn assert_escaped(markup: &str) {
    for c in RAW {
        assert!(
            !markup.contains(c),
            "raw U+{:04X} in {markup}",
            u32::from(c)
        );
    }
    assert!(!markup.contains("<img"), "markup got through: {markup}");
    for expected in [
        "&lt;img src=x onerror=alert(1)&gt;",
        "&quot;",
        "&#39;",
        "&amp;amp;",
        "\\u202e",
        "\\u200b",
        "\\u2066",
        "\\u2067",
        "\\u2068",
        "\\u2069",
        "\\u200e",
        "\\u200f",
        "\\u061c",
        "\\ufeff",
        "\\u0007",
        "\\u009b",
    ] {
        assert!(markup.contains(expected), "no {expected} in {markup}");
    }
}

/// `text` as a JSON string literal, every non-ASCII character as `\u`, so
/// that the token carries it whatever the decoder does with raw ones.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for unit in text.encode_utf16() {
        match unit {
            0x22 => out.push_str("\\\""),
            0x5c => out.push_str("\\\\"),
            0x20..=0x7e => out.push(char::from(u8::try_from(unit).unwrap_or(b'?'))),
            _ => out.push_str(&format!("\\u{unit:04x}")),
        }
    }
    out.push('"');
    out
}

/// The report for a token of this header, payload and signature segment.
pub(crate) fn report_for(header: &str, payload: &str, signature: &str) -> crate::jwt::Report {
    use crate::jwt::base64url::encode;
    let token = format!(
        "{}.{}.{signature}",
        encode(header.as_bytes()),
        encode(payload.as_bytes())
    );
    crate::jwt::inspect(&token).unwrap_or_else(|| panic!("no report for {token}"))
}

#[test]
fn json_string_writes_what_a_json_reader_reads_back() {
    let parsed: String = serde_json::from_str(&json_string(HOSTILE)).unwrap_or_default();
    assert_eq!(parsed, HOSTILE);
}

#[test]
fn text_with_markup_and_bidi_is_escaped() {
    assert_escaped(Html::text(HOSTILE).as_str());
}

#[test]
fn element_escapes_its_text() {
    let html = element("p", "note", HOSTILE);
    assert!(html.as_str().starts_with("<p class=\"note\">"));
    assert!(html.as_str().ends_with("</p>"));
    assert_escaped(html.as_str());
}

#[test]
fn attribute_value_is_escaped_without_markup() {
    let html = tag("tr").attr("data-claim", HOSTILE).empty();
    assert_escaped(html.as_str());
    // Inside an attribute the code is plain text: no span can go there.
    assert!(!html.as_str().contains("<span"));
    assert!(html.as_str().contains("\\u202eevil"));
}

#[test]
fn escape_code_in_text_is_marked() {
    assert_eq!(
        Html::text("a\u{202E}b").as_str(),
        "a<span class=\"esc\">\\u202e</span>b"
    );
}

#[test]
fn visible_writes_codes_and_leaves_html_to_leptos() {
    assert_eq!(visible("<a>\u{202E}\u{200B}"), "<a>\\u202e\\u200b");
}

#[test]
fn character_outside_the_bmp_is_written_as_a_surrogate_pair() {
    // U+E0041 TAG LATIN CAPITAL LETTER A, as JSON writes it (RFC 8259 §7).
    assert_eq!(visible("\u{E0041}"), "\\udb40\\udc41");
}

#[test]
fn block_keeps_line_feed_and_tab_but_not_carriage_return() {
    let mut html = Html::new();
    html.push_text_block("a\n\tb\r\u{2028}");
    assert_eq!(
        html.as_str(),
        "a\n\tb<span class=\"esc\">\\u000d</span><span class=\"esc\">\\u2028</span>"
    );
    assert_eq!(visible("a\nb"), "a\\u000ab");
}

#[test]
fn every_bidi_control_is_hidden() {
    // Unicode's Bidi_Control property (UAX #9 §2) and the zero-width characters.
    for c in ('\u{202A}'..='\u{202E}')
        .chain('\u{2066}'..='\u{2069}')
        .chain('\u{200B}'..='\u{200F}')
        .chain(['\u{061C}', '\u{FEFF}'])
    {
        assert!(hidden(c, false), "U+{:04X} shown", u32::from(c));
    }
}

#[test]
fn ordinary_text_is_unchanged() {
    assert_eq!(
        Html::text("Ada Lovelace — café 日本").as_str(),
        "Ada Lovelace — café 日本"
    );
}

#[test]
fn json_view_escapes_keys_and_strings() {
    let pretty = "{\n  \"<k>\": \"</pre><script>\"\n}";
    let html = json(pretty, usize::MAX);
    assert!(
        html.as_str()
            .contains("<span class=\"j-key\">&quot;&lt;k&gt;&quot;</span>")
    );
    assert!(!html.as_str().contains("<script"));
    assert!(!json(pretty, 0).as_str().contains("<script"));
}

#[test]
fn json_above_the_colour_limit_is_shown_whole() {
    let pretty = format!("{{\n  \"a\": \"{}\"\n}}", "x".repeat(100_000));
    let html = json(&pretty, 16);
    assert!(!html.as_str().contains("<span"));
    assert_eq!(html.as_str().len(), pretty.len() + 5 * 4);
}

#[test]
fn tag_with_classes_and_attributes() {
    let html = tag("li")
        .class("a")
        .class("b")
        .id("x")
        .flag("open")
        .text("t");
    assert_eq!(html.as_str(), "<li class=\"a b\" id=\"x\" open>t</li>");
}

#[test]
fn every_inner_html_binding_takes_html() {
    // The type does the work only if no binding takes a String: every
    // `inner_html=` in the page must be fed by `html::inner`.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui");
    let mut bindings = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_name() == "html_tests.rs" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for (i, _) in text.match_indices("inner_html=") {
            bindings += 1;
            let rest = text.get(i + "inner_html=".len()..).unwrap_or_default();
            assert!(
                rest.starts_with("html::inner("),
                "{}: inner_html without html::inner",
                entry.path().display()
            );
        }
    }
    assert!(bindings >= 10, "found only {bindings} bindings");
}
