//! Decrypting the pasted JWE with the key in `#decryption-key-input`, in the
//! decryption module (loaded on first use), and what came of it.

use leptos::prelude::*;

use super::jwe_module;
use crate::jwt::jwe::Answer;

/// Where decryption stands for the current token and key.
#[derive(Clone, Debug, PartialEq)]
pub enum Decryption {
    /// The token is not a JWE: there is nothing to decrypt.
    NotJwe,
    /// A JWE, and no key yet.
    Empty,
    /// The module is working on this token and key.
    Checking,
    /// The module's answer for this token and key.
    Answered(Box<Answer>),
}

impl Decryption {
    /// `#decryption-info`'s `data-state`: `empty`, `checking`, `decrypted`,
    /// `failed` or `refused`.
    pub fn state(&self) -> &'static str {
        match self {
            Decryption::NotJwe | Decryption::Empty => "empty",
            Decryption::Checking => "checking",
            Decryption::Answered(a) => a.state.as_str(),
        }
    }

    /// The answer, when it decrypted.
    pub fn decrypted(&self) -> Option<&Answer> {
        match self {
            Decryption::Answered(a) if a.state == crate::jwt::jwe::AnswerState::Decrypted => {
                Some(a)
            }
            _ => None,
        }
    }
}

/// The decryption key box and its outcome. `Copy`, like [`Model`](super::model::Model).
#[derive(Clone, Copy)]
pub struct DecryptionState {
    /// The key, secret or password as pasted: kept in this signal only,
    /// never stored or put in a link, and cleared when the token stops being
    /// a JWE (and, by the app, when the mode changes).
    pub key: RwSignal<String>,
    /// The outcome for the current token and key.
    pub outcome: Memo<Decryption>,
    /// For a nested token: show the outer JWE instead of the inner token.
    pub show_outer: RwSignal<bool>,
}

/// An answer with the token and key it was computed for.
type Answered = (String, String, Answer);

/// Decrypts whenever the JWE (`jwe_text`, `None` for any other token) or
/// the key changes. Only the newest answer is kept, and it counts only for
/// the token and key it was computed for.
pub fn wire(jwe_text: Memo<Option<String>>) -> DecryptionState {
    let key = RwSignal::new(String::new());
    let show_outer = RwSignal::new(false);
    let answer = RwSignal::new(None::<Answered>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = jwe_text.get();
        let typed = key.get();
        generation.update_value(|g| *g += 1);
        answer.set(None);
        show_outer.set(false);
        let Some(text) = text else {
            // A token that is not a JWE takes the key away with it.
            if !typed.is_empty() {
                key.set(String::new());
            }
            return;
        };
        if typed.trim().is_empty() {
            return;
        }
        let mine = generation.get_value();
        leptos::task::spawn_local(async move {
            let outcome = jwe_module::decrypt(&text, &typed).await;
            if generation.get_value() == mine {
                answer.set(Some((text, typed, outcome)));
            }
        });
    });
    let outcome = Memo::new(move |_| {
        jwe_text.with(|text| {
            let Some(text) = text else {
                return Decryption::NotJwe;
            };
            key.with(|typed| {
                if typed.trim().is_empty() {
                    return Decryption::Empty;
                }
                answer.with(|a| match a {
                    Some((t, k, done)) if t == text && k == typed => {
                        Decryption::Answered(Box::new(done.clone()))
                    }
                    _ => Decryption::Checking,
                })
            })
        })
    });
    DecryptionState {
        key,
        outcome,
        show_outer,
    }
}
