//! The Unencoded Payload Option (RFC 7797): whether a header's `b64` and
//! `crit` let the payload be signed as it is rather than base64url-encoded.

use std::fmt;

use super::status::Reason;
use crate::jwt::json::Json;

/// The one `crit` extension JWT Lens implements.
const B64: &str = "b64";

/// Why a header's `b64` cannot be honoured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum B64Fault {
    /// `b64: false` without `"b64"` in `crit`, which RFC 7797 §6 requires
    /// so that libraries that do not know the option reject the token.
    NotCritical,
    /// `b64` is not `true` or `false` (RFC 7797 §3).
    NotBoolean,
    /// `crit` lists `"b64"` but the header has no `b64` (RFC 7515 §4.1.11).
    Missing,
}

impl fmt::Display for B64Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            B64Fault::NotCritical => {
                "the header sets b64 to false but its crit does not list \"b64\", which RFC 7797 \
                 §6 requires so that no library reads the payload as base64url"
            }
            B64Fault::NotBoolean => "the header's b64 must be true or false (RFC 7797 §3)",
            B64Fault::Missing => {
                "the header's crit lists \"b64\" but the header has no b64 (RFC 7515 §4.1.11)"
            }
        })
    }
}

/// Whether the payload is base64url-encoded in the signing input (`true`,
/// RFC 7515's default) or used as it is (`b64: false`, RFC 7797).
///
/// # Errors
///
/// [`Reason::Crit`] when `crit` names an extension other than `b64` or is
/// not a non-empty list of names, and [`Reason::Unencoded`] when `b64` is
/// not honoured as written.
pub fn payload_is_encoded(header: &Json) -> Result<bool, Reason> {
    let b64 = header.get(B64);
    let Some(crit) = header.get("crit") else {
        return match b64 {
            Some(Json::Bool(false)) => Err(Reason::Unencoded(B64Fault::NotCritical)),
            // Without `crit`, a `b64` of true or of another type changes
            // nothing for any library; the payload is encoded.
            _ => Ok(true),
        };
    };
    let names: Option<Vec<&str>> = match crit {
        Json::Array(items) if !items.is_empty() => items.iter().map(Json::as_str).collect(),
        _ => None,
    };
    let Some(names) = names else {
        return Err(Reason::Crit { names: Vec::new() });
    };
    // Each name is quoted as the token wrote it; the page shows every such
    // text through its escaper.
    let unknown: Vec<String> = names
        .iter()
        .filter(|n| **n != B64)
        .map(|n| format!("\"{n}\""))
        .collect();
    if !unknown.is_empty() {
        return Err(Reason::Crit { names: unknown });
    }
    match b64 {
        Some(Json::Bool(encoded)) => Ok(*encoded),
        Some(_) => Err(Reason::Unencoded(B64Fault::NotBoolean)),
        None => Err(Reason::Unencoded(B64Fault::Missing)),
    }
}
