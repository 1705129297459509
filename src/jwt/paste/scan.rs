//! JWT-shaped runs in any text: `eyJ…` with two or four dots.

/// A character a compact JWS or JWE may contain (base64url and `.`).
pub fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// `value` is one compact JWS (three segments) or JWE (five), with a header
/// that starts as a JSON object does (`eyJ` is base64url for `{"`).
pub fn is_jwt(value: &str) -> bool {
    let bytes = value.as_bytes();
    if !value.starts_with("eyJ") || !bytes.iter().all(|&b| is_token_byte(b)) {
        return false;
    }
    let parts: Vec<&str> = value.split('.').collect();
    match parts.as_slice() {
        // A JWS: the signature is empty for `alg: none`.
        [_, payload, _] => !payload.is_empty(),
        // A JWE: the encrypted key is empty for `alg: dir`.
        [_, _, iv, ciphertext, tag] => ![iv, ciphertext, tag].iter().any(|p| p.is_empty()),
        _ => false,
    }
}

/// Every JWT-shaped run in `text`, in order, as byte ranges. One pass.
///
/// A run counts only when what surrounds it could not be part of a token:
/// a run followed by `=`, `+` or `/` is standard base64 that would decode
/// differently, and one touching a non-ASCII character may be cut by an
/// invisible character that the single-token decoder should report.
pub fn jwt_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // The substring search skips most of a large paste without looking at
    // each byte in Rust code.
    let mut next = 0;
    for (i, _) in text.match_indices("eyJ") {
        if i < next {
            continue;
        }
        let starts = i == 0 || bytes.get(i - 1).is_some_and(|&b| !is_token_byte(b));
        if !starts {
            continue;
        }
        let end = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| !is_token_byte(b)))
            .map_or(bytes.len(), |n| i + n);
        let before = i.checked_sub(1).and_then(|j| bytes.get(j)).copied();
        let after = bytes.get(end).copied();
        let clean_edge = |b: Option<u8>, forbidden: &[u8]| {
            b.is_none_or(|b| b.is_ascii() && !forbidden.contains(&b))
        };
        // A dot after the signature ends a sentence, unless the signature
        // is empty (`alg: none`).
        let stop = if text.get(i..end).is_some_and(is_jwt) {
            end
        } else {
            let trimmed = text.get(i..end).map_or("", |t| t.trim_end_matches('.'));
            i + trimmed.len()
        };
        if clean_edge(before, b"+/")
            && clean_edge(after, b"=+/")
            && text.get(i..stop).is_some_and(is_jwt)
        {
            out.push(i..stop);
        }
        next = end;
    }
    out
}
