//! The known-secret search against tokens signed by other implementations,
//! with the list the page ships (`assets/known-secrets.txt`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jwt_lens::jwt::{
    HmacAlg, KNOWN_SECRET_ID, Severity, find_known_secret, known_secret_candidates,
    known_secret_finding,
};

const LIST: &str = include_str!("../assets/known-secrets.txt");

/// jwt.io's example token, signed by jwt.io with `your-256-bit-secret`.
const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
    eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.\
    SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

// The next three were made with Python's hmac module, header
// {"alg":"HS256","typ":"JWT"} (or HS512) and payload
// {"sub":"known-secret","iat":1516239022}, so:
//
//   python3 -c 'import base64,hashlib,hmac
//   b=lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode()
//   def tok(h,p,k,f): s=b(h.encode())+"."+b(p.encode()); return s+"."+b(hmac.new(k,s.encode(),f).digest())
//   p="{\"sub\":\"known-secret\",\"iat\":1516239022}"
//   print(tok("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",p,b"secret",hashlib.sha256))
//   print(tok("{\"alg\":\"HS512\",\"typ\":\"JWT\"}",p,b"keyboard cat",hashlib.sha512))
//   print(tok("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",p,hashlib.sha256(b"jwt-lens: a 256-bit key in no list").digest(),hashlib.sha256))'

/// HS256 signed with `secret`.
const SECRET_HS256: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
    eyJzdWIiOiJrbm93bi1zZWNyZXQiLCJpYXQiOjE1MTYyMzkwMjJ9.\
    52m0x1iwkCgrK6uP88EuaskXEZ_x7h2WYq3GNLJMqio";
/// HS512 signed with `keyboard cat` (express-session's README secret).
const KEYBOARD_CAT_HS512: &str = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.\
    eyJzdWIiOiJrbm93bi1zZWNyZXQiLCJpYXQiOjE1MTYyMzkwMjJ9.\
    2tK9x5Yh608vpHx-DWREBO6xKx4swIcPGJg-K1_Jht4E5_4kNrhXAzzm6fpqn28eXXU6nnevF8MaM_HntH-rYg";
/// HS256 signed with a 256-bit key that is in no list.
const RANDOM_KEY_HS256: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
    eyJzdWIiOiJrbm93bi1zZWNyZXQiLCJpYXQiOjE1MTYyMzkwMjJ9.\
    o70DdF0tyyJF5ytHPNkvFYZEBrlemc7KHWkzXk_5SCU";

/// Searches the shipped list for `token`'s secret; the token is split and
/// decoded here with the `base64` crate, not with the code under test.
fn search(alg: HmacAlg, token: &str) -> Option<&'static str> {
    let (signing_input, signature) = token.rsplit_once('.').expect("three segments");
    let signature = URL_SAFE_NO_PAD.decode(signature).expect("base64url");
    find_known_secret(
        alg,
        signing_input.as_bytes(),
        &signature,
        known_secret_candidates(LIST),
    )
}

#[test]
fn jwt_io_example_is_found_as_your_256_bit_secret() {
    assert_eq!(search(HmacAlg::Hs256, JWT_IO), Some("your-256-bit-secret"));
}

#[test]
fn token_signed_with_secret_is_found() {
    assert_eq!(search(HmacAlg::Hs256, SECRET_HS256), Some("secret"));
}

#[test]
fn hs512_token_signed_with_a_readme_secret_is_found() {
    assert_eq!(
        search(HmacAlg::Hs512, KEYBOARD_CAT_HS512),
        Some("keyboard cat")
    );
}

#[test]
fn token_signed_with_a_random_256_bit_key_finds_nothing() {
    assert_eq!(search(HmacAlg::Hs256, RANDOM_KEY_HS256), None);
}

#[test]
fn token_searched_under_another_alg_finds_nothing() {
    // The HS256 signature is 32 bytes: under HS512 it cannot match anything.
    assert_eq!(search(HmacAlg::Hs512, SECRET_HS256), None);
}

#[test]
fn search_in_chunks_finds_the_same_secret() {
    let all: Vec<&str> = known_secret_candidates(LIST).collect();
    let found = all
        .chunks(250)
        .find_map(|chunk| {
            let (signing_input, signature) = SECRET_HS256.rsplit_once('.')?;
            let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
            find_known_secret(
                HmacAlg::Hs256,
                signing_input.as_bytes(),
                &signature,
                chunk.iter().copied(),
            )
        })
        .expect("found in some chunk");
    assert_eq!(found, "secret");
}

#[test]
fn candidates_skip_comments_and_blank_lines_but_keep_spaces() {
    let list = "# a comment\n#\n\nsecret\n keyboard cat \r\n#hashtag\n";
    let secrets: Vec<&str> = known_secret_candidates(list).collect();
    assert_eq!(secrets, ["secret", " keyboard cat ", "#hashtag"]);
}

#[test]
fn shipped_list_has_thousands_of_unique_secrets() {
    let secrets: Vec<&str> = known_secret_candidates(LIST).collect();
    let unique: std::collections::HashSet<&str> = secrets.iter().copied().collect();
    assert!(secrets.len() > 5_000, "{} secrets", secrets.len());
    assert_eq!(unique.len(), secrets.len(), "each secret once");
    for documented in [
        "your-256-bit-secret",
        "your-384-bit-secret",
        "your-512-bit-secret",
    ] {
        assert!(unique.contains(documented), "{documented} is listed");
    }
}

#[test]
fn known_secret_finding_is_danger_and_shows_the_secret() {
    let finding = known_secret_finding("your-256-bit-secret");
    assert_eq!(finding.id, KNOWN_SECRET_ID);
    assert_eq!(finding.id, "known-secret");
    assert_eq!(finding.severity, Severity::Danger);
    assert!(
        finding.message.contains("\"your-256-bit-secret\""),
        "{}",
        finding.message
    );
    assert!(finding.source.contains("RFC 8725 §3.5"));
}
