//! What the pasted text is, before any cryptography: PEM blocks, JSON, or
//! bare base64, and whether it is secret material that must be refused.
//!
//! This part is light on purpose: the page's own module runs
//! [`secret_material`] on every edit, before anything is kept.

use super::error::{KeyError, SecretKind};
use crate::jwt::base64url::{self, Alphabet, Fault};
use crate::jwt::json::{self, Json};

/// One PEM block: its label and the DER bytes it armours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pem {
    /// The text after `BEGIN ` and before `-----`, such as `PUBLIC KEY`.
    pub label: String,
    /// The decoded body.
    pub der: Vec<u8>,
}

/// Members of a private JWK (RFC 7518 §6.2.2, §6.3.2, RFC 8037 §2, and
/// AKP's `priv` of RFC 9964 §2).
const PRIVATE_MEMBERS: [&str; 7] = ["d", "p", "q", "dp", "dq", "qi", "priv"];

/// The kind of secret material in `text`, if it is any: a PEM (or PGP,
/// OpenSSH, PuTTY) private key, bare base64 of a private key's DER, a JWK
/// with private members anywhere in the JSON (a JWKS, an array, a wrapper
/// object, even JSON that does not parse), or an HMAC `oct` JWK.
/// Cheap: it looks at labels, member names and the first DER bytes only.
pub fn secret_material(text: &str) -> Option<SecretKind> {
    let private_label = text.match_indices("-----BEGIN ").any(|(at, _)| {
        text.get(at..)
            .and_then(|t| t.lines().next())
            .is_some_and(|l| l.contains("PRIVATE"))
    });
    if private_label || text.contains("PuTTY-User-Key-File") {
        return Some(SecretKind::PemPrivate);
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return match json::parse(text) {
            Ok(value) => json_secret(&value),
            // Unreadable JSON that still names a private member.
            Err(_) => PRIVATE_MEMBERS
                .iter()
                .any(|m| names_member(text, m))
                .then_some(SecretKind::JwkPrivate),
        };
    }
    bare_der(text)
        .filter(|der| der_is_private_key(der))
        .map(|_| SecretKind::PemPrivate)
}

/// Whether `text` has `"name"` followed by a colon, as a JSON member name.
fn names_member(text: &str, name: &str) -> bool {
    let quoted = format!("\"{name}\"");
    text.match_indices(&quoted).any(|(at, _)| {
        text.get(at + quoted.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// The first JWK with private or secret members anywhere in `value`.
fn json_secret(value: &Json) -> Option<SecretKind> {
    match value {
        Json::Object(members) => {
            jwk_secret(value).or_else(|| members.iter().find_map(|(_, v)| json_secret(v)))
        }
        Json::Array(items) => items.iter().find_map(json_secret),
        _ => None,
    }
}

fn jwk_secret(jwk: &Json) -> Option<SecretKind> {
    if PRIVATE_MEMBERS.iter().any(|m| jwk.get(m).is_some()) {
        return Some(SecretKind::JwkPrivate);
    }
    (jwk.get("kty").and_then(Json::as_str) == Some("oct") || jwk.get("k").is_some())
        .then_some(SecretKind::JwkSymmetric)
}

/// DER that starts like a private key: a SEQUENCE whose first element is a
/// small INTEGER version, as PKCS #1 `RSAPrivateKey` (0), PKCS #8
/// `PrivateKeyInfo` (0 or 1) and SEC 1 `ECPrivateKey` (1) do. Public keys
/// start with a SEQUENCE (SPKI, certificates) or a large INTEGER (PKCS #1).
fn der_is_private_key(der: &[u8]) -> bool {
    let Some(content) = sequence_content(der) else {
        return false;
    };
    matches!(content, [0x02, 0x01, 0 | 1, ..])
}

/// The bytes after a DER SEQUENCE header, if `der` starts with one.
fn sequence_content(der: &[u8]) -> Option<&[u8]> {
    let (&tag, rest) = der.split_first()?;
    if tag != 0x30 {
        return None;
    }
    let (&len, rest) = rest.split_first()?;
    let skip = if len & 0x80 == 0 {
        0
    } else {
        usize::from(len & 0x7F)
    };
    rest.get(skip..)
}

/// DER object identifiers (tag, length and value) of the public-key
/// algorithms a SubjectPublicKeyInfo names.
const KEY_OIDS: [&[u8]; 5] = [
    &[
        0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01,
    ], // rsaEncryption
    &[
        0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A,
    ], // RSASSA-PSS
    &[0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01], // id-ecPublicKey
    &[0x06, 0x03, 0x2B, 0x65, 0x70],                         // Ed25519
    &[0x06, 0x03, 0x2B, 0x65, 0x71],                         // Ed448
];

/// Whether DER bytes are a public key: a SubjectPublicKeyInfo or
/// certificate (a SEQUENCE naming a key algorithm), or a PKCS #1
/// `RSAPublicKey` (a SEQUENCE of a large INTEGER and a small one).
fn der_is_public_key(der: &[u8]) -> bool {
    let Some(content) = sequence_content(der) else {
        return false;
    };
    let names_key_algorithm = KEY_OIDS
        .iter()
        .any(|oid| der.windows(oid.len()).take(2048).any(|w| w == *oid));
    let pkcs1 = match content {
        [0x02, 0x82, hi, lo, ..] => usize::from(*hi) << 8 | usize::from(*lo) >= 64,
        [0x02, 0x81, len, ..] => *len >= 64,
        _ => false,
    };
    names_key_algorithm || pkcs1
}

/// Whether a would-be HMAC secret is a public key rather than a secret: a
/// PEM public key or certificate, an OpenSSH key line, a JWK or JWKS of an
/// asymmetric `kty`, base64 of a public key's DER (PEM without its lines),
/// or the DER bytes themselves (a base64 secret that decoded to one). Used
/// to refuse the classic forgery: an HS256 token "signed" with the issuer's
/// public key.
pub fn looks_like_public_key(bytes: &[u8]) -> bool {
    if der_is_public_key(bytes) {
        return true;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let trimmed = text.trim_start();
    if text.contains("-----BEGIN PUBLIC KEY-----")
        || text.contains("-----BEGIN RSA PUBLIC KEY-----")
        || text.contains("-----BEGIN CERTIFICATE-----")
        || trimmed.starts_with("ssh-")
        || trimmed.starts_with("ecdsa-sha2-")
    {
        return true;
    }
    if bare_der(text).is_some_and(|der| der_is_public_key(&der)) {
        return true;
    }
    let Ok(value) = json::parse(text) else {
        return false;
    };
    let asymmetric = |k: &Json| {
        matches!(
            k.get("kty").and_then(Json::as_str),
            Some("RSA" | "EC" | "OKP")
        )
    };
    match value.get("keys") {
        Some(Json::Array(keys)) => keys.iter().any(asymmetric),
        _ => asymmetric(&value),
    }
}

/// Every PEM block in `text`, in order, up to the first broken one.
///
/// # Errors
///
/// When the first block is broken: [`KeyError::PemUnterminated`] for a block
/// without its END line, and [`KeyError::PemBase64`] for a body that is not
/// base64.
pub fn pem_blocks(text: &str) -> Result<Vec<Pem>, KeyError> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = rest.get(start + "-----BEGIN ".len()..).unwrap_or_default();
        let Some(label_end) = after.find("-----") else {
            break;
        };
        let label = after.get(..label_end).unwrap_or_default().trim().to_owned();
        let body_and_rest = after.get(label_end + 5..).unwrap_or_default();
        let end_line = format!("-----END {label}-----");
        let Some(body_end) = body_and_rest.find(&end_line) else {
            // A later block cut off (a chain pasted in part) leaves the first.
            if blocks.is_empty() {
                return Err(KeyError::PemUnterminated { label });
            }
            break;
        };
        let body = body_and_rest.get(..body_end).unwrap_or_default();
        // `body_and_rest` is a suffix of `text`, so this is where the body
        // starts in the pasted text, in characters.
        let body_start = text
            .get(..text.len() - body_and_rest.len())
            .map_or(0, |before| before.chars().count());
        let (base64, positions) = pem_body(body, body_start);
        match base64url::decode(&base64, Alphabet::Standard) {
            Ok(decoded) => blocks.push(Pem {
                label,
                der: decoded.bytes,
            }),
            Err(fault) if blocks.is_empty() => {
                return Err(KeyError::PemBase64 {
                    label,
                    fault: in_pasted_text(fault, &positions),
                });
            }
            Err(_) => break,
        }
        rest = body_and_rest
            .get(body_end + end_line.len()..)
            .unwrap_or_default();
    }
    Ok(blocks)
}

/// The base64 characters of a PEM body, without line breaks, spaces and
/// header lines, and for each the 1-based position in the pasted text of the
/// character it came from (`start` characters precede the body there).
fn pem_body(body: &str, start: usize) -> (String, Vec<usize>) {
    let mut base64 = String::with_capacity(body.len());
    let mut positions = Vec::with_capacity(body.len());
    let mut seen = start;
    for line in body.split_inclusive('\n') {
        // RFC 7468 allows no headers, but legacy (RFC 1421) blocks carry
        // some, such as `Proc-Type:`; they are lines with a colon before the
        // data.
        let header = line.contains(':');
        for c in line.chars() {
            seen += 1;
            if !header && !c.is_whitespace() {
                base64.push(c);
                positions.push(seen);
            }
        }
    }
    (base64, positions)
}

/// `fault`, whose positions count in the stripped base64, with positions
/// counting in the pasted text instead, so a person can find the character.
fn in_pasted_text(fault: Fault, positions: &[usize]) -> Fault {
    let pasted = |p: usize| {
        p.checked_sub(1)
            .and_then(|i| positions.get(i))
            .copied()
            .unwrap_or(p)
    };
    match fault {
        Fault::Char {
            position,
            character,
        } => Fault::Char {
            position: pasted(position),
            character,
        },
        Fault::Padding { position } => Fault::Padding {
            position: pasted(position),
        },
        Fault::Length { length } => Fault::Length { length },
    }
}

/// The bytes of `text` if it is nothing but base64 (whitespace allowed) that
/// decodes to a DER SEQUENCE: a key copied without its PEM lines.
pub fn bare_der(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 16 {
        return None;
    }
    let bytes = base64url::decode(&compact, Alphabet::Lenient).ok()?.bytes;
    (bytes.first() == Some(&0x30)).then_some(bytes)
}
