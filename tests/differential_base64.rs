//! Our strict base64 decoder against the `base64` crate: same verdicts, same
//! fault positions.
//!
//! The reference is `base64` 0.22's `URL_SAFE_NO_PAD` (and `STANDARD_NO_PAD`
//! for the standard alphabet): canonical last symbol, no padding. Our decoder
//! is more forgiving by design: it decodes padding and stray last-symbol bits
//! and *reports* them (`padded`, `non_canonical`) so the page can flag them,
//! and callers that must be strict (signature checks) refuse those flags. So
//! the comparison goes through [`agrees`], which states for each of the
//! reference's answers which of ours means the same thing.

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::{DecodeError, Engine};
use jwt_lens::jwt::base64url::{Alphabet, Decoded, Fault, decode, encode, is_canonical};
use proptest::prelude::*;

/// The byte offset of the character at 1-based `position`, as `base64` counts.
fn byte_offset(text: &str, position: usize) -> Option<usize> {
    text.char_indices()
        .nth(position.checked_sub(1)?)
        .map(|(i, _)| i)
}

/// Whether our answer means the same as the reference's. `Err` says why not.
fn agrees(
    text: &str,
    ours: &Result<Decoded, Fault>,
    theirs: &Result<Vec<u8>, DecodeError>,
) -> Result<(), String> {
    let at = |position: usize| byte_offset(text, position);
    let same = match (ours, theirs) {
        (Ok(d), Ok(bytes)) => !d.padded && !d.non_canonical && &d.bytes == bytes,
        // Strict mode refuses any padding; we decode well-formed padding and flag it.
        (Ok(d), Err(DecodeError::InvalidPadding)) => d.padded,
        (Err(Fault::Padding { .. }), Err(DecodeError::InvalidPadding)) => true,
        // Stray bits in the last symbol: an error there, a flag here.
        (Ok(d), Err(DecodeError::InvalidLastSymbol(offset, symbol))) => {
            !d.padded
                && d.non_canonical
                && *offset + 1 == text.len()
                && text.as_bytes().last() == Some(symbol)
        }
        (
            Err(Fault::Char {
                position,
                character,
            }),
            Err(DecodeError::InvalidByte(offset, byte)),
        ) => {
            *byte != b'='
                && at(*position) == Some(*offset)
                && text.get(*offset..).and_then(|r| r.chars().next()) == Some(*character)
        }
        (Err(Fault::Padding { position }), Err(DecodeError::InvalidByte(offset, b'='))) => {
            at(*position) == Some(*offset)
        }
        // `A=`, `AAAAA==`: one symbol in the last quantum, then padding. The
        // reference blames the `=` (no padding may follow one symbol); we
        // blame the length (4n + 1 symbols). Same fault: the `=` stands right
        // after the 4n + 1 significant symbols that we count.
        (Err(Fault::Length { length }), Err(DecodeError::InvalidByte(offset, b'='))) => {
            length == offset && length % 4 == 1
        }
        (Err(Fault::Length { length }), Err(DecodeError::InvalidLength(n))) => length == n,
        _ => false,
    };
    if same {
        Ok(())
    } else {
        Err(format!("{text:?}: ours {ours:?}, base64 crate {theirs:?}"))
    }
}

/// Compares one text in one alphabet.
fn compare(text: &str, alphabet: Alphabet) -> Result<(), String> {
    let engine = match alphabet {
        Alphabet::Standard => &STANDARD_NO_PAD,
        _ => &URL_SAFE_NO_PAD,
    };
    let ours = decode(text, alphabet);
    let theirs = engine.decode(text);
    // The reference checks the last byte of a 4n + 1 text before anything
    // else (base64 0.22 `complete_quads_len`), so it can blame the last
    // character while an earlier one is also wrong; we blame the first, as a
    // person reads. Compare us then with the text whose last byte is a valid
    // symbol: the reference reports the first fault there in reading order.
    if let Err(DecodeError::InvalidByte(offset, byte)) = theirs
        && text.len() % 4 == 1
        && offset + 1 == text.len()
        && byte != b'='
    {
        // Bytes, not text: the last byte may end a multi-byte character.
        let mut fixed = text.as_bytes().to_vec();
        fixed[offset] = b'A';
        let earlier = engine.decode(&fixed);
        if matches!(earlier, Err(DecodeError::InvalidLength(_))) {
            // Nothing wrong before the last character: ours must blame it too.
            return agrees(text, &ours, &theirs);
        }
        // Offsets before the last byte are the same in both texts.
        return agrees(text, &ours, &earlier);
    }
    agrees(text, &ours, &theirs)
}

/// Almost-base64: valid encodings, then a few edits (insert, replace,
/// delete a character, or append padding) that may break them.
fn almost_base64() -> impl Strategy<Value = String> {
    let symbol = prop_oneof![
        8 => proptest::char::ranges(vec!['A'..='Z', 'a'..='z', '0'..='9'].into()),
        2 => prop::sample::select(vec!['-', '_', '+', '/', '=']),
        1 => prop::sample::select(vec!['!', 'é', '.', ' ', '\n', '\u{0}']),
    ];
    let edit = (0u8..4, any::<prop::sample::Index>(), symbol);
    (
        proptest::collection::vec(any::<u8>(), 0..80),
        proptest::collection::vec(edit, 0..3),
    )
        .prop_map(|(bytes, edits)| {
            let mut chars: Vec<char> = encode(&bytes).chars().collect();
            for (kind, index, c) in edits {
                match kind {
                    0 => chars.insert(index.index(chars.len() + 1), c),
                    1 if !chars.is_empty() => {
                        let i = index.index(chars.len());
                        chars[i] = c;
                    }
                    2 if !chars.is_empty() => {
                        chars.remove(index.index(chars.len()));
                    }
                    _ => chars.extend(std::iter::repeat_n('=', index.index(3) + 1)),
                }
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn url_decode_agrees_with_base64_crate_on_almost_base64(text in almost_base64()) {
        compare(&text, Alphabet::Url).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn url_decode_agrees_with_base64_crate_on_short_texts(text in "[A-Da-d0-1_=+/!é-]{0,14}") {
        compare(&text, Alphabet::Url).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn url_decode_agrees_with_base64_crate_on_any_text(text in any::<String>()) {
        compare(&text, Alphabet::Url).map_err(TestCaseError::fail)?;
    }

    /// The signature check's one-pass test of a payload segment: canonical
    /// exactly when the reference's strict decoder (canonical last symbol,
    /// no padding) accepts the text.
    #[test]
    fn is_canonical_agrees_with_base64_crate(text in almost_base64()) {
        prop_assert_eq!(is_canonical(&text), URL_SAFE_NO_PAD.decode(&text).is_ok(), "{:?}", text);
    }

    #[test]
    fn is_canonical_agrees_with_base64_crate_on_short_texts(text in "[A-Da-d0-1_=+/!é-]{0,14}") {
        prop_assert_eq!(is_canonical(&text), URL_SAFE_NO_PAD.decode(&text).is_ok(), "{:?}", text);
    }

    #[test]
    fn standard_decode_agrees_with_base64_crate(text in almost_base64()) {
        let text = text.replace('-', "+").replace('_', "/");
        compare(&text, Alphabet::Standard).map_err(TestCaseError::fail)?;
    }
}

/// The cases the adapter above translates, pinned so that a change on either
/// side shows up here by name.
#[test]
fn url_decode_known_differences_are_translations_not_disagreements() {
    for text in [
        "", "QQ", "QR",      // stray bits: flagged here, InvalidLastSymbol there
        "QQ==",    // padding: flagged here, InvalidPadding there
        "QQ=",     // short padding: Padding fault here, InvalidPadding there
        "A=",      // Length here, InvalidByte('=') there
        "AAAAA==", // the same, one quantum later
        "AAA==", "AAAA=", "!AAA!", // 4n + 1: the reference blames the last `!`, we the first
        "AAAA!", // 4n + 1 with only the last character wrong
        "ééa*", "QUJD+A",
    ] {
        compare(text, Alphabet::Url).unwrap();
    }
}
