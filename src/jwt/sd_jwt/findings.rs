//! Findings about an SD-JWT: what a verifier rejects, and what an issuer
//! could have done better.

use super::super::findings::{Finding, Severity};
use super::super::json::Json;
use super::super::report::Report;
use super::{Problem, SdJwt, State};

/// Personal data that RFC 9901's examples make selectively disclosable, and
/// that an SD-JWT issuer sends in the clear only by choice.
const PERSONAL: [&str; 8] = [
    "given_name",
    "family_name",
    "birthdate",
    "address",
    "email",
    "phone_number",
    "nationalities",
    "place_of_birth",
];

/// Whether `value` is itself partly selectively disclosable: an object
/// with `_sd`, or an array with `{"...": digest}` elements (RFC 9901 §4.2.4, §4.2.6).
fn structured(value: &Json) -> bool {
    match value {
        Json::Object(_) => value.get("_sd").is_some(),
        Json::Array(items) => items.iter().any(|i| i.get("...").is_some()),
        _ => false,
    }
}

/// Salts shorter than this many base64url characters carry under 128 bits
/// (RFC 9901 §9.3 asks for 128 bits of entropy).
const MIN_SALT_CHARS: usize = 22;

/// The findings for `sd`, read from `issuer` (the issuer-signed JWT's report).
pub fn findings(sd: &SdJwt, issuer: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    let duplicates = sd
        .disclosures
        .iter()
        .filter(|d| d.state == State::Duplicate)
        .count();
    let repeated = sd
        .problems
        .iter()
        .filter(|p| matches!(p, Problem::DigestRepeated { .. }))
        .count();
    if duplicates + repeated > 0 {
        out.push(Finding::new(
            "sd-duplicate",
            Severity::Danger,
            format!(
                "{duplicates} disclosure(s) sent more than once and {repeated} digest(s) repeated in the payload: a verifier must reject this SD-JWT."
            ),
            "RFC 9901 §7.1 step 4",
        ));
    }
    let unreferenced: Vec<String> = sd
        .disclosures
        .iter()
        .filter(|d| d.state == State::Unreferenced)
        .map(|d| d.claim())
        .collect();
    if !unreferenced.is_empty() {
        out.push(Finding::new(
            "sd-unreferenced",
            Severity::Danger,
            format!(
                "No digest in the payload references the disclosure(s) for {}: their values are not signed by the issuer, and a verifier must reject this SD-JWT.",
                unreferenced.join(", ")
            ),
            "RFC 9901 §7.1 step 5",
        ));
    }
    for p in &sd.problems {
        if let Problem::ReservedName { name } = p {
            out.push(Finding::new(
                "sd-reserved-name",
                Severity::Danger,
                format!("A disclosure uses the reserved name \"{name}\" as a claim name: a verifier must reject this SD-JWT."),
                "RFC 9901 §7.1 step 3",
            ));
        }
        if let Problem::UnknownAlg { name } = p {
            out.push(Finding::new(
                "sd-unknown-alg",
                Severity::Warning,
                format!("_sd_alg is \"{name}\", a hash JWT Lens does not compute, so no disclosure could be matched."),
                "RFC 9901 §4.1.1",
            ));
        }
    }
    let weak: Vec<String> = sd
        .disclosures
        .iter()
        .filter_map(|d| d.content.as_ref().ok())
        .filter(|c| c.salt.chars().count() < MIN_SALT_CHARS)
        .map(|c| {
            c.name
                .clone()
                .unwrap_or_else(|| "an array element".to_owned())
        })
        .collect();
    if !weak.is_empty() {
        out.push(Finding::new(
            "sd-weak-salt",
            Severity::Warning,
            format!(
                "The salt of the disclosure(s) for {} is shorter than {MIN_SALT_CHARS} base64url characters, under 128 bits: undisclosed values could be guessed from their digests.",
                weak.join(", ")
            ),
            "RFC 9901 §9.3",
        ));
    }
    if let Some(claims) = issuer.claims() {
        let clear: Vec<&str> = PERSONAL
            .into_iter()
            .filter(|name| claims.get(name).is_some_and(|v| !structured(v)))
            .collect();
        if !clear.is_empty() {
            out.push(Finding::new(
                "sd-clear-personal-data",
                Severity::Info,
                format!(
                    "{} in the clear in the issuer-signed JWT: every verifier sees it, though it could have been selectively disclosable.",
                    clear.join(", ")
                ),
                "RFC 9901 §10.1",
            ));
        }
        if sd.kb_jwt.is_none() && claims.get("cnf").is_some() {
            out.push(Finding::new(
                "sd-no-key-binding",
                Severity::Warning,
                "The issuer JWT binds a holder key (cnf), but no key-binding JWT follows: anyone who saw this SD-JWT can present it.",
                "RFC 9901 §4.3, §7.3",
            ));
        }
    }
    out
}
