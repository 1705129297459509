//! Which token the page shows and verifies: the pasted one; a decrypted
//! JWE's plaintext, or the nested token inside it; the first signature of a
//! JWS JSON serialization; with a detached payload put in its place.

use leptos::prelude::*;

use super::decryption::{self, DecryptionState};
use super::detached_payload::payload_bytes;
use super::envelope::Envelope;
use super::paste_reading::Progress;
use crate::jwt::paste::Extraction;
use crate::jwt::verify::{self, AlgChoice, Checked, SignatureStatus, payload_is_encoded};
use crate::jwt::{self, Report};

/// The memos between the pasted text and the report the panels show.
#[derive(Clone, Copy)]
pub struct Shown {
    /// Compact token, JWE or JWS JSON serialization.
    pub envelope: Memo<Envelope>,
    /// The decryption key box and its outcome.
    pub decryption: DecryptionState,
    /// `#detached-payload-input`'s text.
    pub detached_text: RwSignal<String>,
    /// `Some(encoded)` when the token's payload is detached, with whether
    /// the header base64url-encodes it.
    pub detached_need: Memo<Option<bool>>,
    /// The pasted detached payload as bytes, when one is needed and given.
    pub detached: Memo<Option<Vec<u8>>>,
    /// The token the panels show and the signature check reads.
    pub report: Memo<Option<Report>>,
    /// The text the token was pasted in.
    pub source: Source,
}

/// The token box's text, what a paste holds, and the token picked from it.
#[derive(Clone, Copy)]
pub struct Source {
    token: RwSignal<String>,
    paste: Memo<Option<Extraction>>,
    picked: RwSignal<Option<String>>,
}

impl Source {
    /// The pasted (or picked) token read with `read`: `jwt::inspect` for
    /// the panels, `jwt::decode` for the echo of a decrypted JWE.
    pub fn read(self, read: fn(&str) -> Option<Report>) -> Option<Report> {
        self.paste.with(|p| {
            match p
                .as_ref()
                .and_then(|p| p.pick(self.picked.read().as_deref()))
            {
                Some(value) => read(value),
                None => read(&self.token.read()),
            }
        })
    }
}

/// Wires the memos for `token`, a paste read as `paste`, and the token
/// `picked` from it.
pub fn wire(
    token: RwSignal<String>,
    paste: Memo<Option<Extraction>>,
    reading: Memo<Option<Progress>>,
    picked: RwSignal<Option<String>>,
) -> Shown {
    // Issue 14: a paste with several tokens decodes the picked one. While a
    // large paste is read in steps, its text is not read as a token at all.
    let envelope = Memo::new(move |_| {
        if reading.with(Option::is_some) {
            return Envelope::Compact;
        }
        paste.with(
            |p| match p.as_ref().and_then(|p| p.pick(picked.read().as_deref())) {
                Some(value) => Envelope::read(value, true),
                None => token.with(|t| Envelope::read(t, false)),
            },
        )
    });
    let jwe_text = Memo::new(move |_| envelope.with(|e| e.jwe_text().map(str::to_owned)));
    let decryption = decryption::wire(jwe_text);
    let show_outer = decryption.show_outer;
    let detached_text = RwSignal::new(String::new());
    let source = Source {
        token,
        paste,
        picked,
    };
    // The report is made once per change, never cloned: a 2 MiB token
    // costs its decoding and nothing more.
    let report = Memo::new(move |_| {
        if reading.with(Option::is_some) {
            return None;
        }
        let shown = envelope.with(|e| match e {
            Envelope::Compact => source.read(jwt::inspect),
            // The first signature's token, with the serialization's own
            // unencoded payload (`b64: false`) shown when it has one.
            Envelope::JwsJson(j) => j.signatures.first().and_then(|s| {
                let r = jwt::inspect(&s.compact)?;
                Some(match &s.payload {
                    Some(payload) => jwt::with_detached_payload(&r, payload),
                    None => r,
                })
            }),
            Envelope::Jwe { text, view, .. } => decryption.outcome.with(|d| match d.decrypted() {
                Some(a) if !a.nested.is_empty() && !show_outer.get() => {
                    jwt::inspect(&String::from_utf8_lossy(&a.plaintext))
                }
                Some(a) => jwt::inspect_decrypted(view, &a.plaintext),
                None if text == view => source.read(jwt::inspect),
                None => jwt::inspect(view),
            }),
        })?;
        // A detached payload the user pasted, shown in its place.
        let pasted = detached_text.with(|text| {
            let encoded = compact_need(&shown).filter(|_| !text.is_empty())?;
            let own = envelope.with(|e| e.jws_json().is_some_and(|j| !j.needs_payload()));
            (!own).then(|| payload_bytes(text, encoded).0)
        });
        Some(match pasted {
            Some(payload) => jwt::with_detached_payload(&shown, &payload),
            None => shown,
        })
    });
    // The shown token keeps its empty payload segment and header, so this
    // reads the same before and after the payload is put in.
    let detached_need = Memo::new(move |_| {
        if let Some(need) = envelope.with(|e| e.jws_json().map(jws_need)) {
            return need;
        }
        report.with(|r| r.as_ref().and_then(compact_need))
    });
    let detached = Memo::new(move |_| {
        let encoded = detached_need.get()?;
        detached_text.with(|text| (!text.is_empty()).then(|| payload_bytes(text, encoded).0))
    });
    Shown {
        envelope,
        decryption,
        detached_text,
        detached_need,
        detached,
        report,
        source,
    }
}

/// The structural check for `report`, over the detached payload when one
/// was given: what the keys module is asked about.
pub fn prepare<'a>(
    report: &'a Report,
    detached: Option<&[u8]>,
    choice: AlgChoice,
) -> Result<Checked<'a>, SignatureStatus> {
    match detached {
        Some(payload) => verify::prepare_detached(report, payload, choice),
        None => verify::prepare(report, choice),
    }
}

/// `Some(encoded)` for a compact JWS whose payload segment is empty.
fn compact_need(r: &Report) -> Option<bool> {
    (r.segments.len() == 3 && r.segment_text(1) == Some("")).then(|| encoded(r))
}

/// `Some(encoded)` when a signature of the serialization needs the
/// payload pasted.
fn jws_need(j: &jwt::jws::JwsJson) -> Option<bool> {
    j.needs_payload().then(|| {
        j.signatures
            .iter()
            .find(|s| s.payload.is_none() && s.report.segment_text(1) == Some(""))
            .is_none_or(|s| encoded(&s.report))
    })
}

/// Whether the header base64url-encodes the payload; an unreadable `b64`
/// counts as encoded here, and the signature check says why it is refused.
fn encoded(r: &Report) -> bool {
    r.header
        .as_ref()
        .and_then(|h| h.json.as_ref())
        .is_none_or(|h| payload_is_encoded(h).unwrap_or(true))
}
