//! Cleaning pasted text: what is stripped, and that it is listed.

use jwt_lens::jwt::{Removed, clean};

#[test]
fn bearer_prefix_is_stripped_and_listed() {
    let cleaned = clean("Bearer a.b.c");
    assert_eq!(cleaned.token, "a.b.c");
    assert_eq!(cleaned.removed, [Removed::Bearer, Removed::Spaces(1)]);
}

#[test]
fn authorization_header_line_is_stripped() {
    let cleaned = clean("Authorization: bearer a.b.c");
    assert_eq!(cleaned.token, "a.b.c");
    assert_eq!(
        cleaned.removed,
        [Removed::HeaderName, Removed::Bearer, Removed::Spaces(2)]
    );
}

#[test]
fn quotes_inside_and_outside_bearer_are_stripped() {
    assert_eq!(clean("\"Bearer a.b.c\"").token, "a.b.c");
    assert_eq!(clean("Bearer 'a.b.c'").token, "a.b.c");
    assert_eq!(clean("`a.b.c`").removed, [Removed::Quotes]);
}

#[test]
fn line_breaks_and_spaces_are_counted() {
    let cleaned = clean("  a.\r\nb.\n c\t");
    assert_eq!(cleaned.token, "a.b.c");
    assert_eq!(
        cleaned.removed,
        [Removed::LineBreaks(2), Removed::Spaces(4)]
    );
}

#[test]
fn a_clean_token_lists_nothing() {
    let cleaned = clean("a.b.c");
    assert_eq!(cleaned.token, "a.b.c");
    assert!(cleaned.removed.is_empty());
}

#[test]
fn bearer_without_separator_is_part_of_the_token() {
    assert_eq!(clean("Bearerish.b.c").token, "Bearerish.b.c");
}

#[test]
fn removed_items_read_as_plain_english() {
    let text: Vec<String> = clean("Bearer \"a.b\n.c\"")
        .removed
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        text,
        [
            "the \"Bearer\" prefix",
            "surrounding quotes",
            "1 line break",
            "1 space"
        ]
    );
}

#[test]
fn non_ascii_whitespace_is_removed_and_counted() {
    let cleaned = clean("a.b\u{00A0}.c\u{2028}");
    assert_eq!(cleaned.token, "a.b.c");
    assert_eq!(cleaned.removed, [Removed::Spaces(2)]);
}
