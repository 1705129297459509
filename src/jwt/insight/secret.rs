//! Findings about the secret the user typed: short, well known, or in the wrong encoding.

use crate::jwt::Report;
use crate::jwt::findings::{Finding, Severity};
use crate::jwt::header::HmacAlg;
use crate::jwt::verify::{self, Secret, SecretEncoding};

/// Secrets that appear in tutorials, defaults and placeholders.
const PLACEHOLDER_SECRETS: &[&str] = &[
    "secret",
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "changeme",
    "change-me",
    "change_me",
    "password",
    "123456",
    "12345678",
    "qwerty",
    "test",
    "testing",
    "key",
    "mysecret",
    "my-secret",
    "my_secret",
    "secretkey",
    "secret-key",
    "secret_key",
    "jwt-secret",
    "jwt_secret",
    "jwtsecret",
    "supersecret",
    "super-secret",
    "default",
    "admin",
    "letmein",
    "shhhhh",
    "keyboard cat",
    "your_jwt_secret",
    "your-secret",
];

/// Findings about the secret the user typed: too short, a placeholder, or
/// verifying only in another encoding. `alg` is the algorithm verification used.
pub fn secret_findings(
    report: &Report,
    alg: Option<HmacAlg>,
    typed: &str,
    encoding: SecretEncoding,
    secret: Option<&Secret>,
    verified: bool,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if typed.is_empty() {
        return out;
    }
    if let (Some(alg), Some(secret)) = (alg, secret)
        && secret.as_bytes().len() < alg.output_len()
    {
        out.push(Finding::new(
            "weak-secret",
            Severity::Warning,
            format!(
                "The secret is {} bits; {alg} needs at least {} (the hash output), or it can be brute-forced offline from any token. \
                 Fine for a test, not for production.",
                secret.bits(),
                alg.output_len() * 8
            ),
            "RFC 7518 §3.2, RFC 8725 §3.5",
        ));
    }
    let normalized = typed.trim().to_ascii_lowercase();
    if PLACEHOLDER_SECRETS.contains(&normalized.as_str()) {
        out.push(Finding::new(
            "placeholder-secret",
            Severity::Danger,
            format!("\"{}\" is a well-known placeholder or dictionary secret: anyone can guess it and sign tokens.", typed.trim()),
            "RFC 8725 §3.5",
        ));
    }
    if !verified
        && let (Some(alg), Some(signing_input), Some(signature)) =
            (alg, report.signing_input(), report.signature.as_ref())
    {
        let works: Vec<&str> = SecretEncoding::ALL
            .into_iter()
            .filter(|other| *other != encoding)
            .filter(|other| {
                Secret::decode(typed, *other).is_ok_and(|key| {
                    verify::verify_hmac(alg, &key, signing_input.as_bytes(), signature)
                })
            })
            .map(SecretEncoding::label)
            .collect();
        if !works.is_empty() {
            out.push(Finding::new(
                "secret-encoding",
                Severity::Info,
                format!(
                    "The signature is valid if the secret is read as {} instead of {}: choose that encoding.",
                    works.join(" or "),
                    encoding.label()
                ),
                "RFC 7518 §3.2, RFC 7517 §6.4.1",
            ));
        }
    }
    out
}
