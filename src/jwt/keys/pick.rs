//! Choosing which of the pasted keys to try for a token.

use super::read::{Entry, Source};
use crate::jwt::header::Alg;

/// How a key was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum How {
    /// It was the only key.
    Only,
    /// Its `kid` is the token's.
    Kid,
    /// The token has no `kid`, so every key that fits `alg` is tried.
    Tried,
}

/// Which entries to try, or why none can be.
pub(super) fn pick(
    entries: &[Entry],
    alg: &Alg,
    kid: Option<&str>,
) -> Result<Vec<(usize, How)>, String> {
    // A lone key is the one to use, unless it came from a JWKS and names a
    // different `kid`: a key set is searched by kid (RFC 7515 §4.1.4), as
    // jose's local JWKS does, even when it holds one key.
    if let [only] = entries {
        let from_set = matches!(only.source, Source::Jwks { .. });
        match (kid, only.meta.kid.as_deref()) {
            (Some(kid), Some(its)) if from_set && its != kid => {
                return Err(format!(
                    "no key in this JWKS has the token's kid \"{kid}\"; its one key has kid \"{its}\""
                ));
            }
            _ => return Ok(vec![(0, How::Only)]),
        }
    }
    let kids: Vec<String> = entries
        .iter()
        .map(|e| {
            e.meta
                .kid
                .clone()
                .map_or_else(|| "(no kid)".to_owned(), |k| format!("\"{k}\""))
        })
        .collect();
    if let Some(kid) = kid {
        let matching: Vec<(usize, How)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.meta.kid.as_deref() == Some(kid))
            .map(|(i, _)| (i, How::Kid))
            .collect();
        if matching.is_empty() {
            return Err(format!(
                "no key in this JWKS has the token's kid \"{kid}\"; its keys have kid {}",
                kids.join(", ")
            ));
        }
        return Ok(matching);
    }
    let fitting: Vec<(usize, How)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.key.as_ref().is_ok_and(|k| k.fits(alg)))
        .map(|(i, _)| (i, How::Tried))
        .collect();
    if fitting.is_empty() {
        return Err(format!(
            "the token has no kid and no key in this JWKS fits {alg} (its keys have kid {})",
            kids.join(", ")
        ));
    }
    Ok(fitting)
}
