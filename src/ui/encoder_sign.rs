//! The encoder's token: signed in the page with a secret, or by the signing
//! module with a private key, and how it is shown.

use std::fmt;

use leptos::prelude::*;

use super::encoder::EncoderState;
use super::encoder_alg::EncoderAlg;
use super::html::{Html, element, tag};
use super::latest::latest;
use super::sign_module::{self, SignProblem};
use crate::jwt::sign::SigningAlg;
use crate::jwt::{self, Secret};

/// Why the encoder shows no token. Its `Display` is the page text, and
/// [`kind`](Self::kind) the `data-kind` of `#encoder-error`.
#[derive(Clone, Debug, PartialEq)]
pub enum EncodeError {
    /// The header or payload is not a JSON object, or the secret is wrong.
    Token(jwt::Error),
    /// A private-key `alg` with nothing in the key box.
    NoKey,
    /// The signing module refused the key (or could not run).
    Key(SignProblem),
}

impl EncodeError {
    /// `json`, `not-object`, `secret` (the core's kinds) or `key`.
    pub fn kind(&self) -> &'static str {
        match self {
            EncodeError::Token(e) => e.kind(),
            EncodeError::NoKey | EncodeError::Key(_) => "key",
        }
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Token(e) => e.fmt(f),
            EncodeError::NoKey => {
                f.write_str("private key: paste one (PEM or JWK) or make a key pair to sign with")
            }
            EncodeError::Key(problem) => write!(f, "private key: {problem}"),
        }
    }
}

/// A signature to ask the signing module for.
#[derive(Clone, PartialEq)]
struct SignRequest {
    alg: SigningAlg,
    key: String,
    input: String,
}

/// What the typed inputs lead to: a result now, or a private-key signature.
#[derive(Clone, PartialEq)]
enum Step {
    Done(Result<String, EncodeError>),
    Sign(SignRequest),
}

/// The token, or why there is none; `None` while the signing module signs.
///
/// HS* and `none` are computed here, as before. For a private-key `alg`,
/// the signing input is exactly what [`jwt::encode`] would sign (the texts
/// as typed, base64url), the module signs it, and the token is that input
/// and the signature.
pub fn output(state: EncoderState) -> Signal<Option<Result<String, EncodeError>>> {
    let EncoderState {
        header,
        payload,
        alg,
        secret,
        encoding,
        private_key,
        ..
    } = state;
    let step = Memo::new(move |_| match alg.get() {
        EncoderAlg::Secret(alg) => {
            let typed = secret.read();
            let key = match alg {
                jwt::SignAlg::Hmac(_) if !typed.is_empty() => {
                    match Secret::decode(&typed, encoding.get()) {
                        Ok(key) => Some(key),
                        Err(e) => return Step::Done(Err(EncodeError::Token(e))),
                    }
                }
                _ => None,
            };
            let token = jwt::encode(&header.read(), &payload.read(), alg, key.as_ref());
            Step::Done(token.map_err(EncodeError::Token))
        }
        EncoderAlg::Key(alg) => {
            let input = match jwt::signing_input(&header.read(), &payload.read()) {
                Ok(input) => input,
                Err(e) => return Step::Done(Err(EncodeError::Token(e))),
            };
            let key = private_key.get();
            if key.trim().is_empty() {
                return Step::Done(Err(EncodeError::NoKey));
            }
            Step::Sign(SignRequest { alg, key, input })
        }
    });
    let ask = Memo::new(move |_| match step.get() {
        Step::Sign(request) => Some(request),
        Step::Done(_) => None,
    });
    let signed = latest(ask, |r: SignRequest| async move {
        sign_module::sign(r.alg.name(), &r.key, &r.input)
            .await
            .map(|signature| format!("{}.{signature}", r.input))
            .map_err(EncodeError::Key)
    });
    Signal::derive(move || {
        step.with(|s| match s {
            Step::Done(result) => Some(result.clone()),
            Step::Sign(_) => signed.get(),
        })
    })
}

/// The coloured token (`#encoder-output`), why there is none
/// (`#encoder-error`), or that it is being signed.
pub fn output_html(output: &Option<Result<String, EncodeError>>) -> Html {
    match output {
        Some(Ok(token)) => {
            let mut out = Html::new();
            for (i, segment) in token.split('.').enumerate() {
                let class = ["seg-header", "seg-payload", "seg-signature"]
                    .get(i)
                    .copied()
                    .unwrap_or("seg-other");
                if i > 0 {
                    out.push(element("span", "seg-dot", "."));
                }
                out.push(element("span", class, segment));
            }
            tag("div")
                .id("encoder-output")
                .class("token-echo")
                .child(out)
        }
        // The message may quote the typed JSON or the pasted key: escaped.
        Some(Err(e)) => tag("div")
            .id("encoder-error")
            .class("token-error")
            .attr("data-kind", e.kind())
            .text(&e.to_string()),
        None => element("p", "key-pending", "Signing…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn error_about_typed_json_is_escaped() {
        let header = format!("{{{}", HOSTILE.replace(['\u{7}', '\u{9B}'], ""));
        let output = jwt::encode(&header, "{}", jwt::SignAlg::None, None);
        let html = output_html(&Some(output.map_err(EncodeError::Token)));
        assert!(
            html.as_str().starts_with("<div id=\"encoder-error\""),
            "{}",
            html.as_str()
        );
        assert!(!html.as_str().contains('\u{202E}'));
        assert!(!html.as_str().contains("<img"));
    }

    #[test]
    fn key_refusal_quoting_the_key_is_escaped() {
        let refusal = EncodeError::Key(SignProblem::Refused(format!(
            "JWK member \"kty\" is {HOSTILE}"
        )));
        let html = output_html(&Some(Err(refusal)));
        assert_escaped(html.as_str());
        assert!(html.as_str().starts_with(
            "<div id=\"encoder-error\" class=\"token-error\" data-kind=\"key\">private key: "
        ));
    }

    #[test]
    fn missing_key_and_signing_have_their_own_text() {
        let html = output_html(&Some(Err(EncodeError::NoKey)));
        assert!(html.as_str().contains("data-kind=\"key\""));
        assert_eq!(
            output_html(&None).as_str(),
            "<p class=\"key-pending\">Signing…</p>"
        );
    }

    #[test]
    fn token_is_coloured_by_segment() {
        let html = output_html(&Some(Ok("a.b.c".to_owned())));
        assert_eq!(
            html.as_str(),
            "<div id=\"encoder-output\" class=\"token-echo\"><span class=\"seg-header\">a</span>\
             <span class=\"seg-dot\">.</span><span class=\"seg-payload\">b</span>\
             <span class=\"seg-dot\">.</span><span class=\"seg-signature\">c</span></div>"
        );
    }
}
