//! `<UseKnownSecret/>`: fills the secret field with the known secret found.

use leptos::prelude::*;

use super::model::Model;
use crate::jwt::{AlgChoice, SecretEncoding};

/// `#use-known-secret`: a button, shown while the known-secret search has
/// found the current token's secret and the secret field does not hold it
/// yet, that fills it in (as UTF-8 text, verified with the token's `alg`),
/// so the person sees the signature verify.
#[component]
pub fn UseKnownSecret(
    /// The page's state: reads the found secret, writes the secret field.
    model: Model,
) -> impl IntoView {
    let Model {
        known_secret,
        secret,
        encoding,
        alg_choice,
        ..
    } = model;
    let offer = move || {
        known_secret.get().filter(|found| {
            !(encoding.get() == SecretEncoding::Utf8 && secret.with(|typed| typed == found))
        })
    };
    let fill = move |found: String| {
        secret.set(found);
        encoding.set(SecretEncoding::Utf8);
        alg_choice.set(AlgChoice::FromToken);
    };
    move || {
        offer().map(|found| {
            let label = format!("Verify with the known secret \"{found}\"");
            view! {
                <button id="use-known-secret" class="use-known-secret" type="button" on:click=move |_| fill(found.clone())>
                    {label}
                </button>
            }
        })
    }
}
