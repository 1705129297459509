//! Findings about secrets and personal data carried in the claims.

use crate::jwt::{Finding, Json, Severity};

/// Claim names that suggest secrets or personal data.
const SENSITIVE_NAMES: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "secret",
    "client_secret",
    "private_key",
    "privatekey",
    "api_key",
    "apikey",
    "ssn",
    "social_security",
    "credit_card",
    "card_number",
    "cardnumber",
    "cvv",
    "pin",
    "iban",
    "token_secret",
];

/// Names under which a Luhn-valid number is payment data (PCI DSS calls the
/// card number the primary account number, PAN).
const CARD_NAMES: &[&str] = &[
    "card",
    "pan",
    "cc",
    "cc_number",
    "ccnumber",
    "card_no",
    "creditcard",
    "primary_account_number",
];

pub(super) fn sensitive_findings(claims: &Json, out: &mut Vec<Finding>) {
    let mut hits: Vec<String> = Vec::new();
    visit(claims, "", &mut |path, key, value| {
        let named = SENSITIVE_NAMES.iter().any(|s| sensitive_name(key, s));
        // A card number is named as one, or written as one (4111 1111 1111
        // 1111): a Luhn-valid run of digits alone is as likely an account id.
        let card_named = CARD_NAMES.iter().any(|s| sensitive_name(key, s));
        let reason = if named {
            Some("its name")
        } else {
            match value {
                Json::String(s) if s.contains("PRIVATE KEY-----") => Some("a private key"),
                Json::String(s) if (card_named || card_grouped(s)) && luhn_card(s) => {
                    Some("a card number")
                }
                Json::Number(n) if card_named && luhn_card(n) => Some("a card number"),
                Json::String(s) if looks_like_ssn(s) => Some("a social security number"),
                _ => None,
            }
        };
        if let Some(reason) = reason
            && hits.len() < 5
        {
            hits.push(format!("{path}{key} ({reason})"));
        }
    });
    if !hits.is_empty() {
        out.push(Finding::new(
            "sensitive-claim",
            Severity::Danger,
            format!(
                "Sensitive-looking data in the payload: {}. The payload is only encoded, not encrypted: anyone holding the token can read it.",
                hits.join(", ")
            ),
            "RFC 8725 §3.5, RFC 7519 §12",
        ));
    }
}

/// `key` is `name`, or ends in `_name`, ignoring ASCII case; no allocation,
/// as this runs for every member of the payload.
fn sensitive_name(key: &str, name: &str) -> bool {
    let Some(start) = key.len().checked_sub(name.len()) else {
        return false;
    };
    let tail_matches = key
        .get(start..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case(name));
    tail_matches && (start == 0 || key.as_bytes().get(start - 1) == Some(&b'_'))
}

/// Calls `f(path, key, value)` for every object member, depth first.
fn visit(value: &Json, path: &str, f: &mut dyn FnMut(&str, &str, &Json)) {
    match value {
        Json::Object(members) => {
            for (key, child) in members {
                f(path, key, child);
                if matches!(child, Json::Object(_) | Json::Array(_)) {
                    visit(child, &format!("{path}{key}."), f);
                }
            }
        }
        Json::Array(items) => {
            for item in items {
                visit(item, path, f);
            }
        }
        _ => {}
    }
}

/// Written the way cards are printed: three or more groups of 4 to 6 digits,
/// the first of 4, separated by single spaces or single dashes.
fn card_grouped(text: &str) -> bool {
    let Some(sep) = text.chars().find(|c| *c == ' ' || *c == '-') else {
        return false;
    };
    let groups: Vec<&str> = text.split(sep).collect();
    groups.len() >= 3
        && groups.first().is_some_and(|g| g.len() == 4)
        && groups
            .iter()
            .all(|g| (4..=6).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
}

/// 13 to 19 digits (spaces or dashes allowed) passing the Luhn check.
fn luhn_card(text: &str) -> bool {
    if !(13..=25).contains(&text.len()) {
        return false;
    }
    if text
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
    {
        return false;
    }
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if !(13..=19).contains(&digits.len()) || digits.windows(2).all(|w| w.first() == w.last()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `123-45-6789`.
fn looks_like_ssn(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 11
        && b.iter().enumerate().all(|(i, c)| {
            if i == 3 || i == 6 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}
