//! A `curl` command as browsers copy it ("Copy as cURL"), and the PowerShell
//! `Invoke-WebRequest` that Chrome writes beside it. Read, never run.

use super::shell::{self, Dialect};
use super::source::Source;
use super::{Collector, Request, http, url};

/// Reads a `curl …` or `Invoke-WebRequest …` command; `None` when the text
/// is neither.
pub fn read_command(text: &str, found: &mut Collector) -> Option<Option<Request>> {
    let trimmed = text.trim_start();
    let dialect = shell::dialect(trimmed);
    if dialect == Dialect::PowerShell || trimmed.starts_with("$session") {
        return Some(read_powershell(trimmed, found));
    }
    if !(trimmed.starts_with("curl ") || trimmed.starts_with("curl.exe ")) {
        return None;
    }
    let words = shell::words(trimmed, dialect);
    let mut request = Request::default();
    let mut explicit_method = false;
    let mut has_data = false;
    let mut args = words.iter().skip(1);
    while let Some(arg) = args.next() {
        // `-HValue` and `--header=value` forms, as well as `-H value`.
        let (flag, inline) = split_flag(arg);
        let mut value = || inline.clone().or_else(|| args.next().cloned());
        match flag.as_str() {
            "-H" | "--header" => {
                if let Some(header) = value()
                    && let Some((name, v)) = header.split_once(':')
                {
                    http::read_header(name, v, found, &|s| s);
                }
            }
            "-b" | "--cookie" => {
                if let Some(cookies) = value() {
                    http::read_cookies(&cookies, found, &Source::Cookie);
                }
            }
            "--oauth2-bearer" => {
                if let Some(token) = value() {
                    found.jwt_or_opaque(&token, Source::AuthorizationHeader);
                }
            }
            "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-ascii"
            | "--data-urlencode" | "--json" => {
                if let Some(body) = value() {
                    has_data = true;
                    super::read_body(&body, found, &|s| s);
                }
            }
            "-X" | "--request" => {
                if let Some(method) = value() {
                    request.method = method;
                    explicit_method = true;
                }
            }
            "--url" => request.url = value().unwrap_or_default(),
            f if f.starts_with('-') => {
                if takes_value(f) {
                    value();
                }
            }
            _ => request.url = arg.clone(),
        }
    }
    if !explicit_method {
        request.method = if has_data { "POST" } else { "GET" }.to_owned();
    }
    url::read_url(&request.url, found, &|s| s);
    Some(Some(request))
}

fn split_flag(arg: &str) -> (String, Option<String>) {
    if let Some(long) = arg.strip_prefix("--") {
        return match long.split_once('=') {
            Some((flag, value)) => (format!("--{flag}"), Some(value.to_owned())),
            None => (arg.to_owned(), None),
        };
    }
    let short = ["-H", "-b", "-d", "-X"];
    match short.iter().find(|s| arg.starts_with(*s) && arg.len() > 2) {
        Some(s) => ((*s).to_owned(), arg.get(2..).map(str::to_owned)),
        None => (arg.to_owned(), None),
    }
}

/// curl options (other than the ones read above) that take a value, so the
/// value is not taken for the URL.
fn takes_value(flag: &str) -> bool {
    matches!(
        flag,
        "-A" | "--user-agent"
            | "-e"
            | "--referer"
            | "-u"
            | "--user"
            | "-o"
            | "--output"
            | "-x"
            | "--proxy"
            | "-F"
            | "--form"
            | "-c"
            | "--cookie-jar"
            | "-m"
            | "--max-time"
            | "--connect-timeout"
            | "--resolve"
            | "--cacert"
            | "-E"
            | "--cert"
            | "--key"
            | "-w"
            | "--write-out"
            | "-T"
            | "--upload-file"
    )
}

/// Chrome's "Copy as PowerShell": `-Uri`, `-Method`, `-Headers @{"k"="v" …}`,
/// `-Body`, and cookies added with `System.Net.Cookie("name", "value", …)`.
fn read_powershell(text: &str, found: &mut Collector) -> Option<Request> {
    let words = shell::words(text, Dialect::PowerShell);
    let mut request = Request {
        method: "GET".to_owned(),
        url: String::new(),
    };
    let mut in_headers = false;
    let mut args = words.iter();
    while let Some(word) = args.next() {
        if in_headers {
            if word.starts_with('}') {
                in_headers = false;
            } else if let Some((name, value)) = word.split_once('=') {
                http::read_header(name, value, found, &|s| s);
            }
            continue;
        }
        match word.to_ascii_lowercase().as_str() {
            "-uri" => request.url = args.next().cloned().unwrap_or_default(),
            "-method" => request.method = args.next().cloned().unwrap_or_default(),
            "-body" => {
                if let Some(body) = args.next() {
                    super::read_body(body, found, &|s| s);
                }
            }
            "-headers" => in_headers = true,
            "@{" => in_headers = true,
            _ => {}
        }
        if word.starts_with("@{") {
            in_headers = true;
        }
    }
    read_powershell_cookies(text, found);
    url::read_url(&request.url, found, &|s| s);
    Some(request)
}

/// `System.Net.Cookie("session", "eyJ…", "/", "host")`: name and value.
fn read_powershell_cookies(text: &str, found: &mut Collector) {
    for (at, _) in text.match_indices("System.Net.Cookie(") {
        let args = text.get(at + "System.Net.Cookie(".len()..).unwrap_or("");
        let end = args.find(')').unwrap_or(args.len());
        let words = shell::words(
            &args.get(..end).unwrap_or("").replace(',', " "),
            Dialect::PowerShell,
        );
        if let [name, value, ..] = words.as_slice() {
            found.scan(value, &Source::Cookie(name.clone()));
        }
    }
}
