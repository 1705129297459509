//! Findings about the JOSE header: alg, keys it names, kid, crit, typ, zip.

use super::claims::compact;
use super::evidence::media_type;
use crate::jwt::chars::escape_invisible;
use crate::jwt::findings::{Finding, Severity};
use crate::jwt::header::Alg;
use crate::jwt::{Json, Report};

pub(super) fn header_findings(report: &Report, out: &mut Vec<Finding>) {
    let Some(header) = report.header.as_ref().and_then(|h| h.json.as_ref()) else {
        return;
    };
    key_findings(header, out);
    if let Some(kid) = header.get("kid") {
        let text = kid.as_str().unwrap_or_default();
        let suspicious = [
            "../", "..\\", "'", "\"", ";", "|", "`", "$(", "\0", "/etc/", "/dev/",
        ]
        .into_iter()
        .find(|pattern| text.contains(pattern));
        if let Some(pattern) = suspicious {
            out.push(Finding::new(
                "suspicious-kid",
                Severity::Warning,
                format!(
                    "kid contains \"{}\", which looks like path traversal or injection: a server that uses kid in a file path, \
                     SQL query or command could be tricked into using a key the attacker chose.",
                    escape_invisible(pattern)
                ),
                "RFC 8725 §3.10",
            ));
        } else if kid.as_str().is_none() {
            out.push(Finding::new(
                "suspicious-kid",
                Severity::Warning,
                format!("kid is {}, but it must be a string.", kid.type_name()),
                "RFC 7515 §4.1.4",
            ));
        }
    }
    if header.get("crit").is_some() {
        out.push(Finding::new(
            "crit-header",
            Severity::Warning,
            "The header has crit: a recipient that does not understand every listed extension must reject the token.",
            "RFC 7515 §4.1.11",
        ));
    }
    if let Some(typ) = header.get("typ")
        && !expected_typ(typ)
    {
        out.push(Finding::new(
            "unexpected-typ",
            Severity::Info,
            format!(
                "typ is {}, not JWT or an explicit +jwt type: check that this is the kind of token the verifier expects.",
                compact(typ)
            ),
            "RFC 7519 §5.1, RFC 8725 §3.11",
        ));
    }
    if header.get("zip").is_some() && report.segments.len() == 3 {
        out.push(Finding::new(
            "zip-jws",
            Severity::Warning,
            "zip is defined only for JWE; on a signed JWT it is ignored or rejected, and compression before encryption can leak data.",
            "RFC 7516 §4.1.3, RFC 8725 §3.6",
        ));
    }
}

/// Findings about `alg` and the signature's length.
pub(super) fn alg_findings(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(header) = report.header.as_ref().and_then(|h| h.json.as_ref()) else {
        return findings;
    };
    let is_jwe = report.segments.len() == 5;
    match header.get("alg") {
        None => findings.push(Finding::new(
            "alg-missing",
            Severity::Danger,
            "The header has no alg, which every JWS and JWE must have: a verifier cannot know how the token is protected.",
            "RFC 7515 §4.1.1",
        )),
        Some(Json::String(_)) => {}
        Some(other) => findings.push(Finding::new(
            "alg-unknown",
            Severity::Danger,
            format!("alg is {}, but it must be a string naming an algorithm.", other.type_name()),
            "RFC 7515 §4.1.1",
        )),
    }
    if is_jwe {
        return findings;
    }
    match report.alg() {
        Some(Alg::None) => findings.push(Finding::new(
            "alg-none",
            Severity::Danger,
            "alg is none: the token is unsigned, so anyone can forge it; never accept it where trust matters.",
            "RFC 7518 §3.6, RFC 8725 §3.1",
        )),
        Some(alg) if alg.is_ml_dsa() => findings.push(Finding::new(
            "alg-unknown",
            Severity::Info,
            format!(
                "alg {alg} is ML-DSA, a post-quantum signature (FIPS 204): few libraries verify it yet; \
                 JWT Lens verifies it with the issuer's AKP public key (JWK or PEM)."
            ),
            "RFC 9964",
        )),
        Some(Alg::Unknown(name)) => findings.push(Finding::new(
            "alg-unknown",
            Severity::Danger,
            format!("alg \"{name}\" is not a registered JWS algorithm, so no standard library will verify it."),
            "RFC 7518 §3.1",
        )),
        _ => {}
    }
    if let (Some(alg), Some(signature)) = (report.alg(), report.signature.as_ref()) {
        let (fits, why) = alg.judge_signature_length(signature.len());
        if !fits {
            findings.push(Finding::new(
                "signature-length",
                Severity::Warning,
                format!("The signature does not fit alg {alg}: {why}."),
                "RFC 7518 §3",
            ));
        }
    }
    findings
}

/// Token types that declare a proof of possession of the key in their own
/// `jwk` header, which their specifications require.
const PROOF_TYPES: &[&str] = &[
    // RFC 9449 §4.2: the DPoP proof carries the public key it is signed with.
    "dpop+jwt",
    // OpenID for Verifiable Credential Issuance 1.0 §F.1: the key proof.
    "openid4vci-proof+jwt",
];

/// `jku`/`x5u` (keys fetched from a URL) and a `jwk` outside a proof of
/// possession are danger; an `x5c` chain alone is a warning, since a verifier
/// that validates it to a pinned root is safe (RFC 7515 §4.1.6).
fn key_findings(header: &Json, out: &mut Vec<Finding>) {
    let proof = media_type(header).is_some_and(|t| PROOF_TYPES.contains(&t.as_str()));
    let named: Vec<&str> = ["jku", "jwk", "x5u", "x5c"]
        .into_iter()
        .filter(|p| header.get(p).is_some())
        .filter(|p| !(proof && *p == "jwk"))
        .collect();
    if named.is_empty() {
        return;
    }
    let chain_only = named == ["x5c"];
    out.push(Finding::new(
        "key-injection-header",
        if chain_only {
            Severity::Warning
        } else {
            Severity::Danger
        },
        if chain_only {
            "The header embeds a certificate chain (x5c): trust it only if the chain validates to a root you pinned, \
             never because the token carries it. JWT Lens never fetches or trusts these."
                .to_owned()
        } else {
            format!(
                "The header names its own key ({}): a verifier that fetches or trusts it lets an attacker sign with their own key. \
                 Verify only against keys you configured; JWT Lens never fetches or trusts these.",
                named.join(", ")
            )
        },
        "RFC 8725 §3.10, RFC 7515 §4.1.2-4.1.6",
    ));
}

/// `JWT`, `JOSE` and explicit types (`at+jwt`, `dpop+jwt`, `dc+sd-jwt`, …),
/// with or without `application/` (RFC 7515 §4.1.9, RFC 8725 §3.11).
fn expected_typ(typ: &Json) -> bool {
    let Some(text) = typ.as_str() else {
        return false;
    };
    let lower = text.trim().to_ascii_lowercase();
    let media = lower.strip_prefix("application/").unwrap_or(&lower);
    matches!(media, "jwt" | "jose" | "jose+json" | "jwe" | "sd-jwt")
        || media.ends_with("+jwt")
        || media.ends_with("+sd-jwt")
}
