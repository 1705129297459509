//! The composer: decoding, then what JWT Lens has to say about the token.
//!
//! The one place where `inspect` (reading) and `insight` (judging) meet, so
//! neither needs the other.

use super::base64url::{self, Alphabet};
use super::error::{Error, Part};
use super::findings::{Finding, Severity};
use super::insight;
use super::inspect::decode;
use super::json::{self, Json};
use super::jwe::{JweError, inflate};
use super::report::{Report, Section};
use super::sd_jwt;

/// Reads pasted text and adds the findings about the token: what the page
/// shows for every token. Returns `None` for input that is empty after
/// cleaning.
pub fn inspect(input: &str) -> Option<Report> {
    let mut report = decode(input)?;
    let zip = inflate_zip(&mut report);
    let mut findings = insight::token_findings(&report);
    if let Some(zip) = zip {
        // Said once, with what became of the payload.
        findings.retain(|f| f.id != "zip-jws");
        findings.push(zip);
    }
    report.findings.extend(findings);
    if let Some(sd) = sd_jwt::read(&report) {
        let findings = sd_jwt::findings(&sd, &report);
        report.findings.extend(findings);
    }
    Some(report)
}

/// The report for a decrypted JWE whose plaintext is not itself a token:
/// the compact JWE `jwe` (or a JSON one's
/// [`compact_view`](super::jwe::Jwe::compact_view)) with `plaintext` as its
/// payload, JSON when it is a JSON object and text otherwise, and the
/// findings about both. The finding that the payload cannot be read gives
/// way to one that says what decryption does not prove.
pub fn inspect_decrypted(jwe: &str, plaintext: &[u8]) -> Option<Report> {
    let mut report = decode(jwe)?;
    report.errors.retain(|e| *e != Error::Jwe);
    report.payload = Some(plain_section(plaintext));
    let mut findings = insight::token_findings(&report);
    findings.retain(|f| f.id != "jwe");
    findings.push(Finding::new(
        "jwe-unsigned",
        Severity::Warning,
        "Decrypted, but encryption alone does not say who wrote these claims: with RSA or \
         ECDH key management anyone holding the recipient's public key can make such a token. \
         Only a signature inside (a nested JWT, signed then encrypted) names the issuer.",
        "RFC 7519 §11.2, OpenID Connect Core §10.2",
    ));
    report.findings.extend(findings);
    Some(report)
}

/// `report` (a compact JWS whose payload segment is empty, RFC 7515
/// Appendix F) with `payload`, as the signer had it, shown as its payload:
/// the empty segment's errors go and the findings are made again.
pub fn with_detached_payload(report: &Report, payload: &[u8]) -> Report {
    let Some(mut out) = decode(&report.cleaned.token) else {
        return report.clone();
    };
    out.cleaned = report.cleaned.clone();
    out.errors.retain(|e| e.part() != Some(Part::Payload));
    out.payload = Some(plain_section(payload));
    let findings = insight::token_findings(&out);
    out.findings.extend(findings);
    out
}

/// Bytes that are a payload as they are (not base64url): JSON when they are
/// a JSON object, text (lossy where not UTF-8) otherwise, never an error.
fn plain_section(bytes: &[u8]) -> Section {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let json = match json::parse(&text) {
        Ok(object @ Json::Object(_)) => Some(object),
        _ => None,
    };
    let pretty = json.as_ref().map(Json::pretty);
    Section { text, json, pretty }
}

/// A JWS whose header says `zip: "DEF"`, as SMART Health Cards sign their
/// payloads: the payload is inflated (at most
/// [`MAX_INFLATED_BYTES`](super::jwe::MAX_INFLATED_BYTES)) and shown, with a
/// finding that RFC 7515 does not define this. The signature still covers
/// the compressed segment as written. Returns the `zip-jws` finding that
/// says so, in place of insight's general one.
fn inflate_zip(report: &mut Report) -> Option<Finding> {
    let zip = report
        .header
        .as_ref()
        .and_then(|h| h.json.as_ref())
        .and_then(|h| h.get("zip"))
        .and_then(Json::as_str);
    if report.segments.len() != 3 || zip != Some("DEF") {
        return None;
    }
    let Some(Ok(deflated)) = report
        .segment_text(1)
        .map(|t| base64url::decode(t, Alphabet::Lenient))
    else {
        return None;
    };
    let outcome = match inflate(&deflated.bytes) {
        Ok(plain) => {
            report.errors.retain(|e| e.part() != Some(Part::Payload));
            report.payload = Some(plain_section(&plain));
            "it was inflated to show it".to_owned()
        }
        Err(JweError::InflateTooLarge { limit }) => {
            format!("it inflates to more than {limit} bytes, so JWT Lens stopped there")
        }
        Err(_) => "it is not valid DEFLATE data, so it could not be inflated".to_owned(),
    };
    Some(Finding::new(
        "zip-jws",
        Severity::Warning,
        format!(
            "The header says zip: DEF, so the payload is compressed, and {outcome}. RFC 7515 \
             defines zip only for encrypted JWEs (RFC 7516 §4.1.3); SMART Health Cards compress \
             JWS payloads this way, but other JWS libraries will not inflate it and misread \
             the payload."
        ),
        "RFC 7516 §4.1.3, SMART Health Cards",
    ))
}
