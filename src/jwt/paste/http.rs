//! Tokens in HTTP headers and whole HTTP requests, as browsers' developer
//! tools copy them ("Copy request headers", a raw request).

use super::source::Source;
use super::url;
use super::{Collector, Request};

/// Reads one header into `found`. `place` maps the header's source (a HAR
/// entry names itself instead).
pub fn read_header(
    name: &str,
    value: &str,
    found: &mut Collector,
    place: &dyn Fn(Source) -> Source,
) {
    let name = name.trim().to_ascii_lowercase();
    let value = value.trim();
    match name.as_str() {
        "authorization" | "proxy-authorization" => {
            // RFC 6750 §2.1 (`Bearer`) and RFC 9449 §7.1 (`DPoP`).
            let credential = value
                .split_once(char::is_whitespace)
                .map_or(value, |(_, rest)| rest.trim());
            found.jwt_or_opaque(credential, place(Source::AuthorizationHeader));
        }
        "dpop" => {
            found.dpop_header();
            found.jwt_or_opaque(value, place(Source::DpopHeader));
        }
        "cookie" => read_cookies(value, found, &|n| place(Source::Cookie(n))),
        "set-cookie" => {
            let first = value.split(';').next().unwrap_or("");
            read_cookies(first, found, &|n| place(Source::SetCookie(n)));
        }
        _ => found.scan(value, &place(Source::Header(name.clone()))),
    }
}

/// `a=1; session=eyJ…`: every cookie whose value is a JWT.
pub fn read_cookies(text: &str, found: &mut Collector, place: &dyn Fn(String) -> Source) {
    for pair in text.split(';') {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        let value = url::percent_decode(value.trim().trim_matches('"'));
        found.scan(&value, &place(name.trim().to_owned()));
    }
}

/// Reads `Name: value` lines until the first empty one, leaving `lines` at
/// the body; returns whether any header was read. HTTP/2 pseudo-headers
/// (`:method`, `:path`, …) and `Host` fill in the request.
pub fn read_headers<'a>(
    lines: &mut std::iter::Peekable<std::str::Lines<'a>>,
    found: &mut Collector,
    request: &mut Option<Request>,
) -> bool {
    let mut any = false;
    let mut host = None;
    let (mut scheme, mut path) = (None, None);
    while let Some(line) = lines.peek() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            lines.next();
            break;
        }
        // A pseudo-header starts with its colon.
        let (name, value) = match line.strip_prefix(':') {
            Some(rest) => match rest.split_once(':') {
                Some((n, v)) => (format!(":{n}"), v),
                None => break,
            },
            None => match line.split_once(':') {
                Some((n, v)) if is_header_name(n) => (n.to_owned(), v),
                _ => break,
            },
        };
        lines.next();
        any = true;
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            ":method" => request.get_or_insert_with(Request::default).method = value.to_owned(),
            ":scheme" => scheme = Some(value.to_owned()),
            ":path" => path = Some(value.to_owned()),
            ":authority" | "host" => host = Some(value.to_owned()),
            _ => read_header(&name, value, found, &|s| s),
        }
    }
    if let (Some(request), Some(host)) = (request.as_mut(), host) {
        if let Some(path) = path {
            request.url = path;
        }
        if request.url.starts_with('/') {
            let scheme = scheme.unwrap_or_else(|| "https".to_owned());
            request.url = format!("{scheme}://{host}{}", request.url);
        }
    }
    any
}

/// An RFC 9110 §5.1 field name: a token of visible characters.
fn is_header_name(name: &str) -> bool {
    // Starting with a letter keeps log lines (`2026-12-04T10:00:00Z …`) out.
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// `GET /path HTTP/1.1`: the method and target of a request line.
pub fn request_line(line: &str) -> Option<Request> {
    let mut words = line.split_whitespace();
    let method = words.next()?;
    let target = words.next()?;
    let version = words.next()?;
    let is_method = method.bytes().all(|b| b.is_ascii_uppercase());
    (is_method && version.starts_with("HTTP/") && words.next().is_none()).then(|| Request {
        method: method.to_owned(),
        url: target.to_owned(),
    })
}

/// A raw HTTP request or a block of header lines: request line (optional),
/// headers, a blank line and a body. `None` when the text is neither.
pub fn read_request(text: &str, found: &mut Collector) -> Option<Option<Request>> {
    let mut lines = text.trim_start().lines().peekable();
    let mut request = lines.peek().and_then(|l| request_line(l.trim()));
    if request.is_some() {
        lines.next();
    }
    let headers = read_headers(&mut lines, found, &mut request);
    if !headers && request.is_none() {
        return None;
    }
    if let Some(r) = &request {
        url::read_url(&r.url, found, &|s| s);
    }
    let body: Vec<&str> = lines.collect();
    let body = body.join("\n");
    super::read_body(body.trim(), found, &|s| s);
    Some(request)
}
