//! Reading a paste in steps (issue 14: a 5 MB HAR must not block the page):
//! whatever the step size, the steps find exactly what one `read` finds.
//!
//! The HAR is written here with serde_json in Chromium's export shape; the
//! tokens are npm jose's (tests/fixtures/flow/flow.json).

use jwt_lens::jwt::paste::{self, Extraction, Reading};
use serde_json::{Value, json};

fn flow() -> Value {
    serde_json::from_str(include_str!("fixtures/flow/flow.json")).expect("flow.json is JSON")
}

fn token(case: usize, key: &str) -> String {
    flow()["cases"][case][key]
        .as_str()
        .expect("a string")
        .to_owned()
}

/// A HAR of `count` entries: a token request and response, then API calls
/// with the access token, one of them with a DPoP proof.
fn har(count: usize) -> String {
    let (access, id, proof) = (token(0, "access"), token(0, "id"), token(1, "access"));
    let entries: Vec<Value> = (0..count)
        .map(|i| match i {
            0 => json!({
                "request": {
                    "method": "POST",
                    "url": "https://login.example.com/oauth/token",
                    "headers": [{"name": "content-type", "value": "application/x-www-form-urlencoded"}],
                    "cookies": [],
                    "postData": {"text": "grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA"}
                },
                "response": {
                    "headers": [],
                    "cookies": [],
                    "content": {"text": json!({"access_token": access, "id_token": id, "expires_in": 3600}).to_string()}
                }
            }),
            _ => json!({
                "request": {
                    "method": "GET",
                    "url": format!("https://api.example.com/items/{i}"),
                    "headers": if i == 2 {
                        json!([{"name": "authorization", "value": format!("DPoP {access}")}, {"name": "dpop", "value": proof}])
                    } else {
                        json!([{"name": "authorization", "value": format!("Bearer {access}")}])
                    },
                    "cookies": [{"name": "session", "value": id}]
                },
                "response": {"headers": [], "cookies": [], "content": {"text": "{\"items\": []}"}}
            }),
        })
        .collect();
    json!({"log": {"version": "1.2", "creator": {"name": "WebInspector"}, "entries": entries}})
        .to_string()
}

/// Steps of `entries` until done, with the progress after each.
fn in_steps(text: &str, entries: usize) -> (Option<Extraction>, Vec<usize>) {
    let mut reading = Reading::new();
    let mut progress = Vec::new();
    loop {
        if let Some(found) = reading.step(text, entries) {
            return (found, progress);
        }
        progress.extend(reading.progress().map(|p| p.entries));
    }
}

#[test]
fn har_read_one_entry_at_a_time_finds_what_read_finds() {
    let text = har(5);
    let (found, progress) = in_steps(&text, 1);
    let found = found.expect("tokens");
    assert_eq!(Some(&found), paste::read(&text).as_ref());
    // Found, then one entry per step; the step after the last checks the rest.
    assert_eq!(progress, [0, 1, 2, 3, 4, 5]);
    let sources: Vec<String> = found.tokens.iter().map(|t| t.places_text()).collect();
    assert_eq!(
        sources,
        [
            "har:0:request-body",
            "har:0:response-body, har:1:request-header, har:2:request-header, har:3:request-header, har:4:request-header",
            "har:0:response-body, har:1:request-cookie, har:2:request-cookie, har:3:request-cookie, har:4:request-cookie",
            "har:2:request-header",
        ]
    );
    assert_eq!(found.expires_in, Some(3600));
    let request = found.request.expect("the request with the DPoP proof");
    assert_eq!(request.url, "https://api.example.com/items/2");
}

#[test]
fn har_read_in_any_step_size_finds_the_same() {
    let text = har(40);
    let whole = paste::read(&text);
    for size in [1, 3, 7, 39, 40, usize::MAX] {
        assert_eq!(in_steps(&text, size).0, whole, "steps of {size}");
    }
}

#[test]
fn other_pastes_are_read_in_the_first_step() {
    let access = token(0, "access");
    let texts = [
        format!("Bearer {access}"),
        format!("curl 'https://api.example.com/me' -H 'authorization: Bearer {access}'"),
        json!({"access_token": access, "refresh_token": "opaque"}).to_string(),
        // Says "log" but has no entries: a JSON document, not a HAR.
        json!({"log": {"message": access}}).to_string(),
        "no token here".to_owned(),
    ];
    for text in &texts {
        let mut reading = Reading::new();
        assert_eq!(reading.step(text, 1), Some(paste::read(text)), "{text}");
        assert_eq!(reading.progress(), None);
    }
}
