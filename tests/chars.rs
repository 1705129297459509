//! Invisible and bidirectional characters are recognised and shown escaped.

use jwt_lens::jwt::chars::{describe, escape_invisible, is_invisible};

/// Unicode's Bidi_Control property (PropList.txt): every character that can
/// reorder displayed text.
const BIDI_CONTROLS: &[char] = &[
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

#[test]
fn is_invisible_bidi_controls_are_invisible() {
    for c in BIDI_CONTROLS {
        assert!(is_invisible(*c), "U+{:04X}", u32::from(*c));
    }
}

#[test]
fn is_invisible_zero_width_bom_and_controls_are_invisible() {
    for c in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}', '\u{0}', '\u{1B}', '\u{7F}', '\u{85}',
        '\u{9F}',
    ] {
        assert!(is_invisible(c), "U+{:04X}", u32::from(c));
    }
}

#[test]
fn is_invisible_printable_text_is_visible() {
    for c in ['a', ' ', 'é', '€', '中', '😀', '-', '\u{A0}'] {
        assert!(!is_invisible(c), "U+{:04X}", u32::from(c));
    }
}

#[test]
fn escape_invisible_right_to_left_override_is_lowercase_escape() {
    assert_eq!(escape_invisible("a\u{202E}b"), "a\\u202eb");
    assert_eq!(
        escape_invisible("\u{200B}\u{2066}x\u{2069}"),
        "\\u200b\\u2066x\\u2069"
    );
}

#[test]
fn escape_invisible_plain_text_is_borrowed() {
    assert!(matches!(
        escape_invisible("plain text"),
        std::borrow::Cow::Borrowed("plain text")
    ));
}

#[test]
fn escape_invisible_beyond_bmp_is_utf16_pair() {
    // U+E0041 TAG LATIN CAPITAL LETTER A is the surrogate pair DB40 DC41 in UTF-16.
    assert_eq!(escape_invisible("\u{E0041}"), "\\udb40\\udc41");
}

#[test]
fn describe_invisible_names_code_point() {
    assert_eq!(describe('\u{202E}'), "character U+202E");
    assert_eq!(describe('x'), "'x'");
    assert_eq!(describe(' '), "space");
}
