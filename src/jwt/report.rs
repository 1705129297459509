//! [`Report`]: everything read from pasted text, and plain accessors over it.
//!
//! Data only: the rules that judge a token live in `insight`, `validation`
//! and `verify`, which read a report but are never read by it.

use std::ops::Range;

use super::error::Error;
use super::findings::Finding;
use super::header::Alg;
use super::json::Json;
use super::time::{self, NumericDate, TimeClaim, TokenStatus};
use super::token::Cleaned;

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
