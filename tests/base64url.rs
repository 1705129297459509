//! Base64url decoding: exact bytes, precise faults.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use jwt_lens::jwt::base64url::{Alphabet, Fault, decode, encode};

#[test]
fn decode_matches_reference_crate_for_every_length() {
    for len in 0..200usize {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + len) as u8).collect();
        let text = URL_SAFE_NO_PAD.encode(&bytes);
        let decoded = decode(&text, Alphabet::Url).unwrap();
        assert_eq!(decoded.bytes, bytes, "length {len}");
        assert!(!decoded.standard_chars && !decoded.padded && !decoded.non_canonical);
        assert_eq!(encode(&bytes), text, "encode, length {len}");
    }
}

#[test]
fn standard_alphabet_is_decoded_and_flagged_in_lenient_mode() {
    let bytes = [0xfb, 0xff, 0xbf, 0x01];
    let text = STANDARD_NO_PAD.encode(bytes);
    assert!(text.contains('+') || text.contains('/'));
    let decoded = decode(&format!("{text}=="), Alphabet::Lenient).unwrap();
    assert_eq!(decoded.bytes, bytes);
    assert!(decoded.standard_chars);
    assert!(decoded.padded);
}

#[test]
fn url_alphabet_rejects_plus_with_its_position() {
    assert_eq!(
        decode("ab+d", Alphabet::Url),
        Err(Fault::Char {
            position: 3,
            character: '+'
        })
    );
}

#[test]
fn standard_alphabet_rejects_dash() {
    assert_eq!(
        decode("ab-d", Alphabet::Standard),
        Err(Fault::Char {
            position: 3,
            character: '-'
        })
    );
}

#[test]
fn non_ascii_character_position_counts_characters_not_bytes() {
    assert_eq!(
        decode("ééa*", Alphabet::Lenient),
        Err(Fault::Char {
            position: 1,
            character: 'é'
        })
    );
    assert_eq!(
        decode("abc…", Alphabet::Lenient),
        Err(Fault::Char {
            position: 4,
            character: '…'
        })
    );
}

#[test]
fn length_of_four_n_plus_one_is_a_length_fault() {
    assert_eq!(
        decode("abcde", Alphabet::Url),
        Err(Fault::Length { length: 5 })
    );
}

#[test]
fn padding_in_the_middle_is_a_padding_fault() {
    assert_eq!(
        decode("ab=cd", Alphabet::Lenient),
        Err(Fault::Padding { position: 3 })
    );
}

#[test]
fn wrong_amount_of_padding_is_a_padding_fault() {
    assert_eq!(
        decode("abc==", Alphabet::Lenient),
        Err(Fault::Padding { position: 4 })
    );
    assert_eq!(
        decode("ab===", Alphabet::Lenient),
        Err(Fault::Padding { position: 3 })
    );
}

#[test]
fn non_zero_trailing_bits_are_decoded_but_flagged() {
    // "QR" encodes 0x41 with trailing bits 0001; canonical is "QQ".
    let decoded = decode("QR", Alphabet::Url).unwrap();
    assert_eq!(decoded.bytes, b"A");
    assert!(decoded.non_canonical);
    assert!(!decode("QQ", Alphabet::Url).unwrap().non_canonical);
}
