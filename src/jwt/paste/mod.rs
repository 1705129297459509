//! Every token in what people copy while debugging a login flow (issue 14):
//! an HTTP request, a `curl` command, cookies, a redirect URL, a token
//! response, a HAR file, or any text with JWTs in it.
//!
//! Read only: nothing in the paste is executed or fetched. Each extractor
//! makes one pass over its text, so a 5 MB HAR costs what reading it does.
//! Only the composers (`flow`, the page) use this module.

mod body;
mod curl;
mod har;
mod http;
mod reading;
mod scan;
mod shell;
mod source;
mod url;

use std::collections::HashMap;

pub use reading::{HarProgress, Reading};
pub use scan::{is_jwt, jwt_runs};
pub use source::{HarPart, Source};
pub use url::without_query;

use crate::jwt::token::clean;
use reading::HarReading;

/// Whether a found value is a JWT or a value that is only listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A compact JWS or JWE: decoded when picked.
    Jwt,
    /// A value under a token's name that is not a JWT (an opaque refresh
    /// token, an authorization `code`): listed, never decoded.
    Opaque,
}

/// One distinct token and every place it was seen, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The token as it appears (percent-decoding and quoting undone).
    pub value: String,
    /// JWT or opaque.
    pub kind: Kind,
    /// Every place it was seen, first first; never empty.
    pub places: Vec<Source>,
}

impl Found {
    /// `true` when one of its places is named `name` (`access_token`,
    /// `code`, …) in a query, fragment, JSON member or form.
    pub fn named(&self, name: &str) -> bool {
        self.places.iter().any(|p| match p {
            Source::Query(n) | Source::Fragment(n) | Source::Json(n) | Source::Form(n) => n == name,
            _ => false,
        })
    }

    /// Every place as one text: `json:id_token, fragment:id_token`.
    pub fn places_text(&self) -> String {
        let places: Vec<String> = self.places.iter().map(Source::to_string).collect();
        places.join(", ")
    }
}

/// The request a paste describes, for DPoP's `htm` and `htu`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    /// The method, `GET` when the paste does not say.
    pub method: String,
    /// The URL as written: absolute, or `https://` + `Host` for a raw request.
    pub url: String,
}

/// What kind of text the paste was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A HAR file.
    Har,
    /// A `curl` or PowerShell command.
    Command,
    /// An HTTP request or header lines.
    Http,
    /// A URL.
    Url,
    /// A JSON document such as a token response.
    Json,
    /// Text in which JWTs were found.
    Text,
}

impl Form {
    /// "a HAR file", … for the page's note.
    pub fn label(self) -> &'static str {
        match self {
            Form::Har => "a HAR file",
            Form::Command => "a command line",
            Form::Http => "an HTTP request",
            Form::Url => "a URL",
            Form::Json => "a JSON document",
            Form::Text => "text",
        }
    }
}

/// Everything found in one paste.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// What the paste was.
    pub form: Form,
    /// Each distinct token, in the order first seen.
    pub tokens: Vec<Found>,
    /// The first `expires_in` seen (RFC 6749 §5.1), in seconds.
    pub expires_in: Option<i64>,
    /// The first `state` seen (RFC 6749 §4.1.2).
    pub state: Option<String>,
    /// The request the paste describes, if it describes one.
    pub request: Option<Request>,
}

impl Extraction {
    /// The first token that was seen with `name`, as a JWT or opaque.
    pub fn named(&self, name: &str) -> Option<&Found> {
        self.tokens.iter().find(|t| t.named(name))
    }

    /// The value to decode: `picked` when it is one of the JWTs found,
    /// else the first JWT.
    pub fn pick(&self, picked: Option<&str>) -> Option<&str> {
        let mut jwts = self.tokens.iter().filter(|t| t.kind == Kind::Jwt);
        let first = jwts.clone().next();
        picked
            .and_then(|p| jwts.find(|t| t.value == p))
            .or(first)
            .map(|t| t.value.as_str())
    }

    /// One line for the page: "Found 3 tokens in a JSON document: …".
    pub fn note(&self) -> String {
        // A HAR names a token in many entries: the first place and a count.
        let list: Vec<String> = self
            .tokens
            .iter()
            .map(|t| match t.places.as_slice() {
                [one] => one.to_string(),
                [first, rest @ ..] => format!("{first} and {} more", rest.len()),
                [] => String::new(),
            })
            .collect();
        let n = self.tokens.len();
        format!(
            "Found {n} token{} in {}: {}.",
            if n == 1 { "" } else { "s" },
            self.form.label(),
            list.join("; ")
        )
    }
}

/// Collects tokens, keeping one entry per distinct value with all its places.
#[derive(Default)]
pub struct Collector {
    tokens: Vec<Found>,
    index: HashMap<String, usize>,
    expires_in: Option<i64>,
    state: Option<String>,
    dpop: usize,
}

impl Collector {
    fn add(&mut self, value: &str, kind: Kind, place: Source) {
        if value.is_empty() {
            return;
        }
        match self.index.get(value) {
            Some(&i) => {
                if let Some(found) = self.tokens.get_mut(i)
                    && !found.places.contains(&place)
                {
                    found.places.push(place);
                }
            }
            None => {
                self.index.insert(value.to_owned(), self.tokens.len());
                self.tokens.push(Found {
                    value: value.to_owned(),
                    kind,
                    places: vec![place],
                });
            }
        }
    }

    /// Counts a `DPoP` header, so a HAR knows which request carried one.
    fn dpop_header(&mut self) {
        self.dpop += 1;
    }

    /// How many `DPoP` headers were read so far.
    fn dpop_seen(&self) -> usize {
        self.dpop
    }

    /// What was collected, from a paste of `form` that describes `request`.
    fn into_extraction(self, form: Form, request: Option<Request>) -> Extraction {
        Extraction {
            form,
            tokens: self.tokens,
            expires_in: self.expires_in,
            state: self.state,
            request: request.filter(|r| !r.url.is_empty()),
        }
    }

    /// A value that is a token by where it stands (an `Authorization` or
    /// `DPoP` header): listed even when opaque.
    fn jwt_or_opaque(&mut self, value: &str, place: Source) {
        let value = value.trim().trim_matches('"');
        let kind = if is_jwt(value) {
            Kind::Jwt
        } else {
            Kind::Opaque
        };
        self.add(value, kind, place);
    }

    /// Every JWT in `text`, all from `place`.
    fn scan(&mut self, text: &str, place: &Source) {
        if is_jwt(text.trim()) {
            self.add(text.trim(), Kind::Jwt, place.clone());
            return;
        }
        for run in jwt_runs(text) {
            if let Some(token) = text.get(run) {
                self.add(token, Kind::Jwt, place.clone());
            }
        }
    }

    /// A named parameter or JSON member: a JWT, an opaque token under a
    /// token's name, or `state` / `expires_in` kept for the cross-checks.
    fn param(&mut self, name: &str, value: &str, place: Source) {
        match name {
            "state" if self.state.is_none() => self.state = Some(value.to_owned()),
            "expires_in" => {
                if self.expires_in.is_none() {
                    self.expires_in = value.parse().ok();
                }
                return;
            }
            _ => {}
        }
        if is_jwt(value) {
            self.add(value, Kind::Jwt, place);
        } else if url::OPAQUE_PARAMS.contains(&name) {
            self.add(value, Kind::Opaque, place);
        } else {
            self.scan(value, &place);
        }
    }
}

/// Reads what was pasted. `None` when the text is one token, as before
/// issue 14 (a bare token, a `Bearer` or `Authorization:` line, quoted or
/// wrapped): the decoder takes it whole and explains what it stripped. Also
/// `None` when nothing token-like is found, so the decoder says why.
pub fn read(text: &str) -> Option<Extraction> {
    if is_one_token(text) {
        return None;
    }
    let found = extract(text);
    (!found.tokens.is_empty()).then_some(found)
}

/// The single-token path keeps every diagnostic of a damaged token
/// (standard base64, a stray `!`, an invisible character, a wrong segment
/// count): a paste is one token unless it has structure (a header colon, a
/// cookie's `;`, a URL's `?`, `#` or `&`, JSON, a `=` that is not base64
/// padding) or a whole JWT beside other words.
fn is_one_token(text: &str) -> bool {
    // A large paste is judged on its own bytes: cleaning a copy of 5 MB
    // costs a main-thread task more than the answer is worth.
    let cleaned;
    let bytes = if text.len() <= SMALL_PASTE {
        cleaned = clean(text).token;
        cleaned.as_bytes()
    } else {
        text.as_bytes()
    };
    let structure = bytes.iter().enumerate().any(|(i, &b)| match b {
        b':' | b';' | b'&' | b'?' | b'#' | b'{' | b'}' | b'[' | b']' | b'"' | b'\'' | b'<'
        | b'>' | b',' => true,
        b'=' => !matches!(bytes.get(i + 1), None | Some(b'=' | b'.')),
        _ => false,
    });
    if structure {
        return false;
    }
    // A large paste is split at ASCII whitespace, byte by byte: decoding
    // 5 MB as characters is tens of milliseconds of the page's time.
    let words: Box<dyn Iterator<Item = &str>> = if text.len() <= SMALL_PASTE {
        Box::new(text.split_whitespace())
    } else {
        Box::new(text.split_ascii_whitespace())
    };
    let mut words = words
        .filter(|w| !w.eq_ignore_ascii_case("bearer") && !w.eq_ignore_ascii_case("authorization:"));
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        // One word: a token, damaged or not.
        return true;
    };
    // Several words: one token unless a whole JWT stands among them.
    let jwt = |word: &str| is_jwt(word.trim_matches(|c: char| !c.is_ascii_alphanumeric()));
    !(jwt(first) || jwt(second) || words.any(jwt))
}

/// Pastes up to this size are cleaned before they are judged.
const SMALL_PASTE: usize = 64 * 1024;

/// Every token in `text`, whatever its form; see [`read`] for when the page uses it.
pub fn extract(text: &str) -> Extraction {
    let Some(mut har) = HarReading::start(text) else {
        return extract_other(text);
    };
    match har.read(text, usize::MAX) {
        Ok(_) => har.finish(),
        // Not JSON after all, further on.
        Err(()) => extract_other(text),
    }
}

/// Every token in `text`, which is not a HAR file.
fn extract_other(text: &str) -> Extraction {
    let mut found = Collector::default();
    let trimmed = text.trim();
    let (form, request) = if let Some(request) = curl::read_command(trimmed, &mut found) {
        (Form::Command, request)
    } else if trimmed.starts_with(['{', '[']) {
        body::read_body(trimmed, &mut found, &|s| s);
        (Form::Json, None)
    } else if url::is_url(trimmed) {
        url::read_url(trimmed, &mut found, &|s| s);
        (Form::Url, None)
    } else if let Some(request) = http::read_request(trimmed, &mut found) {
        (Form::Http, request)
    } else if trimmed.starts_with('?') || trimmed.starts_with('#') {
        url::read_params(trimmed.get(1..).unwrap_or(""), &mut found, &|n| {
            if trimmed.starts_with('#') {
                Source::Fragment(n)
            } else {
                Source::Query(n)
            }
        });
        (Form::Url, None)
    } else if let Some(rest) = strip_bearer(trimmed) {
        found.jwt_or_opaque(rest, Source::AuthorizationHeader);
        (Form::Text, None)
    } else {
        (Form::Text, None)
    };
    // Whatever the structured reading missed is still found, as text.
    for run in jwt_runs(text) {
        if let Some(token) = text.get(run)
            && !found.index.contains_key(token)
        {
            found.add(token, Kind::Jwt, Source::Text);
        }
    }
    found.into_extraction(form, request)
}

fn strip_bearer(text: &str) -> Option<&str> {
    let head = text.get(..7)?;
    head.eq_ignore_ascii_case("bearer ")
        .then(|| text.get(7..))
        .flatten()
        .map(str::trim)
}

/// Used by the extractors for bodies.
fn read_body(body: &str, found: &mut Collector, place: &dyn Fn(Source) -> Source) {
    body::read_body(body, found, place);
}
