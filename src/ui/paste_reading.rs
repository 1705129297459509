//! Reading what was pasted: at once when it is small, in steps when it is
//! large, so that a 5 MB HAR file never blocks the page for long (issue 14).
//!
//! A large paste is read after the task that received it, with
//! [`Reading`]: a HAR file's entries are parsed and read in chunks sized
//! to take about 12 ms each, yielding to the event loop
//! between them as the known-secret search does ([`known_secrets`]). A
//! newer paste abandons the reading of an older one.

use leptos::prelude::*;

use super::known_secrets::{next_chunk_size, yield_to_event_loop};
use super::latest::changes;
use crate::jwt::paste::{self, Extraction, Reading};

/// Pastes longer than this are read in steps; shorter ones (every token,
/// curl command or token response people paste) at once, in the same task.
pub const STEPPED_FROM: usize = 64 * 1024;
/// HAR entries in the first chunk, before any chunk has been timed.
const FIRST_CHUNK: usize = 20;

/// How far the reading of a large paste is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Started: telling what the paste is.
    Started,
    /// A HAR file: this many entries read, and this percentage of its bytes.
    Har {
        /// Entries read.
        entries: usize,
        /// Bytes read, in per cent of the paste.
        percent: usize,
    },
}

/// What the paste holds, and how far its reading is.
#[derive(Clone, Copy)]
pub struct PasteState {
    /// Every token the paste holds; `None` for a single token, for nothing
    /// token-like, and while a large paste is being read.
    pub paste: Memo<Option<Extraction>>,
    /// `Some` while a large paste is being read.
    pub progress: Memo<Option<Progress>>,
}

/// The reading of a large paste: under way, or its result.
#[derive(Clone, Debug, PartialEq)]
enum Stepped {
    Reading(Progress),
    Read(Option<Extraction>),
}

/// Reads `token` whenever it changes.
pub fn wire(token: RwSignal<String>) -> PasteState {
    let at_once =
        Memo::new(move |_| token.with(|t| (t.len() <= STEPPED_FROM).then(|| paste::read(t))));
    // Counts the token's changes, so that what the reading below answers is
    // known to be for the current text in the same update that changed it,
    // before the effect that starts the next reading runs: the page never
    // decodes a large paste whole while waiting.
    let version = changes(token);
    let stepped = RwSignal::new((0u64, Stepped::Read(None)));
    Effect::new(move |_| {
        let mine = version.get();
        if token.with_untracked(|t| t.len() <= STEPPED_FROM) {
            return;
        }
        stepped.set((mine, Stepped::Reading(Progress::Started)));
        let current = move || version.try_get_untracked() == Some(mine);
        leptos::task::spawn_local(async move {
            let mut reading = Reading::new();
            let mut size = FIRST_CHUNK;
            loop {
                // First yield, so that the reading never lengthens the task
                // that received the paste (copying 5 MB out of the
                // clipboard is already tens of milliseconds).
                yield_to_event_loop().await;
                if !current() {
                    return;
                }
                let began = js_sys::Date::now();
                // The text is read where it is, not copied: while the
                // version is current, it is the text this reading began on.
                if let Some(found) = token.with_untracked(|text| reading.step(text, size)) {
                    stepped.set((mine, Stepped::Read(found)));
                    return;
                }
                size = next_chunk_size(size, js_sys::Date::now() - began);
                if let Some(at) = reading.progress() {
                    let percent = token.with_untracked(|t| at.bytes * 100 / t.len().max(1));
                    let progress = Progress::Har {
                        entries: at.entries,
                        percent,
                    };
                    stepped.set((mine, Stepped::Reading(progress)));
                }
            }
        });
    });
    // The stepped reading's state for the current text: just started when
    // it is for an older one.
    let current = move || {
        let now = version.get();
        stepped.with(|(v, s)| {
            if *v == now {
                s.clone()
            } else {
                Stepped::Reading(Progress::Started)
            }
        })
    };
    let paste = Memo::new(move |_| match at_once.get() {
        Some(found) => found,
        None => match current() {
            Stepped::Read(found) => found,
            Stepped::Reading(_) => None,
        },
    });
    let progress = Memo::new(move |_| {
        if at_once.with(Option::is_some) {
            return None;
        }
        match current() {
            Stepped::Reading(progress) => Some(progress),
            Stepped::Read(_) => None,
        }
    });
    PasteState { paste, progress }
}
