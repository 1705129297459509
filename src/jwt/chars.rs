//! Characters that hide or reorder text, and how to show them: a leaf that
//! the JSON writer, the error messages and the findings share.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that render as nothing or reorder text: C0 and C1 controls,
/// zero-width characters, bidirectional controls (U+202A to U+202E, U+2066 to
/// U+2069, U+061C, U+200E and U+200F), the line and paragraph separators
/// (U+2028, U+2029: some renderers break lines there, others do not), the BOM, the soft hyphen, variation
/// selectors and tag characters. A token that hides them in a claim can look
/// like another ("admin\u{202e}" …), so JWT Lens always shows them escaped.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

/// `text` with every [invisible](is_invisible) character written as a
/// `\uXXXX` escape in lowercase hex (`\u202e`); characters beyond the Basic
/// Multilingual Plane become their UTF-16 pair, as in JSON. Borrows when
/// there is nothing to escape.
///
/// # Example
///
/// ```
/// use jwt_lens::jwt::chars::escape_invisible;
///
/// assert_eq!(escape_invisible("admin\u{202e}nimda"), "admin\\u202enimda");
/// assert_eq!(escape_invisible("plain"), "plain");
/// ```
pub fn escape_invisible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_invisible) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_invisible(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends `c` as one `\uXXXX` escape, or two for a UTF-16 surrogate pair.
pub fn push_escape(out: &mut String, c: char) {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        let _ = write!(out, "\\u{unit:04x}");
    }
}

/// Quotes a character for a message, naming the ones that would be invisible:
/// `'x'`, `space`, `line break`, `tab` or `character U+202E`.
pub fn describe(c: char) -> String {
    match c {
        ' ' => "space".to_owned(),
        '\n' => "line break".to_owned(),
        '\t' => "tab".to_owned(),
        c if is_invisible(c) => format!("character U+{:04X}", u32::from(c)),
        c => format!("'{c}'"),
    }
}

/// The characters of `text` with their byte offsets, skipping printable
/// ASCII bytes that `plain` accepts: what is left are the characters an
/// escaper has to look at. A byte loop, as a payload may hold a megabyte of
/// plain text.
pub fn plain_runs(text: &str, plain: impl Fn(u8) -> bool) -> impl Iterator<Item = (usize, char)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            if (b' '..=b'~').contains(&b) && plain(b) {
                i += 1;
                continue;
            }
            let c = text.get(i..)?.chars().next()?;
            let at = i;
            i += c.len_utf8();
            return Some((at, c));
        }
        None
    })
}
