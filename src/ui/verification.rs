//! `<Verification/>`: the secret box, the public-key box, the detached
//! payload when the token has none, and the outcome,
//! wired to a [`Model`]; the app and the embed's `&verify` mode both show it.

use leptos::prelude::*;

use super::detached_payload::DetachedPayload;
use super::key_form::KeyForm;
use super::model::Model;
use super::secret_form::SecretForm;
use super::verify_badge::VerifyBadge;

/// `#secret-input` and its choices, `#public-key-input` for public-key
/// tokens, `#detached-payload-input` for a detached payload, and
/// `#signature-status`.
#[component]
pub fn Verification(
    /// The page's inputs and what they derive.
    model: Model,
) -> impl IntoView {
    let Model {
        secret,
        encoding,
        alg_choice,
        public_key,
        key_check,
        report,
        ..
    } = model;
    let token_alg = model.token_alg();
    view! {
        <SecretForm
            secret=secret
            encoding=encoding
            alg_choice=alg_choice
            token_alg=token_alg
            on_secret=Callback::new(move |text| secret.set(text))
            on_encoding=Callback::new(move |e| encoding.set(e))
            on_alg_choice=Callback::new(move |c| alg_choice.set(c))
        />
        <KeyForm
            public_key=public_key
            token_alg=token_alg
            report=report
            key_check=key_check
            on_key=Callback::new(move |text| public_key.set(text))
        />
        <DetachedPayload
            need=model.shown.detached_need
            value=model.shown.detached_text
            on_input=Callback::new(move |text| model.shown.detached_text.set(text))
        />
        <VerifyBadge status=model.signature() verdicts=model.jws_json.verdicts />
    }
}
