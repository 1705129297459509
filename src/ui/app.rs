//! `<App/>`: owns the page's inputs and derives everything else from them.

use std::time::Duration;

use leptos::prelude::*;

use super::browser;
use super::encoder::{Encoder, EncoderState};
use super::error_banner::ErrorBanner;
use super::findings_list::FindingsList;
use super::json_panel::JsonPanel;
use super::secret_form::SecretForm;
use super::segment_view::SegmentView;
use super::share_link::ShareLink;
use super::signature_panel::SignaturePanel;
use super::time_claims::TimeClaims;
use super::token_input::TokenInput;
use super::validation_panel::ValidationPanel;
use super::verify_badge::VerifyBadge;
use super::view_options::ViewOptions;
use crate::jwt::insight::{clock_findings, secret_findings};
use crate::jwt::{
    self, Alg, AlgChoice, Expectations, HmacAlg, Part, Secret, SecretEncoding, SignAlg,
    SignatureStatus, split_list,
};

/// The secret the example token is signed with; shown in the page when the
/// example is loaded, so it is no secret at all.
const EXAMPLE_SECRET: &str = "jwt-lens-example-secret-of-32-bytes!";

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let token = RwSignal::new(browser::token_from_fragment().unwrap_or_default());
    let secret = RwSignal::new(String::new());
    let encoding = RwSignal::new(SecretEncoding::Utf8);
    let alg_choice = RwSignal::new(AlgChoice::FromToken);
    let now = RwSignal::new(browser::now_seconds());
    set_interval(
        move || now.set(browser::now_seconds()),
        Duration::from_secs(1),
    );

    let table = RwSignal::new(false);
    let local = RwSignal::new(false);
    let expected_iss = RwSignal::new(String::new());
    let expected_aud = RwSignal::new(String::new());
    let leeway = RwSignal::new(0i64);
    let now_override = RwSignal::new(None::<i64>);

    // Three memos, from slowest-changing to fastest: the decoded token, its
    // signature check (with what the secret reveals), and what depends on
    // the clock. Each recomputes only when its own inputs change.
    let report = Memo::new(move |_| jwt::inspect(&token.read()));
    let verification = Memo::new(move |_| {
        report.with(|report| {
            let report = report.as_ref()?;
            let typed = secret.read();
            let encoding = encoding.get();
            let key = (!typed.is_empty()).then(|| Secret::decode(&typed, encoding));
            let status = jwt::verify(report, alg_choice.get(), key.clone());
            let (alg, verified) = match status {
                SignatureStatus::Valid { alg } => (Some(alg), true),
                SignatureStatus::Invalid { alg, .. } => (Some(alg), false),
                _ => (None, false),
            };
            let key = key.and_then(Result::ok);
            let risks = secret_findings(report, alg, &typed, encoding, key.as_ref(), verified);
            Some((status, risks))
        })
    });
    let analysis = Memo::new(move |_| {
        let (status, secret_risks) = verification.get()?;
        let expect = Expectations {
            issuer: Some(expected_iss.get()),
            audiences: split_list(&expected_aud.read()),
            leeway: leeway.get(),
            now: now_override.get().unwrap_or_else(|| now.get()),
        };
        report.with(|r| {
            let r = r.as_ref()?;
            let mut findings = r.findings.clone();
            findings.extend(clock_findings(r, now.get()));
            findings.extend(secret_risks);
            findings.sort_by_key(|f| f.severity);
            Some((findings, jwt::validate(r, &status, &expect)))
        })
    });
    let signature =
        Signal::derive(move || verification.with(|v| v.as_ref().map(|(s, _)| s.clone())));
    let findings = Signal::derive(move || {
        analysis.with(|a| a.as_ref().map(|(f, _)| f.clone()).unwrap_or_default())
    });
    let validation = Signal::derive(move || analysis.with(|a| a.as_ref().map(|(_, v)| v.clone())));
    let token_alg = Signal::derive(move || report.with(|r| r.as_ref().and_then(|r| r.alg())));

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
    let edit = move || {
        report.with_untracked(|r| {
            let Some(r) = r.as_ref() else { return };
            if let Some(h) = &r.header {
                encoder.header.set(h.text.clone());
            }
            if let Some(p) = &r.payload {
                encoder.payload.set(p.text.clone());
            }
            match r.alg() {
                Some(Alg::Hmac(alg)) => encoder.alg.set(SignAlg::Hmac(alg)),
                Some(Alg::None) => encoder.alg.set(SignAlg::None),
                _ => {}
            }
        });
        encoder.secret.set(secret.get_untracked());
        encoder.encoding.set(encoding.get_untracked());
        encode_mode.set(true);
    };
    let decode_from_encoder = move |text: String| {
        token.set(text);
        secret.set(encoder.secret.get_untracked());
        encoding.set(encoder.encoding.get_untracked());
        alg_choice.set(AlgChoice::FromToken);
        encode_mode.set(false);
    };
    let cleaned = Signal::derive(move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| r.cleaned.token.clone())
                .unwrap_or_default()
        })
    });
    let clear = move || {
        token.set(String::new());
        secret.set(String::new());
        browser::clear_fragment();
    };

    view! {
        <header class="topbar">
            <h1 class="brand">"JWT Lens"</h1>
            <p class="tagline">
                "Decode, inspect and verify JSON Web Tokens. "
                <strong>"Nothing you paste leaves this page."</strong>
            </p>
            <div class="mode-switch" role="radiogroup" aria-label="Mode">
                <input id="mode-decode" type="radio" name="mode" prop:checked=move || !encode_mode.get() on:change=move |_| encode_mode.set(false) />
                <label for="mode-decode">"Decode"</label>
                <input id="mode-encode" type="radio" name="mode" prop:checked=move || encode_mode.get() on:change=move |_| encode_mode.set(true) />
                <label for="mode-encode">"Encode"</label>
            </div>
        </header>
        <div class="workspace encoder" hidden=move || !encode_mode.get()>
            <Encoder state=encoder now=now on_decode=Callback::new(decode_from_encoder) />
        </div>
        <main class="workspace" class:is-empty=move || report.with(Option::is_none) hidden=move || encode_mode.get()>
            <section class="column encoded" aria-label="Encoded token">
                <TokenInput
                    value=token
                    on_input=Callback::new(move |text| token.set(text))
                    on_example=Callback::new(move |()| load_example())
                    on_clear=Callback::new(move |()| clear())
                    on_edit=Callback::new(move |()| edit())
                />
                <SegmentView report=report />
                <ErrorBanner report=report />
                <ShareLink token=cleaned />
                <SecretForm
                    secret=secret
                    encoding=encoding
                    alg_choice=alg_choice
                    token_alg=token_alg
                    on_secret=Callback::new(move |text| secret.set(text))
                    on_encoding=Callback::new(move |e| encoding.set(e))
                    on_alg_choice=Callback::new(move |c| alg_choice.set(c))
                />
                <VerifyBadge status=signature />
                <ValidationPanel
                    validation=validation
                    on_issuer=Callback::new(move |text| expected_iss.set(text))
                    on_audience=Callback::new(move |text| expected_aud.set(text))
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
                <JsonPanel report=report part=Part::Header now=now local=local />
                <JsonPanel report=report part=Part::Payload now=now local=local />
                <SignaturePanel report=report />

            </section>
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
