//! From pasted text to a [`Report`]: everything that can be read, and why the rest cannot.

use std::ops::Range;

use super::base64url::{self, Alphabet, Fault};
use super::error::{Error, Part};
use super::findings::{Finding, Severity};
use super::header::{Alg, HmacAlg};
use super::json::{self, Json};
use super::keys;
use super::time::{self, NumericDate, TimeClaim, TokenStatus};
use super::token::{self, Cleaned};
use super::verify::{self, Secret};

/// The longest cleaned token JWT Lens decodes: 2 MiB, a thousand times the
/// largest header most servers accept, and small enough to decode and render
/// well within a frame budget of a few hundred milliseconds.
pub const MAX_TOKEN_BYTES: usize = 2 * 1024 * 1024;

/// Everything JWT Lens could read from pasted text.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The compact token and what was stripped from the paste.
    pub cleaned: Cleaned,
    /// Byte ranges of the dot-separated segments in `cleaned.token`.
    pub segments: Vec<Range<usize>>,
    /// The decoded header, if its segment was present and base64.
    pub header: Option<Section>,
    /// The decoded payload, if its segment was present, base64 and not encrypted.
    pub payload: Option<Section>,
    /// The signature bytes, for a three-segment token whose last segment decodes.
    pub signature: Option<Vec<u8>>,
    /// Why parts could not be read, most fundamental first. Empty for a good token.
    pub errors: Vec<Error>,
    /// Oddities found while decoding (encoding, `alg`, signature length).
    pub findings: Vec<Finding>,
}

/// One decoded JSON segment: header or payload.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The decoded bytes as text (lossy where they were not UTF-8).
    pub text: String,
    /// The parsed object, when the text is a JSON object.
    pub json: Option<Json>,
    /// `json`, pretty-printed with exact numbers.
    pub pretty: Option<String>,
}

/// Reads pasted text. Returns `None` for input that is empty after cleaning.
pub fn inspect(input: &str) -> Option<Report> {
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
    report.segments = token::segments(&report.cleaned.token);
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
    report.findings.extend(alg_findings(&report));
    report
        .findings
        .extend(super::insight::token_findings(&report));
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

/// Findings about `alg` and the signature's length.
fn alg_findings(report: &Report) -> Vec<Finding> {
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

impl Report {
    /// The first error: the one that names the page's `#token-error` kind.
    pub fn primary_error(&self) -> Option<&Error> {
        self.errors.first()
    }

    /// The header's `alg`, when the header is an object with a string `alg`.
    pub fn alg(&self) -> Option<Alg> {
        let header = self.header.as_ref()?.json.as_ref()?;
        header.get("alg")?.as_str().map(Alg::parse)
    }

    /// The header's `kid`, when it is a string.
    pub fn kid(&self) -> Option<&str> {
        self.header.as_ref()?.json.as_ref()?.get("kid")?.as_str()
    }

    /// The payload object, when the payload is a JSON object.
    pub fn claims(&self) -> Option<&Json> {
        self.payload.as_ref()?.json.as_ref()
    }

    /// The text of segment `i`, if there is one.
    pub fn segment_text(&self, i: usize) -> Option<&str> {
        let range = self.segments.get(i)?;
        self.cleaned.token.get(range.clone())
    }

    /// The bytes a JWS signature covers: `header.payload` as written (RFC 7515 §5.1).
    pub fn signing_input(&self) -> Option<&str> {
        let end = self.segments.get(1)?.end;
        self.cleaned.token.get(..end)
    }

    /// The time claims that are present, read as NumericDates.
    pub fn time_claims(&self) -> Vec<(TimeClaim, NumericDate)> {
        let Some(claims) = self.claims() else {
            return Vec::new();
        };
        TimeClaim::ALL
            .into_iter()
            .filter_map(|claim| {
                claims
                    .get(claim.name())
                    .map(|v| (claim, time::numeric_date(v)))
            })
            .collect()
    }

    /// A time claim in seconds, when present and a usable NumericDate.
    pub fn time_claim(&self, claim: TimeClaim) -> Option<i64> {
        match time::numeric_date(self.claims()?.get(claim.name())?) {
            NumericDate::Seconds(s) => Some(s),
            NumericDate::Invalid(_) => None,
        }
    }

    /// Whether the token is valid at `now` by its `exp` and `nbf`; `None`
    /// when there is no readable payload.
    pub fn status(&self, now: i64, leeway: i64) -> Option<TokenStatus> {
        self.claims()?;
        Some(time::status(
            self.time_claim(TimeClaim::Exp),
            self.time_claim(TimeClaim::Nbf),
            now,
            leeway,
        ))
    }
}

/// Which algorithm verification uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AlgChoice {
    /// The token's own `alg`, when it is one JWT Lens supports; shown on the page.
    #[default]
    FromToken,
    /// Exactly this algorithm; a token that says otherwise does not verify.
    Fixed(HmacAlg),
}

/// The outcome of checking a token's signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureStatus {
    /// The signature matches under `alg` and the secret or public key.
    Valid { alg: Alg },
    /// Checked and refused, with why.
    Invalid { alg: Alg, reason: String },
    /// Not checked: no secret yet, or nothing to check; with why.
    Unverified { reason: String },
    /// `alg: none`: there is no signature to check, and the token must not be trusted.
    Unsigned,
    /// The token's `alg` is not one JWT Lens can verify.
    Unsupported { alg: String },
}

impl SignatureStatus {
    /// The page's `data-state`: `valid`, `invalid`, `unverified`, `unsigned` or `unsupported`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SignatureStatus::Valid { .. } => "valid",
            SignatureStatus::Invalid { .. } => "invalid",
            SignatureStatus::Unverified { .. } => "unverified",
            SignatureStatus::Unsigned => "unsigned",
            SignatureStatus::Unsupported { .. } => "unsupported",
        }
    }

    /// One sentence for the page.
    pub fn message(&self) -> String {
        let mut supported = HmacAlg::ALL.map(HmacAlg::name).to_vec();
        supported.extend(keys::SUPPORTED);
        let supported = supported.join(", ");
        match self {
            SignatureStatus::Valid { alg } => {
                let with = if matches!(alg, Alg::Hmac(_)) { "secret" } else { "public key" };
                format!("Signature verified with {alg} and this {with}.")
            }
            SignatureStatus::Invalid { alg, reason } => format!("Invalid signature ({alg}): {reason}."),
            SignatureStatus::Unverified { reason } => format!("Not verified: {reason}."),
            SignatureStatus::Unsigned => {
                "Unsigned: alg is none, so there is no signature and anyone could have written this token.".to_owned()
            }
            SignatureStatus::Unsupported { alg } => {
                format!("Cannot verify alg {alg}: JWT Lens verifies {supported}.")
            }
        }
    }
}

/// Checks the HMAC signature of a decoded token with a secret.
///
/// The algorithm is the caller's `choice`, never silently the token's: with
/// [`AlgChoice::FromToken`] the token's `alg` is used only if it is an HMAC
/// algorithm, and with [`AlgChoice::Fixed`] a token whose `alg` differs fails.
/// `secret` is `None` when nothing was typed. A token with a public-key `alg`
/// is never checked with a secret (that is algorithm confusion): it waits for
/// a public key ([`keys::check`]), and a secret that *is* a public key is refused.
pub fn verify(
    report: &Report,
    choice: AlgChoice,
    secret: Option<Result<Secret, Error>>,
) -> SignatureStatus {
    let token_alg = report.alg();
    if token_alg == Some(Alg::None) {
        return SignatureStatus::Unsigned;
    }
    let (Some(signing_input), Some(_)) = (report.signing_input(), report.header.as_ref()) else {
        return unverified("the token could not be read");
    };
    if report.segments.len() != 3 {
        return unverified("only a three-segment JWS has a signature to check");
    }
    let alg = match (choice, &token_alg) {
        (AlgChoice::Fixed(alg), _) => alg,
        (AlgChoice::FromToken, Some(Alg::Hmac(alg))) => *alg,
        (AlgChoice::FromToken, Some(other)) if keys::is_public_key_alg(other) => {
            let reason = if secret.is_some() {
                format!(
                    "{other} is verified with the issuer's public key, never with a secret \
                     (using one would be algorithm confusion): paste the public key"
                )
            } else {
                format!(
                    "paste the issuer's public key (PEM, JWK or JWKS) to check this {other} signature"
                )
            };
            return unverified(&reason);
        }
        (AlgChoice::FromToken, Some(other)) => {
            return SignatureStatus::Unsupported {
                alg: other.to_string(),
            };
        }
        (AlgChoice::FromToken, None) => {
            return SignatureStatus::Unsupported {
                alg: "(missing)".to_owned(),
            };
        }
    };
    let secret = match secret {
        None => return unverified("enter the secret to check the signature"),
        Some(Err(e)) => return unverified(&e.to_string()),
        Some(Ok(secret)) => secret,
    };
    let alg_name = alg;
    let alg = Alg::Hmac(alg_name);
    // The classic forgery (CVE-2015-9235 and its kin): a token re-signed with
    // HS256 using the issuer's *public* key as the secret. It verifies against
    // a careless server, and here it would too, so it is refused outright.
    if keys::looks_like_public_key(secret.as_bytes()) {
        return SignatureStatus::Invalid {
            alg,
            reason: "this secret is a public key. Checking an HMAC with a public key is the \
                     algorithm-confusion attack: the key is public, so anyone could have made this \
                     MAC, and a token that verifies this way proves nothing"
                .to_owned(),
        };
    }
    if token_alg.as_ref() != Some(&alg) {
        let says = token_alg.map_or_else(|| "no alg".to_owned(), |a| format!("alg {a}"));
        let reason = format!("the token says {says}, but you chose to verify {alg}");
        return SignatureStatus::Invalid { alg, reason };
    }
    let Some(signature) = report.signature.as_ref() else {
        return SignatureStatus::Invalid {
            alg,
            reason: "the signature segment is not base64url".to_owned(),
        };
    };
    if !verify::verify_hmac(alg_name, &secret, signing_input.as_bytes(), signature) {
        return SignatureStatus::Invalid {
            alg,
            reason: "the signature does not match this secret".to_owned(),
        };
    }
    // A MAC that matches only after lenient decoding (standard alphabet,
    // padding, or stray bits in the last character) is refused, as strict
    // libraries refuse it: the token as written is not the one that was signed.
    if report.segment_text(2) != Some(base64url::encode(signature).as_str()) {
        SignatureStatus::Invalid {
            alg,
            reason: "the MAC matches, but the signature segment is not canonical base64url \
                     (RFC 7515 §2), so strict libraries reject this token as written"
                .to_owned(),
        }
    } else {
        SignatureStatus::Valid { alg }
    }
}

fn unverified(reason: &str) -> SignatureStatus {
    SignatureStatus::Unverified {
        reason: reason.to_owned(),
    }
}
