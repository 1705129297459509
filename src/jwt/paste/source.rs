//! Where in a paste a token was found: the page's `data-source`.

use std::fmt;

/// Which part of a HAR entry held a token (`har:N:PART`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HarPart {
    /// `request.url` (its query string).
    RequestUrl,
    /// `request.headers`.
    RequestHeader,
    /// `response.headers`.
    ResponseHeader,
    /// `request.cookies`.
    RequestCookie,
    /// `response.cookies`.
    ResponseCookie,
    /// `request.postData.text`.
    RequestBody,
    /// `response.content.text`.
    ResponseBody,
}

impl HarPart {
    /// `request-header`, `response-body`, …
    pub fn as_str(self) -> &'static str {
        match self {
            HarPart::RequestUrl => "request-url",
            HarPart::RequestHeader => "request-header",
            HarPart::ResponseHeader => "response-header",
            HarPart::RequestCookie => "request-cookie",
            HarPart::ResponseCookie => "response-cookie",
            HarPart::RequestBody => "request-body",
            HarPart::ResponseBody => "response-body",
        }
    }
}

/// One place a token was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// An `Authorization:` header (`Bearer` or `DPoP` scheme), or a line
    /// starting with `Bearer`, or curl's `--oauth2-bearer`.
    AuthorizationHeader,
    /// A `DPoP:` request header (RFC 9449 §4.1).
    DpopHeader,
    /// A cookie sent in a `Cookie:` header, by its name.
    Cookie(String),
    /// A cookie set by a `Set-Cookie:` header, by its name.
    SetCookie(String),
    /// Any other header whose value holds a JWT, by its lowercased name.
    Header(String),
    /// A URL's query parameter, by its name.
    Query(String),
    /// A URL's fragment parameter, by its name.
    Fragment(String),
    /// A member of a JSON body or token response, by its key.
    Json(String),
    /// A form-encoded body parameter, by its name.
    Form(String),
    /// A JSON Web Token seen in text that had no other structure.
    Text,
    /// Somewhere in entry `entry` (counted from 0) of a HAR file's `log.entries`.
    Har {
        /// The entry's index in `log.entries`.
        entry: usize,
        /// Which part of the entry.
        part: HarPart,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::AuthorizationHeader => f.write_str("authorization-header"),
            Source::DpopHeader => f.write_str("dpop-header"),
            Source::Cookie(name) => write!(f, "cookie:{name}"),
            Source::SetCookie(name) => write!(f, "set-cookie:{name}"),
            Source::Header(name) => write!(f, "header:{name}"),
            Source::Query(name) => write!(f, "query:{name}"),
            Source::Fragment(name) => write!(f, "fragment:{name}"),
            Source::Json(key) => write!(f, "json:{key}"),
            Source::Form(name) => write!(f, "form:{name}"),
            Source::Text => f.write_str("text"),
            Source::Har { entry, part } => write!(f, "har:{entry}:{}", part.as_str()),
        }
    }
}
