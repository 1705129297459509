//! `<App/>`: the full page, laid out over a [`Model`] of its inputs and what they derive.

use leptos::prelude::*;

use super::browser;
use super::cross_checks::CrossChecks;
use super::decryption_form::DecryptionForm;
use super::disclosures::Disclosures;
use super::encoder::{Encoder, EncoderState};
use super::encoder_alg::EncoderAlg;
use super::error_banner::ErrorBanner;
use super::findings_list::FindingsList;
use super::json_panel::JsonPanel;
use super::kb_checks::KbChecks;
use super::model::Model;
use super::nested_token::NestedToken;
use super::paste_note::PasteNote;
use super::segment_view::SegmentView;
use super::share_link::ShareLink;
use super::signature_panel::SignaturePanel;
use super::signatures::Signatures;
use super::time_claims::TimeClaims;
use super::token_input::TokenInput;
use super::token_list::TokenList;
use super::use_known_secret::UseKnownSecret;
use super::validation_panel::{ExpTiming, ValidationPanel};
use super::verification::Verification;
use super::view_options::ViewOptions;
use crate::jwt::{self, AlgChoice, HmacAlg, Part, Secret, SecretEncoding, TimeClaim};

/// The secret the example token is signed with; shown in the page when the
/// example is loaded, so it is no secret at all.
const EXAMPLE_SECRET: &str = "jwt-lens-example-secret-of-32-bytes!";

/// The whole page.
#[component]
pub fn App(
    /// The token to start with: typed before the app started, or from `#token=`.
    initial: String,
    /// The secret typed into the first paint's box before the app started.
    secret: String,
) -> impl IntoView {
    let model = Model::new(initial);
    model.secret.set(secret);
    let Model {
        token,
        secret,
        encoding,
        alg_choice,
        public_key,
        now,
        expected_iss,
        expected_aud,
        expected_nonce,
        leeway,
        now_override,
        report,
        ..
    } = model;
    let table = RwSignal::new(false);
    let local = RwSignal::new(false);
    let findings = model.findings();
    let validation = model.validation();
    let exp_timing = Signal::derive(move || {
        let exp = report.with(|r| r.as_ref().and_then(|r| r.time_claim(TimeClaim::Exp)))?;
        Some(ExpTiming {
            exp,
            at: now_override.get().unwrap_or_else(|| now.get()),
            leeway: leeway.get(),
        })
    });

    let load_example = move || {
        let issued = now.get_untracked();
        let payload = format!(
            "{{\"sub\":\"1234567890\",\"name\":\"Ada Lovelace\",\"account_id\":100002348117421473,\
             \"scope\":\"read:profile\",\"iat\":{issued},\"exp\":{}}}",
            issued + 15 * 60
        );
        let key = Secret::from_bytes(EXAMPLE_SECRET.as_bytes().to_vec());
        let example = jwt::sign(
            HmacAlg::Hs256,
            r#"{"alg":"HS256","typ":"JWT"}"#,
            &payload,
            &key,
        );
        token.set(example);
        secret.set(EXAMPLE_SECRET.to_owned());
        encoding.set(SecretEncoding::Utf8);
        alg_choice.set(AlgChoice::FromToken);
    };
    let encoder = EncoderState::new(now.get_untracked());
    let encode_mode = RwSignal::new(false);
    // Issue 15: the encoder's private key is cleared whenever the mode changes.
    let set_mode = move |encode: bool| {
        if encode_mode.get_untracked() != encode {
            encoder.forget_private_key();
        }
        encode_mode.set(encode);
    };
    let edit = move || {
        report.with_untracked(|r| {
            let Some(r) = r.as_ref() else { return };
            if let Some(h) = &r.header {
                encoder.header.set(h.text.clone());
            }
            if let Some(p) = &r.payload {
                encoder.payload.set(p.text.clone());
            }
            if let Some(choice) = r.alg().as_ref().and_then(EncoderAlg::for_token) {
                encoder.alg.set(choice);
            }
        });
        encoder.secret.set(secret.get_untracked());
        encoder.encoding.set(encoding.get_untracked());
        set_mode(true);
    };
    // The encoder's public key travels with its token, so the decoder
    // verifies it; the private key stays behind and is forgotten.
    let decode_from_encoder = move |(text, public): (String, Option<String>)| {
        token.set(text);
        secret.set(encoder.secret.get_untracked());
        encoding.set(encoder.encoding.get_untracked());
        alg_choice.set(AlgChoice::FromToken);
        if let Some(public) = public {
            public_key.set(public);
        }
        set_mode(false);
    };
    let cleaned = model.cleaned();
    let decryption = model.shown.decryption;
    let clear = move || {
        token.set(String::new());
        secret.set(String::new());
        public_key.set(String::new());
        decryption.key.set(String::new());
        model.shown.detached_text.set(String::new());
        browser::clear_fragment();
    };
    // The decryption key goes when the mode changes (issue 16).
    Effect::new(move |was: Option<bool>| {
        let encoding = encode_mode.get();
        if was.is_some_and(|w| w != encoding) {
            decryption.key.set(String::new());
        }
        encoding
    });
    let jws = Signal::derive(move || model.shown.envelope.with(|e| e.jws_json().cloned()));

    view! {
        <header class="topbar">
            <h1 class="brand">"JWT Lens"</h1>
            <p class="tagline">
                "Decode, inspect and verify JSON Web Tokens. "
                <strong>"Nothing you paste leaves this page."</strong>
            </p>
            <div class="mode-switch" role="radiogroup" aria-label="Mode">
                <input id="mode-decode" type="radio" name="mode" prop:checked=move || !encode_mode.get() on:change=move |_| set_mode(false) />
                <label for="mode-decode">"Decode"</label>
                <input id="mode-encode" type="radio" name="mode" prop:checked=move || encode_mode.get() on:change=move |_| set_mode(true) />
                <label for="mode-encode">"Encode"</label>
            </div>
        </header>
        <main>
        <div class="workspace encoder" hidden=move || !encode_mode.get()>
            <Encoder state=encoder now=now on_decode=Callback::new(decode_from_encoder) />
        </div>
        <div class="workspace" class:is-empty=move || report.with(Option::is_none) hidden=move || encode_mode.get()>
            <section class="column encoded" aria-label="Encoded token">
                <TokenInput
                    value=token
                    on_input=Callback::new(move |text| token.set(text))
                    on_example=Callback::new(move |()| load_example())
                    on_clear=Callback::new(move |()| clear())
                    on_edit=Callback::new(move |()| edit())
                />
                <PasteNote paste=model.paste reading=model.reading />
                <TokenList
                    paste=model.paste
                    current=cleaned
                    now=now
                    on_pick=Callback::new(move |value| model.picked.set(Some(value)))
                />
                <CrossChecks paste=model.paste expected_nonce=expected_nonce now=now leeway=leeway />
                <SegmentView report=model.echo() />
                <ErrorBanner report=report />
                <ShareLink token=cleaned />
                <DecryptionForm state=decryption />
                <Verification model=model />
                <ValidationPanel
                    validation=validation
                    exp_timing=exp_timing
                    on_issuer=Callback::new(move |text| expected_iss.set(text))
                    on_audience=Callback::new(move |text| expected_aud.set(text))
                    on_nonce=Callback::new(move |text| expected_nonce.set(text))
                    on_leeway=Callback::new(move |text: String| leeway.set(text.trim().parse().unwrap_or(0)))
                    on_now=Callback::new(move |text: String| now_override.set(browser::parse_local_datetime(&text)))
                />
            </section>
            <section
                class="column decoded"
                class:table-view=move || table.get()
                aria-label="Decoded token"
            >
                <EmptyState />
                <ViewOptions
                    on_table=Callback::new(move |v| table.set(v))
                    on_local=Callback::new(move |v| local.set(v))
                />
                <TimeClaims report=report now=now />
                <FindingsList findings=findings />
                <Disclosures sd=model.sd_jwt.sd />
                <KbChecks checks=model.sd_jwt.kb_checks />
                <UseKnownSecret model=model />
                <NestedToken state=decryption />
                <JsonPanel report=report part=Part::Header now=now local=local table=table />
                <JsonPanel report=report part=Part::Payload now=now local=local table=table sd=model.sd_jwt.sd />
                <Signatures jws=jws verdicts=model.jws_json.verdicts />
                <SignaturePanel report=report />

            </section>
        </div>
        </main>
        <footer class="footer">
            "JWT Lens runs entirely in your browser: no request is made with your token or secret, "
            "and nothing is stored. The secret is never put in the URL."
        </footer>
    }
}

/// What the decoded column shows before anything is pasted.
#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="empty-state">
            <p class="empty-title">"Paste a JSON Web Token to decode it"</p>
            <p>
                "A " <code>"Bearer"</code> " prefix, quotes and line breaks are fine: they are "
                "removed and listed. Or press " <em>"Example"</em> " to see a signed token."
            </p>
        </div>
    }
}
