//! The `#token=` (and `#tokens=`) fragment of a share link: percent-encoding that round-trips any text.
//!
//! A JWT is all unreserved characters and dots, so its link stays readable and
//! an old link with a raw JWT (no `%` in it) reads back unchanged. Anything
//! else (`%`, `#`, `&`, spaces, line breaks, non-ASCII) is written as `%XX`
//! per UTF-8 byte (RFC 3986 §2.1), so the text comes back exactly as it went.

/// `text` with every byte outside RFC 3986's unreserved set
/// (`A-Z a-z 0-9 - . _ ~`) written as `%XX`, upper-case hex.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}

/// The text [`encode`] wrote; also what a browser leaves of a hand-typed
/// link (it encodes spaces and non-ASCII the same way). A `%` not followed
/// by two hex digits is kept as it is, and bytes that are not UTF-8 become
/// U+FFFD, so any fragment reads as some text.
pub fn decode(fragment: &str) -> String {
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match (byte, hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                // OK because two hex digits are at most 0xff.
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                i += 3;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Several texts as one fragment value (`#tokens=<a>,<b>,…`): each
/// [`encode`]d, which writes a `,` as `%2C`, then joined with commas.
pub fn encode_list(texts: &[String]) -> String {
    let encoded: Vec<String> = texts.iter().map(|t| encode(t)).collect();
    encoded.join(",")
}

/// The texts [`encode_list`] wrote, in order; empty entries are skipped.
pub fn decode_list(list: &str) -> Vec<String> {
    list.split(',')
        .filter(|t| !t.is_empty())
        .map(decode)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RFC 7515 A.1 example token, line breaks removed.
    const JWT: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.\
        eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.\
        dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";

    #[test]
    fn jwt_is_left_readable() {
        assert_eq!(encode(JWT), JWT);
        assert_eq!(decode(JWT), JWT);
    }

    #[test]
    fn reserved_characters_are_encoded() {
        // Expected values from RFC 3986 §2.1 (and encodeURIComponent).
        assert_eq!(encode("50% #a&b c"), "50%25%20%23a%26b%20c");
        assert_eq!(encode("a\nb+/="), "a%0Ab%2B%2F%3D");
        assert_eq!(encode("é€"), "%C3%A9%E2%82%AC");
    }

    #[test]
    fn any_text_round_trips() {
        for text in [
            "%",
            "%25",
            "%zz and %4",
            "a#b&c=d e",
            "line one\nline two\r\n\ttab",
            "Bearer eyJ.eyJ.sig",
            "日本語 🎉 \u{202E}\u{200B}",
            "",
        ] {
            assert_eq!(decode(&encode(text)), text, "{text:?}");
        }
    }

    #[test]
    fn old_link_with_raw_text_reads_back() {
        // A raw `%` that starts no escape stays; the browser's own `%20` is read.
        assert_eq!(decode("a%zzb%2"), "a%zzb%2");
        assert_eq!(decode("Bearer%20eyJ.x"), "Bearer eyJ.x");
        assert_eq!(decode("%e2%82%ac"), "€");
    }

    #[test]
    fn list_with_commas_in_its_texts_round_trips() {
        let texts = vec![
            JWT.to_owned(),
            "a,b c".to_owned(),
            "Bearer x.y.z".to_owned(),
        ];
        // A comma inside a text is %2C (RFC 3986 §2.1), so only separators remain.
        assert_eq!(encode_list(&texts).matches(',').count(), 2);
        assert_eq!(decode_list(&encode_list(&texts)), texts);
        assert_eq!(decode_list(",a,,b,"), ["a", "b"]);
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_characters() {
        assert_eq!(decode("a%FFb"), "a\u{FFFD}b");
    }
}
