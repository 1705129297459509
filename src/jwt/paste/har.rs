//! A HAR file (HTTP Archive 1.2, as browsers export it): every token in
//! every entry's headers, cookies, URL and bodies, named by entry.

use super::source::{HarPart, Source};
use super::{Collector, Request, body, http, url};
use crate::jwt::json::{Elements, Json};

/// The entries of the HAR file in `text`, to be read one at a time;
/// `None` when the text has no `log.entries` array. The first `log` and
/// its first `entries` are read: a HAR file has one of each.
pub fn entries(text: &str) -> Option<Elements> {
    Elements::find(text, &["log", "entries"])
}

/// Reads entry number `entry` (`item`) into `found`; its request when it
/// carried a `DPoP` header.
pub fn read_entry(entry: usize, item: &Json, found: &mut Collector) -> Option<Request> {
    let at = |part: HarPart| move |_: Source| Source::Har { entry, part };
    let request = item.get("request");
    let response = item.get("response");
    let before = found.dpop_seen();
    let mut dpop_request = None;
    if let Some(request) = request {
        let request_url = text_of(request, "url");
        url::read_url(request_url, found, &at(HarPart::RequestUrl));
        read_pairs(request.get("headers"), found, &|n, v, f| {
            http::read_header(n, v, f, &at(HarPart::RequestHeader));
        });
        read_pairs(request.get("cookies"), found, &|_, v, f| {
            f.scan(
                v,
                &Source::Har {
                    entry,
                    part: HarPart::RequestCookie,
                },
            );
        });
        let post = request.get("postData").map_or("", |p| text_of(p, "text"));
        body::read_body(post, found, &at(HarPart::RequestBody));
        if found.dpop_seen() > before {
            dpop_request = Some(Request {
                method: text_of(request, "method").to_owned(),
                url: request_url.to_owned(),
            });
        }
    }
    if let Some(response) = response {
        read_pairs(response.get("headers"), found, &|n, v, f| {
            http::read_header(n, v, f, &at(HarPart::ResponseHeader));
        });
        read_pairs(response.get("cookies"), found, &|_, v, f| {
            f.scan(
                v,
                &Source::Har {
                    entry,
                    part: HarPart::ResponseCookie,
                },
            );
        });
        let content = response.get("content");
        // A base64-encoded body (`"encoding": "base64"`) is binary to
        // the browser and is not decoded here.
        let encoded = content.and_then(|c| c.get("encoding")).is_some();
        if !encoded {
            let text = content.map_or("", |c| text_of(c, "text"));
            body::read_body(text, found, &at(HarPart::ResponseBody));
        }
    }
    dpop_request
}

fn text_of<'a>(value: &'a Json, key: &str) -> &'a str {
    value.get(key).and_then(Json::as_str).unwrap_or("")
}

/// `[{"name": …, "value": …}, …]`: headers, cookies.
fn read_pairs(
    list: Option<&Json>,
    found: &mut Collector,
    each: &dyn Fn(&str, &str, &mut Collector),
) {
    let Some(Json::Array(items)) = list else {
        return;
    };
    for item in items {
        each(text_of(item, "name"), text_of(item, "value"), found);
    }
}
