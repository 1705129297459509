//! From pasted text to a [`Report`]: everything that can be read, and why the rest cannot.

use super::base64url::{self, Alphabet, Fault};
use super::error::{Error, Part};
use super::findings::{Finding, Severity};
use super::json::{self, Json};
use super::report::{Report, Section};
use super::token;

/// The longest cleaned token JWT Lens decodes: 2 MiB, a thousand times the
/// largest header most servers accept, and small enough to decode and render
/// well within a frame budget of a few hundred milliseconds.
pub const MAX_TOKEN_BYTES: usize = 2 * 1024 * 1024;

/// Decodes pasted text, without judging it: the findings here are only
/// about how it is encoded. [`inspect`](super::inspect()) adds the rest.
/// Returns `None` for input that is empty after cleaning.
pub fn decode(input: &str) -> Option<Report> {
    let cleaned = token::clean(input);
    if cleaned.token.is_empty() {
        return None;
    }
    let mut report = Report {
        segments: Vec::new(),
        header: None,
        payload: None,
        signature: None,
        errors: Vec::new(),
        findings: Vec::new(),
        cleaned,
    };
    if report.cleaned.token.len() > MAX_TOKEN_BYTES {
        report.errors.push(Error::TooLarge {
            bytes: report.cleaned.token.len(),
            limit: MAX_TOKEN_BYTES,
        });
        return Some(report);
    }
    // An SD-JWT's issuer-signed JWT ends at its first `~` (RFC 9901 §4);
    // the disclosures and KB-JWT after it are `sd_jwt`'s to read.
    let jwt_end = token::issuer_jwt_end(&report.cleaned.token);
    report.segments = token::segments(report.cleaned.token.get(..jwt_end).unwrap_or_default());
    let found = report.segments.len();
    match found {
        3 => {}
        5 => report.errors.push(Error::Jwe),
        _ => report.errors.push(Error::Segments { found }),
    }

    let token = report.cleaned.token.clone();
    let segment = |i: usize| report.segments.get(i).and_then(|r| token.get(r.clone()));
    let header_text = segment(0);
    let payload_text = if found == 5 { None } else { segment(1) };
    let signature_text = if found == 3 { segment(2) } else { None };

    let mut errors = Vec::new();
    let mut findings = Vec::new();
    let header =
        header_text.and_then(|t| decode_section(Part::Header, t, &mut errors, &mut findings));
    let payload =
        payload_text.and_then(|t| decode_section(Part::Payload, t, &mut errors, &mut findings));
    let signature =
        signature_text.and_then(|t| decode_segment(Part::Signature, t, &mut errors, &mut findings));
    report.header = header;
    report.payload = payload;
    report.signature = signature;
    report.errors.extend(errors);
    report.findings.extend(findings);
    Some(report)
}

/// Decodes one segment's base64, recording an error or encoding findings.
fn decode_segment(
    part: Part,
    text: &str,
    errors: &mut Vec<Error>,
    findings: &mut Vec<Finding>,
) -> Option<Vec<u8>> {
    match base64url::decode(text, Alphabet::Lenient) {
        Ok(decoded) => {
            if decoded.standard_chars || decoded.padded {
                let what = match (decoded.standard_chars, decoded.padded) {
                    (true, true) => "'+' or '/' and '=' padding",
                    (true, false) => "'+' or '/'",
                    _ => "'=' padding",
                };
                findings.push(Finding::new(
                    "standard-base64",
                    Severity::Warning,
                    format!(
                        "The {part} uses {what}: standard base64, not the unpadded base64url a JWT must use; \
                         it was decoded, but strict libraries will reject it."
                    ),
                    "RFC 7515 §2 (Base64url Encoding)",
                ));
            }
            if decoded.non_canonical {
                findings.push(Finding::new(
                    "non-canonical-base64",
                    Severity::Warning,
                    format!(
                        "The last character of the {part} carries unused bits that are not zero, \
                         so several different texts decode to the same bytes."
                    ),
                    "RFC 4648 §3.5 (Canonical Encoding)",
                ));
            }
            Some(decoded.bytes)
        }
        Err(fault) => {
            errors.push(match fault {
                Fault::Char {
                    position,
                    character,
                } => Error::Base64Char {
                    part,
                    position,
                    character,
                },
                Fault::Length { length } => Error::Base64Length { part, length },
                Fault::Padding { position } => Error::Base64Padding { part, position },
            });
            None
        }
    }
}

/// Decodes a JSON segment as far as it goes: base64, then UTF-8, then JSON.
fn decode_section(
    part: Part,
    text: &str,
    errors: &mut Vec<Error>,
    findings: &mut Vec<Finding>,
) -> Option<Section> {
    let bytes = decode_segment(part, text, errors, findings)?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            errors.push(Error::Utf8 {
                part,
                offset: e.utf8_error().valid_up_to(),
            });
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            return Some(Section {
                text,
                json: None,
                pretty: None,
            });
        }
    };
    let json = match json::parse(&text) {
        Ok(Json::Object(members)) => Some(Json::Object(members)),
        Ok(other) => {
            errors.push(Error::NotObject {
                part,
                found: other.type_name(),
            });
            None
        }
        Err(e) => {
            let (line, column) = e.line_column(&text);
            errors.push(Error::Json {
                part,
                line,
                column,
                reason: e.reason,
            });
            None
        }
    };
    let pretty = json.as_ref().map(Json::pretty);
    Some(Section { text, json, pretty })
}
