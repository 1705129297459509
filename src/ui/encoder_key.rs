//! `<PrivateKeyBox/>`: the encoder's private key (`#encoder-private-key`)
//! and the key pairs it makes (`#generate-key`, `#generate-key-type`).

use std::fmt;

use leptos::prelude::*;

use super::encoder::EncoderState;
use super::encoder_alg::{EncoderAlg, NewKey};
use super::html::{self, Html, element};
use super::rsa_keygen;
use super::sign_module::{self, SignProblem};

/// Why no key pair was made. Its `Display` is the page text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyGenError {
    /// WebCrypto refused to make an RSA key.
    WebCrypto(String),
    /// The signing module could not make the key.
    Module(SignProblem),
}

impl fmt::Display for KeyGenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyGenError::WebCrypto(why) => {
                write!(f, "the browser could not make the RSA key ({why})")
            }
            KeyGenError::Module(problem) => write!(f, "no key pair was made: {problem}"),
        }
    }
}

/// The key pair being made, and why the last one failed.
#[derive(Clone, Copy)]
pub struct KeyGen {
    /// The type chosen in `#generate-key-type`.
    pub kind: RwSignal<NewKey>,
    /// The type being made, while it is.
    pub making: RwSignal<Option<NewKey>>,
    /// Why the last attempt made no key.
    pub failed: RwSignal<Option<KeyGenError>>,
}

impl KeyGen {
    /// Nothing made yet; P-256 chosen, as it is quick to make and ES256 is
    /// the most common public-key `alg` after RS256.
    pub fn new() -> KeyGen {
        KeyGen {
            kind: RwSignal::new(NewKey::ALL[3]),
            making: RwSignal::new(None),
            failed: RwSignal::new(None),
        }
    }

    /// Makes a key pair of the chosen type and puts its private key (PKCS
    /// #8 PEM) in the key box, choosing an `alg` it signs if the current one
    /// does not fit. A key that arrives after the box was cleared (the mode
    /// changed, the page was left) is dropped.
    pub fn make(self, state: EncoderState) {
        if self.making.get_untracked().is_some() {
            return;
        }
        let kind = self.kind.get_untracked();
        self.making.set(Some(kind));
        self.failed.set(None);
        let wiped = state.wipes.get_value();
        leptos::task::spawn_local(async move {
            let made = match kind {
                NewKey::Rsa(bits) => rsa_keygen::generate(bits)
                    .await
                    .map_err(KeyGenError::WebCrypto),
                NewKey::Other(other) => sign_module::generate(other.name())
                    .await
                    .map_err(KeyGenError::Module),
            };
            self.making.set(None);
            match made {
                Ok(_) if state.wipes.get_value() != wiped => {}
                Ok(pem) => {
                    let alg = kind.alg_for(state.alg.get_untracked());
                    state.choose_alg(EncoderAlg::Key(alg));
                    state.private_key.set(pem);
                }
                Err(e) => self.failed.set(Some(e)),
            }
        });
    }
}

/// The private key box, shown for private-key algorithms, with the key
/// pair maker.
#[component]
pub fn PrivateKeyBox(
    /// What is being edited.
    state: EncoderState,
    /// The key pair maker.
    keygen: KeyGen,
) -> impl IntoView {
    let private_key = state.private_key;
    let KeyGen {
        kind,
        making,
        failed,
    } = keygen;
    let kinds = NewKey::ALL
        .map(|k| view! { <option value=k.name()>{k.name()}</option> })
        .collect_view();
    let status = move || status_html(making.get(), failed.get().as_ref());
    view! {
        <div class="key-box" hidden=move || state.alg.with(|a| a.key().is_none())>
            <label for="encoder-private-key">"Private key"</label>
            <textarea
                id="encoder-private-key"
                rows="6"
                spellcheck="false"
                autocomplete="off"
                placeholder="-----BEGIN PRIVATE KEY----- (PKCS #8), RSA PRIVATE KEY, EC PRIVATE KEY, or a private JWK {\"kty\":…,\"d\":…}"
                prop:value=private_key
                on:input=move |ev| private_key.set(event_target_value(&ev))
            ></textarea>
            <p class="hint">
                "The private key stays in this page: it is never stored, put in a link or sent, "
                "and the box is cleared when you switch to the decoder or leave the page."
            </p>
            <div class="form-row">
                <label>"Key type"
                    <select id="generate-key-type" prop:value=move || kind.get().name() on:change=move |ev| { if let Some(k) = NewKey::from_name(&event_target_value(&ev)) { kind.set(k) } }>{kinds}</select>
                </label>
                <div class="buttons generate">
                    <button id="generate-key" type="button" disabled=move || making.with(Option::is_some)>"Make a key pair"</button>
                </div>
            </div>
            <div class="slot" aria-live="polite" inner_html=html::inner(status)></div>
        </div>
    }
}

/// What the key pair maker is doing, or why it made nothing.
fn status_html(making: Option<NewKey>, failed: Option<&KeyGenError>) -> Html {
    match (making, failed) {
        (Some(kind), _) => element(
            "p",
            "key-pending",
            &format!("Making a key pair ({})…", kind.name()),
        ),
        (None, Some(e)) => element("p", "key-error", &e.to_string()),
        (None, None) => Html::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::html::tests::{HOSTILE, assert_escaped};

    #[test]
    fn failure_quoting_the_browser_is_escaped() {
        let failed = KeyGenError::WebCrypto(HOSTILE.to_owned());
        assert_escaped(status_html(None, Some(&failed)).as_str());
        let failed = KeyGenError::Module(SignProblem::Unavailable(HOSTILE.to_owned()));
        assert_escaped(status_html(None, Some(&failed)).as_str());
    }

    #[test]
    fn making_says_which_key() {
        assert_eq!(
            status_html(Some(NewKey::Rsa(4096)), None).as_str(),
            "<p class=\"key-pending\">Making a key pair (RSA-4096)…</p>"
        );
        assert!(status_html(None, None).is_empty());
    }
}
