//! Tokens in a URL's query or fragment, and in form-encoded bodies.
//!
//! A URL is split at `?` and `#` before anything is looked at, so its dots
//! (`api.example.com`) are never taken for token segments.

use super::Collector;
use super::source::Source;

/// Parameters whose value is listed even when it is not a JWT.
pub const OPAQUE_PARAMS: [&str; 5] = ["access_token", "refresh_token", "id_token", "code", "token"];

/// `%XX` and (in forms) `+` decoded; malformed escapes are kept as written.
pub fn percent_decode(text: &str) -> String {
    if !text.contains(['%', '+']) {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|&h| char::from(h).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                // OK to truncate: two hex digits are at most 255.
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', ..) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `name=value` pairs of a query, fragment or form body, decoded.
pub fn params(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    text.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(name), percent_decode(value))
    })
}

/// Looks like a URL (absolute, or a path with a query or fragment).
pub fn is_url(text: &str) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace)
        && (t.starts_with("http://") || t.starts_with("https://") || t.contains("://"))
}

/// The URL without query and fragment: what DPoP's `htu` names (RFC 9449 §4.3).
pub fn without_query(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    url.get(..end).unwrap_or(url)
}

/// Reads the query and fragment parameters of `url` into `found`, each
/// source passed through `place` (a HAR entry names itself instead).
pub fn read_url(url: &str, found: &mut Collector, place: &dyn Fn(Source) -> Source) {
    let (before_fragment, fragment) = url.split_once('#').unwrap_or((url, ""));
    let query = before_fragment.split_once('?').map_or("", |(_, q)| q);
    read_params(query, found, &|name| place(Source::Query(name)));
    read_params(fragment, found, &|name| place(Source::Fragment(name)));
}

/// Reads `name=value&…` into `found`: every JWT, and opaque values of the
/// parameters in [`OPAQUE_PARAMS`]; `state` and `expires_in` are kept for
/// the cross-checks.
pub fn read_params(text: &str, found: &mut Collector, place: &dyn Fn(String) -> Source) {
    for (name, value) in params(text) {
        found.param(&name, value.trim(), place(name.clone()));
    }
}
