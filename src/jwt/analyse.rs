//! The composer: decoding, then what JWT Lens has to say about the token.
//!
//! The one place where `inspect` (reading) and `insight` (judging) meet, so
//! neither needs the other.

use super::insight;
use super::inspect::decode;
use super::report::Report;
use super::sd_jwt;

/// Reads pasted text and adds the findings about the token: what the page
/// shows for every token. Returns `None` for input that is empty after
/// cleaning.
pub fn inspect(input: &str) -> Option<Report> {
    let mut report = decode(input)?;
    let findings = insight::token_findings(&report);
    report.findings.extend(findings);
    if let Some(sd) = sd_jwt::read(&report) {
        let findings = sd_jwt::findings(&sd, &report);
        report.findings.extend(findings);
    }
    Some(report)
}
