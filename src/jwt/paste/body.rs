//! Tokens in a body: an OAuth token response or any JSON, a form, or text.

use super::source::Source;
use super::{Collector, url};
use crate::jwt::json::{self, Json};

/// Reads a request or response body: JSON (a token response, RFC 6749
/// §5.1), a form (`grant_type=refresh_token&refresh_token=…`), or text.
pub fn read_body(body: &str, found: &mut Collector, place: &dyn Fn(Source) -> Source) {
    let body = body.trim();
    if body.is_empty() {
        return;
    }
    if body.starts_with(['{', '['])
        && let Ok(value) = json::parse(body)
    {
        read_json(&value, found, place);
        return;
    }
    let form =
        !body.contains(char::is_whitespace) && body.contains('=') && !body.starts_with("eyJ");
    if form {
        url::read_params(body, found, &|name| place(Source::Form(name)));
    } else {
        found.scan(body, &place(Source::Text));
    }
}

/// Walks a JSON value: every string member that is a JWT, or an opaque
/// value under a token parameter's name; `expires_in` and `state` too.
pub fn read_json(value: &Json, found: &mut Collector, place: &dyn Fn(Source) -> Source) {
    // An explicit stack: a deep HAR body must not overflow ours.
    let mut stack: Vec<(Option<&str>, &Json)> = vec![(None, value)];
    while let Some((key, value)) = stack.pop() {
        match value {
            Json::Object(members) => {
                for (k, v) in members.iter().rev() {
                    stack.push((Some(k.as_str()), v));
                }
            }
            Json::Array(items) => {
                for item in items.iter().rev() {
                    stack.push((key, item));
                }
            }
            Json::String(s) => {
                let name = key.unwrap_or("");
                found.param(name, s.trim(), place(Source::Json(name.to_owned())));
            }
            Json::Number(n) if key == Some("expires_in") => {
                found.param(
                    "expires_in",
                    n,
                    place(Source::Json("expires_in".to_owned())),
                );
            }
            _ => {}
        }
    }
}
