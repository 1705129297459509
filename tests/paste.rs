//! Finding every token in a paste (issue 14): each form people copy from
//! their browser or terminal yields exactly the expected tokens and sources.
//!
//! The tokens are npm jose's (tests/fixtures/flow/flow.json, made by
//! generate.mjs beside it); the surrounding text is shaped like what
//! Chrome, Firefox and Safari's "Copy as cURL", Chromium's HAR export and a
//! token endpoint write.

use jwt_lens::jwt::paste::{self, Kind};

struct Tokens {
    access: String,
    id: String,
    other: String,
}

fn tokens() -> Tokens {
    let text = include_str!("fixtures/flow/flow.json");
    let flow: serde_json::Value = serde_json::from_str(text).expect("flow.json is JSON");
    let case = |i: usize, key: &str| flow["cases"][i][key].as_str().expect("a string").to_owned();
    Tokens {
        access: case(0, "access"),
        id: case(0, "id"),
        other: case(1, "access"),
    }
}

/// (value, kind, places) for every token found in `text`.
fn found(text: &str) -> Vec<(String, Kind, Vec<String>)> {
    paste::extract(text)
        .tokens
        .into_iter()
        .map(|t| {
            let places = t.places.iter().map(ToString::to_string).collect();
            (t.value, t.kind, places)
        })
        .collect()
}

fn jwt(value: &str, places: &[&str]) -> (String, Kind, Vec<String>) {
    let places = places.iter().map(|p| (*p).to_owned()).collect();
    (value.to_owned(), Kind::Jwt, places)
}

fn opaque(value: &str, places: &[&str]) -> (String, Kind, Vec<String>) {
    let places = places.iter().map(|p| (*p).to_owned()).collect();
    (value.to_owned(), Kind::Opaque, places)
}

#[test]
fn chrome_curl_bash_finds_header_cookie_and_dpop() {
    let t = tokens();
    let text = format!(
        "curl 'https://api.example.com/v1/me?include=profile' \\\n  -H 'accept: application/json' \\\n  -H 'accept-language: en-GB,en;q=0.9' \\\n  -H 'authorization: Bearer {}' \\\n  -b 'theme=dark; session={}; _ga=GA1.2.1234567890.1700000000' \\\n  -H 'dpop: {}' \\\n  -H 'sec-ch-ua: \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"' \\\n  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'",
        t.access, t.id, t.other
    );
    assert_eq!(
        found(&text),
        [
            jwt(&t.access, &["authorization-header"]),
            jwt(&t.id, &["cookie:session"]),
            jwt(&t.other, &["dpop-header"]),
        ]
    );
    let request = paste::extract(&text).request.expect("a request");
    assert_eq!(request.method, "GET");
    assert_eq!(request.url, "https://api.example.com/v1/me?include=profile");
}

#[test]
fn chrome_curl_ansi_c_quoting_reads_json_body() {
    let t = tokens();
    let text = format!(
        "curl 'https://login.example.com/oauth/token' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{{\"refresh_token\":\"{}\",\"note\":\"it\\'s\"}}'",
        t.id
    );
    assert_eq!(found(&text), [jwt(&t.id, &["json:refresh_token"])]);
    assert_eq!(
        paste::extract(&text).request.expect("a request").method,
        "POST"
    );
}

#[test]
fn firefox_curl_reads_cookie_header_and_form_body() {
    let t = tokens();
    let text = format!(
        "curl 'https://login.example.com/oauth/token' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Origin: https://app.example.com' -H 'Connection: keep-alive' -H 'Cookie: csrftoken=abc123; id={}' --data-raw 'grant_type=refresh_token&refresh_token=8xLOxBtZp8&client_id=app'",
        t.id
    );
    assert_eq!(
        found(&text),
        [
            jwt(&t.id, &["cookie:id"]),
            opaque("8xLOxBtZp8", &["form:refresh_token"]),
        ]
    );
}

#[test]
fn safari_curl_reads_oauth2_bearer_and_data_binary() {
    let t = tokens();
    let text = format!(
        "curl 'https://api.example.com/orders' \\\n-X 'POST' \\\n-H 'Content-Type: application/json' \\\n-H 'Accept: application/json' \\\n--oauth2-bearer '{}' \\\n--data-binary '{{\"id_token_hint\":\"{}\"}}'",
        t.access, t.id
    );
    assert_eq!(
        found(&text),
        [
            jwt(&t.access, &["authorization-header"]),
            jwt(&t.id, &["json:id_token_hint"]),
        ]
    );
}

#[test]
fn windows_cmd_curl_removes_carets() {
    let t = tokens();
    let text = format!(
        "curl ^\"https://api.example.com/v1/me^\" ^\n  -H ^\"accept: application/json^\" ^\n  -H ^\"authorization: Bearer {}^\" ^\n  -b ^\"session={}^\" ^\n  --data-raw ^\"^{{^\\^\"a^\\^\":1^}}^\"",
        t.access, t.id
    );
    assert_eq!(
        found(&text),
        [
            jwt(&t.access, &["authorization-header"]),
            jwt(&t.id, &["cookie:session"]),
        ]
    );
}

#[test]
fn powershell_reads_headers_and_cookies() {
    let t = tokens();
    let text = format!(
        "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n$session.UserAgent = \"Mozilla/5.0\"\n$session.Cookies.Add((New-Object System.Net.Cookie(\"session\", \"{}\", \"/\", \"api.example.com\")))\nInvoke-WebRequest -UseBasicParsing -Uri \"https://api.example.com/v1/me\" `\n-WebSession $session `\n-Headers @{{\n\"authority\"=\"api.example.com\"\n  \"method\"=\"GET\"\n  \"authorization\"=\"Bearer {}\"\n}}",
        t.id, t.access
    );
    assert_eq!(
        found(&text),
        [
            jwt(&t.access, &["authorization-header"]),
            jwt(&t.id, &["cookie:session"]),
        ]
    );
}

#[test]
fn raw_http_request_reads_headers_and_builds_htu_from_host() {
    let t = tokens();
    let text = format!(
        "POST /api/orders?x=1 HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: DPoP {}\r\nDPoP: {}\r\nCookie: a=1; refresh={}\r\nContent-Type: application/json\r\n\r\n{{\"item\":42}}",
        t.access, t.other, t.id
    );
    assert_eq!(
        found(&text),
        [
            jwt(&t.access, &["authorization-header"]),
            jwt(&t.other, &["dpop-header"]),
            jwt(&t.id, &["cookie:refresh"]),
        ]
    );
    let request = paste::extract(&text).request.expect("a request");
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "https://api.example.com/api/orders?x=1");
}

#[test]
fn set_cookie_header_names_its_cookie() {
    let t = tokens();
    let text = format!(
        "Set-Cookie: __Host-id={}; Path=/; Secure; HttpOnly; SameSite=Lax",
        t.id
    );
    assert_eq!(found(&text), [jwt(&t.id, &["set-cookie:__Host-id"])]);
}

#[test]
fn redirect_url_fragment_dots_are_never_segments() {
    let t = tokens();
    let text = format!(
        "https://app.example.com/callback#id_token={}&access_token={}&token_type=Bearer&expires_in=3600&state=af0ifjsldkj",
        t.id, t.access
    );
    let extraction = paste::extract(&text);
    assert_eq!(
        found(&text),
        [
            jwt(&t.id, &["fragment:id_token"]),
            jwt(&t.access, &["fragment:access_token"]),
        ]
    );
    assert_eq!(extraction.expires_in, Some(3600));
    assert_eq!(extraction.state.as_deref(), Some("af0ifjsldkj"));
    assert!(
        paste::read(&text).is_some(),
        "a URL is not read as one token"
    );
}

#[test]
fn code_in_query_is_opaque() {
    let text = "https://app.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz&iss=https%3A%2F%2Flogin.example.com";
    assert_eq!(
        found(text),
        [opaque("SplxlOBeZQQYbYS6WxSbIA", &["query:code"])]
    );
}

#[test]
fn token_response_lists_three_tokens_and_expires_in() {
    let t = tokens();
    let text = format!(
        "{{\n  \"access_token\": \"{}\",\n  \"token_type\": \"Bearer\",\n  \"expires_in\": 3600,\n  \"refresh_token\": \"tGzv3JOkF0XG5Qx2TlKWIA\",\n  \"id_token\": \"{}\"\n}}",
        t.access, t.id
    );
    let extraction = paste::extract(&text);
    assert_eq!(
        found(&text),
        [
            jwt(&t.access, &["json:access_token"]),
            opaque("tGzv3JOkF0XG5Qx2TlKWIA", &["json:refresh_token"]),
            jwt(&t.id, &["json:id_token"]),
        ]
    );
    assert_eq!(extraction.expires_in, Some(3600));
}

#[test]
fn token_seen_twice_is_listed_once_with_both_places() {
    let t = tokens();
    let text = format!(
        "GET /me HTTP/1.1\nHost: api.example.com\nAuthorization: Bearer {0}\nCookie: at={0}\n",
        t.access
    );
    assert_eq!(
        found(&text),
        [jwt(&t.access, &["authorization-header", "cookie:at"])]
    );
}

#[test]
fn log_text_finds_jwt_shaped_runs_only() {
    let t = tokens();
    let text = format!(
        "2026-12-04T10:00:00Z INFO token accepted sub=user-1 token={}. host=api.example.com v=1.2.3\nretry with {}",
        t.access, t.id
    );
    assert_eq!(
        found(&text),
        [jwt(&t.access, &["text"]), jwt(&t.id, &["text"])]
    );
}

#[test]
fn bare_token_and_bearer_line_keep_the_single_token_path() {
    let t = tokens();
    assert!(paste::read(&t.access).is_none());
    assert!(paste::read(&format!("Authorization: Bearer {}\n", t.access)).is_none());
    assert!(paste::read(&format!("\"{}\"", t.access)).is_none());
    // Standard base64 and a stray character stay with the decoder, which explains them.
    assert!(paste::read("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0=.abc+/").is_none());
    assert!(paste::read(&format!("{}!abc", &t.access[..t.access.len() - 4])).is_none());
    // A token wrapped over lines is still one token.
    let (head, tail) = t.access.split_at(100);
    assert!(paste::read(&format!("{head}\n  {tail}")).is_none());
    // Two tokens side by side are not.
    assert_eq!(
        paste::read(&format!("{} {}", t.access, t.id)).map(|e| e.tokens.len()),
        Some(2)
    );
}

fn har(entries: &[String]) -> String {
    format!(
        "{{\n  \"log\": {{\n    \"version\": \"1.2\",\n    \"creator\": {{\"name\": \"WebInspector\", \"version\": \"537.36\"}},\n    \"pages\": [],\n    \"entries\": [\n{}\n    ]\n  }}\n}}",
        entries.join(",\n")
    )
}

/// One entry shaped like Chromium's HAR export.
fn har_entry(
    method: &str,
    url: &str,
    request_headers: &str,
    cookies: &str,
    post: &str,
    response_text: &str,
) -> String {
    format!(
        r#"      {{
        "_initiator": {{"type": "script"}},
        "_priority": "High",
        "_resourceType": "fetch",
        "cache": {{}},
        "connection": "443",
        "request": {{
          "method": "{method}",
          "url": "{url}",
          "httpVersion": "http/2.0",
          "headers": [{request_headers}],
          "queryString": [],
          "cookies": [{cookies}],
          "headersSize": -1,
          "bodySize": 0{post}
        }},
        "response": {{
          "status": 200,
          "statusText": "",
          "httpVersion": "http/2.0",
          "headers": [{{"name": "content-type", "value": "application/json"}}],
          "cookies": [],
          "content": {{"size": 120, "mimeType": "application/json", "text": "{response_text}"}},
          "redirectURL": "",
          "headersSize": -1,
          "bodySize": -1,
          "_transferSize": 512,
          "_error": null
        }},
        "serverIPAddress": "203.0.113.7",
        "startedDateTime": "2026-12-04T10:00:00.000Z",
        "time": 42.1,
        "timings": {{"blocked": 1, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": 40, "receive": 1}}
      }}"#
    )
}

#[test]
fn chromium_har_names_entry_and_part() {
    let t = tokens();
    let body = format!(
        "{{\\\"access_token\\\":\\\"{}\\\",\\\"id_token\\\":\\\"{}\\\",\\\"expires_in\\\":3600}}",
        t.access, t.id
    );
    let entries = [
        har_entry(
            "GET",
            "https://app.example.com/",
            r#"{"name": ":authority", "value": "app.example.com"}"#,
            "",
            "",
            "",
        ),
        har_entry(
            "POST",
            "https://login.example.com/oauth/token",
            r#"{"name": "content-type", "value": "application/x-www-form-urlencoded"}"#,
            "",
            r#", "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA"}"#,
            &body,
        ),
        har_entry(
            "GET",
            "https://api.example.com/me",
            &format!(
                r#"{{"name": "authorization", "value": "Bearer {}"}}, {{"name": "dpop", "value": "{}"}}"#,
                t.access, t.other
            ),
            &format!(
                r#"{{"name": "session", "value": "{}", "path": "/", "expires": null, "httpOnly": true, "secure": true}}"#,
                t.id
            ),
            "",
            "",
        ),
    ];
    let text = har(&entries);
    let extraction = paste::extract(&text);
    assert_eq!(
        found(&text),
        [
            opaque("SplxlOBeZQQYbYS6WxSbIA", &["har:1:request-body"]),
            jwt(&t.access, &["har:1:response-body", "har:2:request-header"]),
            jwt(&t.id, &["har:1:response-body", "har:2:request-cookie"]),
            jwt(&t.other, &["har:2:request-header"]),
        ]
    );
    assert_eq!(extraction.expires_in, Some(3600));
    let request = extraction.request.expect("the request with a DPoP header");
    assert_eq!(
        (request.method.as_str(), request.url.as_str()),
        ("GET", "https://api.example.com/me")
    );
}

#[test]
fn five_megabyte_har_is_read_in_one_pass() {
    let t = tokens();
    let filler = "x".repeat(4_000);
    let entries: Vec<String> = (0..900)
        .map(|i| {
            let auth = format!(
                r#"{{"name": "authorization", "value": "Bearer {}"}}"#,
                if i % 2 == 0 { &t.access } else { &t.id }
            );
            har_entry(
                "GET",
                &format!("https://api.example.com/items/{i}"),
                &auth,
                "",
                "",
                &filler,
            )
        })
        .collect();
    let text = har(&entries);
    assert!(text.len() > 5_000_000, "{} bytes", text.len());
    let started = std::time::Instant::now();
    let extraction = paste::extract(&text);
    eprintln!(
        "extracting a {:.1} MB HAR took {:?} (native, {} build)",
        text.len() as f64 / 1e6,
        started.elapsed(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert_eq!(extraction.tokens.len(), 2);
    // Every place is kept: each entry that sent it.
    assert_eq!(extraction.tokens[0].places.len(), 450);
}

#[test]
#[ignore = "a measurement: cargo test --release --test paste -- --ignored --nocapture"]
fn measure_har_parts() {
    let t = tokens();
    let filler = "x".repeat(4_000);
    let entries: Vec<String> = (0..900)
        .map(|i| {
            let auth = format!(
                r#"{{"name": "authorization", "value": "Bearer {}"}}"#,
                if i % 2 == 0 { &t.access } else { &t.id }
            );
            har_entry(
                "GET",
                &format!("https://api.example.com/items/{i}"),
                &auth,
                "",
                "",
                &filler,
            )
        })
        .collect();
    let text = har(&entries);
    let started = std::time::Instant::now();
    let _ = jwt_lens::jwt::json::parse(&text);
    eprintln!("json::parse {:?}", started.elapsed());
    let started = std::time::Instant::now();
    let _ = paste::jwt_runs(&text);
    eprintln!("jwt_runs {:?}", started.elapsed());
    let started = std::time::Instant::now();
    let _ = paste::read(&text);
    eprintln!("read {:?}", started.elapsed());
}
