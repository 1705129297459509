//! SD-JWT (RFC 9901): disclosures decoded, digests checked and put in place,
//! and the holder's key binding checked.
//!
//! # Design
//!
//! An SD-JWT is `<issuer-signed JWT>~<disclosure>~…~<optional KB-JWT>`.
//! [`decode`](super::decode()) reads the part before the first `~` into the
//! ordinary [`Report`], so that every view, verification path, finding and
//! validation works on the issuer-signed JWT unchanged; [`read`] reads the
//! rest from the same cleaned text. `Report` does not carry the result,
//! because this module reads `Report` and the graph stays one-way.

mod disclosure;
mod findings;
mod key_binding;
mod process;
mod split;

use super::json::Json;
use super::report::Report;

pub use crate::jwt::hash::HashAlg;
pub use disclosure::{Content, Malformed, decode as decode_disclosure};
pub use findings::findings;
pub use key_binding::{KbExpectations, holder_key, kb_checks, kb_report};
pub use process::Problem;
pub use split::{Parts, split};

/// What a disclosure turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// A digest in the payload references it, and it was put in place.
    Matched,
    /// No digest references it: a verifier rejects the SD-JWT (RFC 9901 §7.1 step 5).
    Unreferenced,
    /// A copy of an earlier disclosure (RFC 9901 §7.1 step 4).
    Duplicate,
    /// Not a disclosure, or one that cannot go where it is referenced.
    Malformed,
}

impl State {
    /// `matched`, `unreferenced`, `duplicate` or `malformed`: the page's `data-state`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Matched => "matched",
            State::Unreferenced => "unreferenced",
            State::Duplicate => "duplicate",
            State::Malformed => "malformed",
        }
    }
}

/// One disclosure as transmitted, and what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Disclosure {
    /// The base64url text as transmitted.
    pub text: String,
    /// Its digest with the SD-JWT's hash; `None` when `_sd_alg` is unknown.
    pub digest: Option<String>,
    /// What it says, or why it could not be read.
    pub content: Result<Content, Malformed>,
    /// Matched, unreferenced, duplicate or malformed.
    pub state: State,
    /// Where its value was put (`address.street_address`, `nationalities[0]`).
    pub path: Option<String>,
    /// For an array element, its position in the array as the issuer signed it.
    pub index: Option<usize>,
    /// The top-level claim its value went into: its own name for a
    /// top-level claim, the enclosing claim's for a nested one. Kept apart
    /// from `path` because a claim name may itself hold a `.`.
    pub root: Option<String>,
}

impl Disclosure {
    /// The page's `data-claim`: the claim name, or `[index]` for an array
    /// element (`[?]` when no array references it).
    pub fn claim(&self) -> String {
        match &self.content {
            Ok(Content {
                name: Some(name), ..
            }) => name.clone(),
            Ok(_) => match self.index {
                Some(i) => format!("[{i}]"),
                None => "[?]".to_owned(),
            },
            Err(_) => String::new(),
        }
    }
}

/// An SD-JWT read from the cleaned text of a [`Report`].
#[derive(Clone, Debug, PartialEq)]
pub struct SdJwt {
    /// The hash of `_sd_alg`, or its name when unknown.
    pub hash: Result<HashAlg, String>,
    /// Every disclosure, in the order transmitted.
    pub disclosures: Vec<Disclosure>,
    /// The payload as a verifier sees it (RFC 9901 §7.1): disclosures in
    /// place, `_sd`, `_sd_alg` and `...` removed. `None` without a payload.
    pub processed: Option<Json>,
    /// Digests no disclosure matched: claims not disclosed, or decoys.
    pub undisclosed: usize,
    /// Why a verifier would reject it; see also each disclosure's state.
    pub problems: Vec<Problem>,
    /// The key-binding JWT as transmitted.
    pub kb_jwt: Option<String>,
    /// The text `sd_hash` covers: the issuer JWT and disclosures, each with
    /// its `~`, without the KB-JWT (RFC 9901 §4.3.1).
    pub presentation: String,
}

impl SdJwt {
    /// Whether every disclosure was put in place and nothing stood in the
    /// way: what a verifier accepts, signatures aside.
    pub fn disclosures_ok(&self) -> bool {
        self.problems.is_empty() && self.disclosures.iter().all(|d| d.state == State::Matched)
    }
}

/// Reads the SD-JWT in `report`'s cleaned text; `None` when the text has
/// no `~` (a plain JWT).
pub fn read(report: &Report) -> Option<SdJwt> {
    let token = &report.cleaned.token;
    let parts = split(token)?;
    let claims = report.claims();
    let alg_name = claims.and_then(|c| c.get("_sd_alg"));
    let hash = match alg_name {
        None => Ok(HashAlg::Sha256),
        Some(Json::String(name)) => HashAlg::from_name(Some(name)),
        Some(other) => Err(other.compact(40)),
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut disclosures: Vec<Disclosure> = parts
        .disclosures
        .iter()
        .map(|range| {
            let text = token.get(range.clone()).unwrap_or_default();
            let content = disclosure::decode(text);
            let digest = hash.as_ref().ok().map(|h| h.digest(text));
            let state = if content.is_err() {
                State::Malformed
            } else if seen.contains(&text) {
                State::Duplicate
            } else {
                seen.push(text);
                State::Unreferenced
            };
            let text = text.to_owned();
            Disclosure {
                text,
                digest,
                content,
                state,
                path: None,
                index: None,
                root: None,
            }
        })
        .collect();
    let mut problems = Vec::new();
    if let Err(name) = &hash {
        problems.push(Problem::UnknownAlg { name: name.clone() });
    }
    let (processed, undisclosed) = match claims {
        Some(payload) => {
            let result = process::process(payload, &mut disclosures);
            problems.extend(result.problems);
            (Some(result.payload), result.undisclosed)
        }
        None => (None, 0),
    };
    Some(SdJwt {
        hash,
        disclosures,
        processed,
        undisclosed,
        problems,
        kb_jwt: parts.kb_jwt.and_then(|r| token.get(r)).map(str::to_owned),
        presentation: token.get(parts.presentation).unwrap_or_default().to_owned(),
    })
}
