//! Fuzz target: everything the page runs on a paste and a secret. The first
//! byte picks the secret's encoding; the rest splits at the first NUL into
//! the pasted text and the secret.
#![no_main]

use jwt_lens::jwt::insight::{clock_findings, guess_role, secret_findings};
use jwt_lens::jwt::json::set_member;
use jwt_lens::jwt::{AlgChoice, Credential, Expectations, HmacAlg, Secret, SecretEncoding, inspect, validate, verify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (input, secret) = text.split_once('\0').unwrap_or((&text, ""));
    let encoding = SecretEncoding::ALL[usize::from(selector) % SecretEncoding::ALL.len()];
    let Some(report) = inspect(input) else {
        return;
    };
    for error in &report.errors {
        let _ = error.to_string();
    }
    let key = Secret::decode(secret, encoding);
    let status = verify(&report, Credential::Secret(key.clone()), AlgChoice::FromToken);
    let _ = verify(&report, Credential::Secret(key.clone()), AlgChoice::Fixed(HmacAlg::Hs512));
    let _ = secret_findings(&report, Some(HmacAlg::Hs256), secret, encoding, key.as_ref().ok(), false);
    let expect = Expectations { issuer: Some("i".into()), audiences: vec!["a".into()], nonce: None, leeway: 30, now: 1_700_000_000 };
    let _ = validate(&report, &status, &expect);
    let _ = clock_findings(&report, 1_700_000_000);
    let _ = guess_role(&report);
    if let Some(payload) = &report.payload {
        let _ = set_member(&payload.text, "exp", "1");
    }
});
