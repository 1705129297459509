//! `<Encoder/>`: build a token from header and payload text, or re-sign a pasted one.

use leptos::prelude::*;

use super::browser;
use super::copy_button::CopyButton;
use super::encoder_alg::EncoderAlg;
use super::encoder_export::{self, Exports, KeyExport};
use super::encoder_key::{KeyGen, PrivateKeyBox};
use super::encoder_sign::{self, EncodeError};
use super::html::{self, Html, element};
use super::sign_module::{self, PrivateKeyExports, SignProblem};
use crate::jwt::base64url;
use crate::jwt::json::set_member;
use crate::jwt::{self, Json, Part, Preset, SecretEncoding, SignAlg};

/// What the encoder edits. `App` owns it so that "Edit this token" can fill it.
#[derive(Clone, Copy)]
pub struct EncoderState {
    /// Header JSON, exactly as typed.
    pub header: RwSignal<String>,
    /// Payload JSON, exactly as typed.
    pub payload: RwSignal<String>,
    /// The algorithm to sign with.
    pub alg: RwSignal<EncoderAlg>,
    /// The secret as typed.
    pub secret: RwSignal<String>,
    /// How the typed secret becomes bytes.
    pub encoding: RwSignal<SecretEncoding>,
    /// The private key as pasted or made here; only ever in this signal and
    /// its box, and emptied by [`forget_private_key`](Self::forget_private_key).
    pub private_key: RwSignal<String>,
    /// How many times the private key was forgotten: a key pair that
    /// arrives after that is dropped.
    pub wipes: StoredValue<u64>,
    /// The private key's PKCS #8 and JWK, once the user asked to see them.
    pub private_exports: RwSignal<Option<Revealed>>,
}

/// Private-key exports with the key text they were made from.
pub type Revealed = (String, Result<PrivateKeyExports, SignProblem>);

impl EncoderState {
    /// An access-token preset issued at `now`, with no secret yet.
    pub fn new(now: i64) -> EncoderState {
        let (header, payload) = jwt::preset(Preset::Access, now, &random_id());
        EncoderState {
            header: RwSignal::new(header),
            payload: RwSignal::new(payload),
            alg: RwSignal::new(EncoderAlg::Secret(SignAlg::Hmac(jwt::HmacAlg::Hs256))),
            secret: RwSignal::new(String::new()),
            encoding: RwSignal::new(SecretEncoding::Utf8),
            private_key: RwSignal::new(String::new()),
            wipes: StoredValue::new(0),
            private_exports: RwSignal::new(None),
        }
    }

    /// Signs with `choice` from now on, and writes it into the header's
    /// `alg` in place.
    pub fn choose_alg(self, choice: EncoderAlg) {
        self.alg.set(choice);
        self.header.update(|h| {
            if let Some(edited) = set_member(h, "alg", &format!("\"{}\"", choice.name())) {
                *h = edited;
            }
        });
    }

    /// Empties the private key box: when the mode changes and when the page
    /// is left, so that a private key is never kept longer than the
    /// encoder is in use.
    pub fn forget_private_key(self) {
        self.wipes.update_value(|w| *w += 1);
        self.private_key.set(String::new());
        self.private_exports.set(None);
    }
}

/// 128 random bits as hex, for `jti` and `nonce`.
fn random_id() -> String {
    browser::random_bytes(16)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The encoder: `#encoder-header`, `#encoder-payload`, `#encoder-alg`,
/// `#encoder-secret`, `#encoder-secret-encoding` or `#encoder-private-key`,
/// the token in `#encoder-output` and what stops it in `#encoder-error`.
#[component]
pub fn Encoder(
    /// What is being edited.
    state: EncoderState,
    /// Seconds since the epoch, for presets and time buttons.
    #[prop(into)]
    now: Signal<i64>,
    /// Called with the token, and the public JWK for a private-key `alg`,
    /// when the user asks to decode it.
    on_decode: Callback<(String, Option<String>)>,
) -> impl IntoView {
    let EncoderState {
        header,
        payload,
        alg,
        secret,
        encoding,
        ..
    } = state;
    let output = encoder_sign::output(state);
    let token = Signal::derive(move || output.get().and_then(Result::ok).unwrap_or_default());
    let exports = encoder_export::public_key(state);
    let keygen = KeyGen::new();
    // The signing module's crypto is only linked there: load it as soon as
    // a private-key alg is chosen, so that the first signature is quick.
    Effect::new(move |_| {
        if alg.with(|a| a.key().is_some()) {
            leptos::task::spawn_local(sign_module::preload());
        }
    });
    // A private key is not kept when the page is left (or put in the
    // back-forward cache).
    let _ = window_event_listener_untyped("pagehide", move |_| state.forget_private_key());

    let load_preset = move |which: Preset| {
        let (h, p) = jwt::preset(which, now.get_untracked(), &random_id());
        header.set(h);
        payload.set(p);
        alg.set(EncoderAlg::Secret(SignAlg::Hmac(jwt::HmacAlg::Hs256)));
    };
    let set_time = move |claim: &'static str, offset: i64| {
        let value = (now.get_untracked() + offset).to_string();
        payload.update(|p| {
            if let Some(edited) = set_member(p, claim, &value) {
                *p = edited;
            }
        });
    };
    let generate = move |bytes: usize| {
        secret.set(base64url::encode(&browser::random_bytes(bytes)));
        encoding.set(SecretEncoding::Base64Url);
    };

    // Every button of the encoder, by id: the two columns share one
    // delegated listener each rather than a listener per button, as each
    // listener is a closure type of its own in the wasm.
    let pressed = move |id: String| match id.as_str() {
        "preset-access" => load_preset(Preset::Access),
        "preset-refresh" => load_preset(Preset::Refresh),
        "preset-id" => load_preset(Preset::Id),
        "set-iat-now" => set_time("iat", 0),
        "set-exp-15m" => set_time("exp", 15 * 60),
        "set-exp-1h" => set_time("exp", 3600),
        "set-exp-7d" => set_time("exp", 7 * 86_400),
        "generate-256" => generate(32),
        "generate-384" => generate(48),
        "generate-512" => generate(64),
        "generate-key" => keygen.make(state),
        "set-kid" => encoder_export::set_kid(state, exports),
        "decode-this" => {
            let jwk = match alg.get_untracked() {
                EncoderAlg::Key(_) => exports.with_untracked(|e| match e {
                    Some(Ok(e)) => Some(e.jwk.clone()),
                    _ => None,
                }),
                EncoderAlg::Secret(_) => None,
            };
            on_decode.run((token.get_untracked(), jwk));
        }
        _ => {}
    };
    view! {
        <EncoderEditors state=state on_button=Callback::new(pressed) />
        <EncoderSigner state=state output=output token=token exports=exports keygen=keygen on_button=Callback::new(pressed) />
    }
}

/// A click listener for a whole column that reports the id of the button
/// the click happened in, if any.
fn forward_buttons(
    on_button: Callback<String>,
) -> impl Fn(leptos::ev::MouseEvent) + Copy + 'static {
    move |ev| {
        let target = event_target::<web_sys::Element>(&ev);
        if let Some(button) = target.closest("button").ok().flatten() {
            on_button.run(button.id());
        }
    }
}

/// A warning when the header's `alg` is not the algorithm the token is signed with.
fn alg_warning(header: &str, alg: EncoderAlg) -> Html {
    let said = jwt::check_object(Part::Header, header)
        .ok()
        .and_then(|h| h.get("alg").and_then(Json::as_str).map(str::to_owned));
    let text = match said {
        _ if alg == EncoderAlg::Secret(SignAlg::None) => "alg none: this token has no signature, and anyone can forge one like it. Use it only to test that servers reject it.".to_owned(),
        Some(said) if said == alg.name() => return Html::new(),
        Some(said) => format!("The header says alg {said}, but the token is signed with {}.", alg.name()),
        None => format!("The header has no alg, but the token is signed with {}.", alg.name()),
    };
    element("p", "encoder-warning", &text)
}

/// The left column: `#encoder-header` and `#encoder-payload`, with the
/// preset and time buttons.
#[component]
fn EncoderEditors(
    /// What is being edited.
    state: EncoderState,
    /// Called with the id of a button pressed in this column.
    on_button: Callback<String>,
) -> impl IntoView {
    let EncoderState {
        header, payload, ..
    } = state;
    let clicked = forward_buttons(on_button);
    view! {
        <section class="column" on:click=clicked>
            <div class="panel editor panel-header-json">
                <label for="encoder-header" class="section-title">"Header"</label>
                <textarea id="encoder-header" rows="5" spellcheck="false" prop:value=header on:input=move |ev| header.set(event_target_value(&ev))></textarea>
            </div>
            <div class="panel editor panel-payload-json">
                <div class="section-head">
                    <label for="encoder-payload" class="section-title">"Payload"</label>
                    <div class="buttons">
                        <button id="preset-access" type="button">"Access token"</button>
                        <button id="preset-refresh" type="button">"Refresh token"</button>
                        <button id="preset-id" type="button">"ID token"</button>
                    </div>
                </div>
                <textarea id="encoder-payload" rows="13" spellcheck="false" prop:value=payload on:input=move |ev| payload.set(event_target_value(&ev))></textarea>
                <div class="buttons time-buttons">
                    <button id="set-iat-now" type="button">"iat = now"</button>
                    <button id="set-exp-15m" type="button">"exp = +15 min"</button>
                    <button id="set-exp-1h" type="button">"exp = +1 h"</button>
                    <button id="set-exp-7d" type="button">"exp = +7 d"</button>
                </div>
            </div>
        </section>
    }
}

/// The right column: algorithm, secret and its encoding, random secrets, and
/// the token with its copy buttons.
#[component]
fn EncoderSigner(
    /// What is being edited.
    state: EncoderState,
    /// The token, or why there is none; `None` while it is signed.
    #[prop(into)]
    output: Signal<Option<Result<String, EncodeError>>>,
    /// The token, empty while there is none.
    #[prop(into)]
    token: Signal<String>,
    /// The signing key's public key.
    exports: Exports,
    /// The key pair maker.
    keygen: KeyGen,
    /// Called with the id of a button pressed in this column.
    on_button: Callback<String>,
) -> impl IntoView {
    let EncoderState {
        header,
        payload,
        alg,
        secret,
        encoding,
        private_key,
        ..
    } = state;
    let clicked = forward_buttons(on_button);
    let choose_alg = move |ev| {
        if let Some(choice) = EncoderAlg::from_name(&event_target_value(&ev)) {
            state.choose_alg(choice);
        }
    };
    let by_key = Signal::derive(move || alg.with(|a| a.key().is_some()));
    let alg_options = EncoderAlg::ALL
        .map(|a| view! { <option value=a.name()>{a.label()}</option> })
        .collect_view();
    let encoding_options = SecretEncoding::ALL
        .map(|e| view! { <option value=e.id()>{e.label()}</option> })
        .collect_view();

    view! {
        <section class="column" on:click=clicked>
            <fieldset class="secret-form">
                <legend class="section-title">"Sign"</legend>
                <label>"Algorithm"
                    <select id="encoder-alg" prop:value=move || alg.get().name() on:change=choose_alg>{alg_options}</select>
                </label>
                <div class="secret-box" hidden=by_key>
                    <label for="encoder-secret">"Secret"</label>
                    <input id="encoder-secret" type="text" autocomplete="off" spellcheck="false" placeholder="Type a secret or generate one" prop:value=secret on:input=move |ev| secret.set(event_target_value(&ev)) />
                    <div class="form-row">
                        <label>"Secret encoding"
                            <select id="encoder-secret-encoding" prop:value=move || encoding.get().id() on:change=move |ev| { if let Some(e) = SecretEncoding::from_id(&event_target_value(&ev)) { encoding.set(e) } }>{encoding_options}</select>
                        </label>
                        <div class="buttons generate">
                            <button id="generate-256" type="button">"Random 256-bit"</button>
                            <button id="generate-384" type="button">"384"</button>
                            <button id="generate-512" type="button">"512"</button>
                        </div>
                    </div>
                </div>
                <PrivateKeyBox state=state keygen=keygen />
            </fieldset>
            <div class="panel">
                <h2 class="section-title">"Token"</h2>
                <div class="slot" aria-live="polite" inner_html=html::inner(move || output.with(encoder_sign::output_html))></div>
                <div class="slot" inner_html=html::inner(move || alg_warning(&header.read(), alg.get()))></div>
                <div class="buttons copy-row">
                    <CopyButton id="copy-token" label="Copy token" text=token />
                    <CopyButton id="copy-header" label="Copy header" text=header />
                    <CopyButton id="copy-payload" label="Copy payload" text=payload />
                    // No secret signs with a private key: its button goes with the secret box.
                    <span class="slot" hidden=by_key><CopyButton id="copy-secret" label="Copy secret" text=secret /></span>
                    <button id="decode-this" type="button">"Decode this token"</button>
                </div>
            </div>
            <KeyExport shown=by_key private_key=private_key revealed=state.private_exports exports=exports />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jwt::HmacAlg;
    use crate::ui::html::tests::{HOSTILE, assert_escaped, json_string};

    #[test]
    fn header_alg_in_the_warning_is_escaped() {
        let header = format!("{{\"alg\":{}}}", json_string(HOSTILE));
        let html = alg_warning(&header, EncoderAlg::Secret(SignAlg::Hmac(HmacAlg::Hs256)));
        assert_escaped(html.as_str());
        assert!(
            html.as_str()
                .ends_with("but the token is signed with HS256.</p>")
        );
    }
}
