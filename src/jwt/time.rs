//! NumericDate claims (`exp`, `nbf`, `iat`) against a clock the caller supplies.
//!
//! The core never reads the clock: `now` is always a parameter, in seconds
//! since the Unix epoch, so results are deterministic and testable.

use super::json::Json;

/// One of the time claims of RFC 7519 §4.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeClaim {
    /// `exp`: expiration time (RFC 7519 §4.1.4).
    Exp,
    /// `nbf`: not before (RFC 7519 §4.1.5).
    Nbf,
    /// `iat`: issued at (RFC 7519 §4.1.6).
    Iat,
}

impl TimeClaim {
    /// The three time claims, in the order they are shown.
    pub const ALL: [TimeClaim; 3] = [TimeClaim::Iat, TimeClaim::Nbf, TimeClaim::Exp];

    /// The claim's name in the payload.
    pub fn name(self) -> &'static str {
        match self {
            TimeClaim::Exp => "exp",
            TimeClaim::Nbf => "nbf",
            TimeClaim::Iat => "iat",
        }
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            TimeClaim::Exp => "Expires",
            TimeClaim::Nbf => "Not before",
            TimeClaim::Iat => "Issued",
        }
    }
}

/// A time claim's value, read as a NumericDate (RFC 7519 §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumericDate {
    /// Whole seconds since the epoch (a fraction is dropped, towards the past).
    Seconds(i64),
    /// A value that is not a usable NumericDate, with why, for people.
    Invalid(String),
}

/// Reads a claim value as a NumericDate.
pub fn numeric_date(value: &Json) -> NumericDate {
    let Json::Number(raw) = value else {
        return NumericDate::Invalid(format!(
            "{} instead of a number of seconds",
            value.type_name()
        ));
    };
    match parse_seconds(raw) {
        Some(secs) => NumericDate::Seconds(secs),
        None => NumericDate::Invalid(format!("{raw} is not a date JWT Lens can show")),
    }
}

/// Whole seconds (rounded towards the past) from JSON number text, for
/// values within ±6.3e12 seconds (about ±200,000 years).
///
/// Decimal arithmetic on the digits instead of `f64`: exact for every input,
/// and it keeps the float-parsing tables out of the wasm.
fn parse_seconds(raw: &str) -> Option<i64> {
    const LIMIT: u64 = 6_300_000_000_000;
    const MAX_DIGITS: usize = 13;
    let (negative, unsigned) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (unsigned.get(..i)?, unsigned.get(i + 1..)?),
        None => (unsigned, "0"),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int_part.chars().chain(frac_part.chars()).collect();
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    let exponent: i64 = match exponent.trim_start_matches('+').parse() {
        Ok(e) => e,
        // An exponent too long for i64 on a non-zero value is out of range anyway.
        Err(_) => return None,
    };
    // value = digits × 10^scale
    let scale = exponent.checked_sub(i64::try_from(frac_part.len()).ok()?)?;
    let (whole, has_fraction) = if scale >= 0 {
        if digits.len() as i64 + scale > MAX_DIGITS as i64 {
            return None;
        }
        let base: u64 = digits.parse().ok()?;
        (
            base.checked_mul(10u64.checked_pow(u32::try_from(scale).ok()?)?)?,
            false,
        )
    } else {
        let keep = digits.len() as i64 + scale;
        let (kept, dropped) = if keep <= 0 {
            ("", digits)
        } else {
            digits.split_at(usize::try_from(keep).ok()?)
        };
        if kept.len() > MAX_DIGITS {
            return None;
        }
        let whole = if kept.is_empty() {
            0
        } else {
            kept.parse().ok()?
        };
        (whole, dropped.bytes().any(|b| b != b'0'))
    };
    if whole > LIMIT {
        return None;
    }
    let whole = i64::try_from(whole).ok()?;
    Some(if negative {
        -whole - i64::from(has_fraction)
    } else {
        whole
    })
}

/// Formats seconds since the epoch as ISO 8601 UTC: `2018-01-18T01:30:22Z`.
pub fn format_utc(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{year:+05}")
    };
    format!(
        "{year}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day), after
/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A duration in the largest units that keep it readable: `45 s`, `14 min`,
/// `3 h 5 min`, `2 d 4 h`, `30 d`, `2.5 years`.
pub fn human_duration(secs: i64) -> String {
    let s = secs.unsigned_abs();
    const MIN: u64 = 60;
    const HOUR: u64 = 3600;
    const DAY: u64 = 86_400;
    const YEAR: u64 = 31_557_600; // 365.25 days
    match s {
        0..MIN => format!("{s} s"),
        MIN..HOUR => format!("{} min", s / MIN),
        HOUR..DAY => match s % HOUR / MIN {
            0 => format!("{} h", s / HOUR),
            m => format!("{} h {m} min", s / HOUR),
        },
        DAY..YEAR => match (s / DAY, s % DAY / HOUR) {
            (d, h) if d < 7 && h > 0 => format!("{d} d {h} h"),
            (d, _) => format!("{d} d"),
        },
        _ => {
            let tenths = s * 10 / YEAR;
            match tenths % 10 {
                0 => format!("{} years", tenths / 10),
                t => format!("{}.{t} years", tenths / 10),
            }
        }
    }
}

/// `in 14 min` for a future instant, `3 h ago` for a past one, `now` within a second.
pub fn relative(target: i64, now: i64) -> String {
    let delta = target.saturating_sub(now);
    match delta {
        0 => "now".to_owned(),
        d if d > 0 => format!("in {}", human_duration(d)),
        d => format!("{} ago", human_duration(d)),
    }
}

/// Whether the token is usable at a moment, from `exp` and `nbf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenStatus {
    /// `nbf` (if any) has passed and `exp` has not.
    Valid,
    /// `exp` is at or before now (RFC 7519 §4.1.4: now must be *before* `exp`).
    Expired,
    /// `nbf` is after now.
    NotYetValid,
    /// No usable `exp`, and `nbf` (if any) has passed: the token never expires.
    NoExp,
}

impl TokenStatus {
    /// The page's `data-state`: `valid`, `expired`, `not-yet-valid` or `no-exp`.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenStatus::Valid => "valid",
            TokenStatus::Expired => "expired",
            TokenStatus::NotYetValid => "not-yet-valid",
            TokenStatus::NoExp => "no-exp",
        }
    }
}

/// The status at `now`, allowing `leeway` seconds of clock skew either way.
pub fn status(exp: Option<i64>, nbf: Option<i64>, now: i64, leeway: i64) -> TokenStatus {
    let leeway = leeway.max(0);
    match (exp, nbf) {
        (Some(exp), _) if now >= exp.saturating_add(leeway) => TokenStatus::Expired,
        (_, Some(nbf)) if now < nbf.saturating_sub(leeway) => TokenStatus::NotYetValid,
        (None, _) => TokenStatus::NoExp,
        (Some(_), _) => TokenStatus::Valid,
    }
}
