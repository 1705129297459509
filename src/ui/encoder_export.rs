//! `<KeyExport/>`: the signing key's public key (`#encoder-public-key` as
//! JWK, JWKS or PEM, `#set-kid`), and its private key on an explicit click.

use leptos::prelude::*;

use super::copy_button::CopyButton;
use super::encoder::{EncoderState, Revealed};
use super::html::{self, Html, element, tag};
use super::latest::latest;
use super::sign_module::{self, PublicKeyExports, SignProblem};
use crate::jwt::json::set_member;

/// The signing key's public key, with what it is; `None` while it is read
/// or with no key.
pub type Exports = Signal<Option<Result<PublicKeyExports, SignProblem>>>;

/// The public key of the key in the box, read by the signing module
/// whenever the key or the `alg` (named in the JWKS) changes.
pub fn public_key(state: EncoderState) -> Exports {
    let ask = Memo::new(move |_| {
        let alg = state.alg.get().key()?;
        let key = state.private_key.get();
        (!key.trim().is_empty()).then_some((key, alg.name()))
    });
    latest(ask, |(key, alg): (String, &'static str)| async move {
        sign_module::public_exports(&key, alg).await
    })
}

/// Writes the key's RFC 7638 thumbprint into the header as `kid`.
pub fn set_kid(state: EncoderState, exports: Exports) {
    let Some(thumbprint) = exports.with_untracked(|e| match e {
        Some(Ok(e)) => Some(e.thumbprint.clone()),
        _ => None,
    }) else {
        return;
    };
    state.header.update(|h| {
        // A thumbprint is base64url: nothing in it needs escaping in JSON.
        if let Some(edited) = set_member(h, "kid", &format!("\"{thumbprint}\"")) {
            *h = edited;
        }
    });
}

/// A `#encoder-public-key-format` choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyFormat {
    /// The JWK: RFC 7638's members.
    Jwk,
    /// A JWKS with `kid`, `use` and `alg`, to publish.
    Jwks,
    /// SubjectPublicKeyInfo PEM.
    Pem,
}

impl KeyFormat {
    const ALL: [KeyFormat; 3] = [KeyFormat::Jwk, KeyFormat::Jwks, KeyFormat::Pem];

    fn id(self) -> &'static str {
        match self {
            KeyFormat::Jwk => "jwk",
            KeyFormat::Jwks => "jwks",
            KeyFormat::Pem => "pem",
        }
    }

    fn label(self) -> &'static str {
        match self {
            KeyFormat::Jwk => "JWK",
            KeyFormat::Jwks => "JWKS (kid = thumbprint)",
            KeyFormat::Pem => "PEM (SPKI)",
        }
    }

    fn pick(self, exports: &PublicKeyExports) -> &str {
        match self {
            KeyFormat::Jwk => &exports.jwk,
            KeyFormat::Jwks => &exports.jwks,
            KeyFormat::Pem => &exports.pem,
        }
    }
}

/// The public key of the key in the box and what it is, `#set-kid`, and the
/// private key's exports behind a button. Shown for private-key algorithms.
#[component]
pub fn KeyExport(
    /// Whether the encoder signs with a private key.
    #[prop(into)]
    shown: Signal<bool>,
    /// The private key as typed.
    #[prop(into)]
    private_key: Signal<String>,
    /// The private key's exports once asked for, with the key text they
    /// were made from (`EncoderState::private_exports`).
    revealed: RwSignal<Option<Revealed>>,
    /// The public key's exports; `None` while read or with no key.
    #[prop(into)]
    exports: Signal<Option<Result<PublicKeyExports, SignProblem>>>,
) -> impl IntoView {
    let format = RwSignal::new(KeyFormat::Jwk);
    let text = Signal::derive(move || {
        exports.with(|e| match e {
            Some(Ok(e)) => format.get().pick(e).to_owned(),
            _ => String::new(),
        })
    });
    let facts = move || {
        let has_key = private_key.with(|k| !k.trim().is_empty());
        exports.with(|e| facts_html(has_key, e.as_ref()))
    };
    // Shown only while the key they were made from is still in the box.
    let current = move || {
        revealed.with(|r| match r {
            Some((key, exports)) if private_key.with(|k| k == key) => Some(exports.clone()),
            _ => None,
        })
    };
    let private_text = move |jwk: bool| {
        current()
            .and_then(Result::ok)
            .map(|e| if jwk { e.jwk } else { e.pkcs8_pem })
            .unwrap_or_default()
    };
    let reveal = move |_| {
        let key = private_key.get_untracked();
        if key.trim().is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let exports = sign_module::private_exports(&key).await;
            revealed.set(Some((key, exports)));
        });
    };
    let private_error = move || match current() {
        Some(Err(e)) => element("p", "key-error", &e.to_string()),
        _ => Html::new(),
    };
    let options = KeyFormat::ALL
        .map(|f| view! { <option value=f.id()>{f.label()}</option> })
        .collect_view();
    view! {
        <div class="panel key-export" hidden=move || !shown.get()>
            <div class="section-head">
                <label for="encoder-public-key" class="section-title">"Public key"</label>
                <select id="encoder-public-key-format" aria-label="Public key format" prop:value=move || format.get().id() on:change=move |ev| { let id = event_target_value(&ev); if let Some(f) = KeyFormat::ALL.into_iter().find(|f| f.id() == id) { format.set(f) } }>{options}</select>
            </div>
            <textarea id="encoder-public-key" rows="8" readonly spellcheck="false" prop:value=text></textarea>
            <div class="slot" aria-live="polite" inner_html=html::inner(facts)></div>
            <div class="buttons copy-row">
                <button id="set-kid" type="button">"Set kid to the thumbprint"</button>
                <CopyButton id="copy-public-key" label="Copy public key" text=text />
                <button id="show-private-key" type="button" on:click=reveal>"Show the private key (PKCS #8, JWK)"</button>
            </div>
            <div class="private-export" hidden=move || current().is_none_or(|e| e.is_err())>
                <p class="hint">"Your private key: whoever has it can sign tokens that verify with the public key above. It is shown here only."</p>
                <label for="encoder-private-pkcs8">"PKCS #8 PEM"</label>
                <textarea id="encoder-private-pkcs8" rows="6" readonly spellcheck="false" prop:value=move || private_text(false)></textarea>
                <label for="encoder-private-jwk">"Private JWK"</label>
                <textarea id="encoder-private-jwk" rows="6" readonly spellcheck="false" prop:value=move || private_text(true)></textarea>
            </div>
            <div class="slot" inner_html=html::inner(private_error)></div>
        </div>
    }
}

/// What the key is and its RFC 7638 thumbprint, why it cannot be read, or
/// that it is being read. The description and the module's refusal may
/// quote the pasted key: escaped.
fn facts_html(has_key: bool, exports: Option<&Result<PublicKeyExports, SignProblem>>) -> Html {
    match exports {
        _ if !has_key => Html::new(),
        None => element("p", "key-pending", "Reading the key…"),
        Some(Err(e)) => element("p", "key-error", &e.to_string()),
        Some(Ok(e)) => tag("dl").class("key-facts").child(Html::concat([
            tag("dt").text("Key"),
            tag("dd").text(&format!("{} ({})", e.describe, e.source)),
            tag("dt").text("Thumbprint (RFC 7638)"),
            tag("dd").id("encoder-key-thumbprint").text(&e.thumbprint),
        ])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    fn exports(text: &str) -> PublicKeyExports {
        PublicKeyExports {
            describe: text.to_owned(),
            source: text.to_owned(),
            jwk: text.to_owned(),
            jwks: String::new(),
            pem: String::new(),
            thumbprint: text.to_owned(),
        }
    }

    #[test]
    fn facts_quoting_the_key_are_escaped() {
        let html = facts_html(true, Some(&Ok(exports(HOSTILE))));
        assert_escaped(html.as_str());
        assert!(
            html.as_str()
                .starts_with("<dl class=\"key-facts\"><dt>Key</dt><dd>&lt;img")
        );
        let refused = Err(SignProblem::Refused(HOSTILE.to_owned()));
        assert_escaped(facts_html(true, Some(&refused)).as_str());
    }

    #[test]
    fn no_key_shows_nothing() {
        assert!(facts_html(false, Some(&Ok(exports("x")))).is_empty());
        assert!(facts_html(true, None).as_str().contains("key-pending"));
    }

    #[test]
    fn formats_pick_their_text() {
        let mut e = exports("jwk");
        e.jwks = "jwks".to_owned();
        e.pem = "pem".to_owned();
        for f in KeyFormat::ALL {
            assert_eq!(f.pick(&e), f.id());
        }
    }
}
