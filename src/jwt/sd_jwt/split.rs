//! Splitting an SD-JWT at its `~` separators (RFC 9901 §4).

use std::ops::Range;

/// The parts of `<issuer-signed JWT>~<disclosure>~…~<optional KB-JWT>`, as
/// byte ranges into the cleaned text, so that every digest and hash is taken
/// over the text exactly as transmitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// The issuer-signed JWT.
    pub issuer_jwt: Range<usize>,
    /// Each disclosure, in the order transmitted. Empty texts between two
    /// `~` are kept, so that they can be shown as malformed.
    pub disclosures: Vec<Range<usize>>,
    /// The key-binding JWT: whatever follows the last `~`, when not empty.
    pub kb_jwt: Option<Range<usize>>,
    /// What `sd_hash` covers: everything up to and including the last `~`
    /// (RFC 9901 §4.3.1).
    pub presentation: Range<usize>,
}

/// Splits `token` when it is an SD-JWT, that is, when it has a `~`;
/// `None` for a plain JWT.
pub fn split(token: &str) -> Option<Parts> {
    let first = token.find('~')?;
    let last = token.rfind('~')?;
    let mut disclosures = Vec::new();
    let mut start = first + 1;
    while start <= last {
        let end = token
            .get(start..)
            .and_then(|rest| rest.find('~'))
            .map_or(last, |i| start + i);
        disclosures.push(start..end);
        start = end + 1;
    }
    let kb_jwt = (last + 1 < token.len()).then(|| last + 1..token.len());
    Some(Parts {
        issuer_jwt: 0..first,
        disclosures,
        kb_jwt,
        presentation: 0..last + 1,
    })
}
