//! Public-key signatures: RS, PS, ES and EdDSA checked with a key the user
//! pastes (RFC 7518 §3.3–3.5, RFC 8037).
//!
//! # Design
//!
//! The key arrives as text: a PEM public key, PKCS #1 RSA key or X.509
//! certificate, a JWK, a JWKS, or bare base64 DER. [`read_keys`] turns it into
//! [`Entry`]s; [`check`] picks the one for the token (by `kid` in a set) and
//! verifies with the RustCrypto crates. Nothing is ever fetched, and keys the
//! token names for itself (`jku`, `x5u`, `jwk`, `x5c`) are never used: anyone
//! forging a token can put their own key there ([`embedded_key_note`]).
//!
//! Secret material is refused before anything else ([`secret_material`]):
//! a private key or an HMAC secret pasted where a public key belongs.
//!
//! The page splits this module across two wasm files: the light parts
//! ([`secret_material`], [`KeyCheck::from_wire`], [`embedded_key_note`]) run
//! in the page's own module, and [`check`], which links the crypto crates,
//! runs in a second module loaded only for public-key tokens. [`KeyCheck`]
//! crosses between them as JSON ([`KeyCheck::to_wire`]).

mod cert;
mod error;
mod jwk;
mod material;
mod text;

use sha2::{Digest, Sha256};

pub use cert::CertInfo;
pub use error::{KeyError, SecretKind};
pub use jwk::JwkMeta;
pub use material::{Curve, EcKey, Material, Mismatch, RECOMMENDED_RSA_BITS};
pub use text::{Pem, looks_like_public_key, secret_material};

use super::base64url::{self, Alphabet};
use super::header::Alg;
use super::inspect::{Report, SignatureStatus};
use super::json::{self, Json};
use super::time::format_utc;

/// Where a key came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// PEM `PUBLIC KEY`: a SubjectPublicKeyInfo.
    Spki,
    /// PEM `RSA PUBLIC KEY`: PKCS #1.
    Pkcs1,
    /// PEM `CERTIFICATE`: its subject public key.
    Certificate(CertInfo),
    /// Base64 DER without PEM lines.
    BareDer,
    /// One JWK.
    Jwk,
    /// Entry `index` (from 0) of a JWKS of `count` keys.
    Jwks { index: usize, count: usize },
}

impl Source {
    fn describe(&self) -> String {
        match self {
            Source::Spki => "PEM public key (SubjectPublicKeyInfo)".to_owned(),
            Source::Pkcs1 => "PEM RSA public key (PKCS #1)".to_owned(),
            Source::Certificate(_) => "PEM X.509 certificate".to_owned(),
            Source::BareDer => "base64 DER without PEM lines".to_owned(),
            Source::Jwk => "JWK".to_owned(),
            Source::Jwks { index, count } => format!("JWKS, key {} of {count}", index + 1),
        }
    }
}

/// One key read from the pasted text, or why it could not be.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Where it came from.
    pub source: Source,
    /// What a JWK said about itself; empty for PEM.
    pub meta: JwkMeta,
    /// The key.
    pub key: Result<Material, KeyError>,
}

/// Every key in `text`: one for PEM, DER or a JWK, several for a JWKS. A
/// second and later PEM block is ignored (a certificate chain starts with
/// the signer's own certificate).
///
/// # Errors
///
/// A [`KeyError`] when the text holds no usable key at all, including
/// [`KeyError::Secret`] for private keys and HMAC secrets.
pub fn read_keys(text: &str) -> Result<Vec<Entry>, KeyError> {
    if text.trim().is_empty() {
        return Err(KeyError::Empty);
    }
    if let Some(kind) = secret_material(text) {
        return Err(KeyError::Secret(kind));
    }
    let single = |source: Source, key: Result<Material, KeyError>| {
        key.map(|k| {
            vec![Entry {
                source,
                meta: JwkMeta::default(),
                key: Ok(k),
            }]
        })
    };
    if text.contains("-----BEGIN ") {
        let blocks = text::pem_blocks(text)?;
        // The first block with a key; others (EC PARAMETERS, a CA further
        // down a chain) are skipped.
        let supported = ["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE"];
        let Some(first) = blocks
            .iter()
            .find(|b| supported.contains(&b.label.as_str()))
            .or(blocks.first())
        else {
            return Err(KeyError::NotAKey);
        };
        return match first.label.as_str() {
            "PUBLIC KEY" => single(Source::Spki, Material::from_spki(&first.der)),
            "RSA PUBLIC KEY" => single(Source::Pkcs1, Material::from_pkcs1(&first.der)),
            "CERTIFICATE" => {
                let (info, spki) = cert::read(&first.der)?;
                single(Source::Certificate(info), Material::from_spki(&spki))
            }
            other => Err(KeyError::PemLabel {
                label: other.to_owned(),
            }),
        };
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let value = json::parse(text).map_err(|e| {
            let (line, column) = e.line_column(text);
            KeyError::Json {
                line,
                column,
                reason: e.reason,
            }
        })?;
        if let Some(set) = jwk::set(&value) {
            let set = set?;
            let count = set.len();
            return Ok(set
                .iter()
                .enumerate()
                .map(|(index, item)| Entry {
                    source: Source::Jwks { index, count },
                    meta: jwk::meta(item),
                    key: jwk::material(item),
                })
                .collect());
        }
        let key = jwk::material(&value)?;
        return Ok(vec![Entry {
            source: Source::Jwk,
            meta: jwk::meta(&value),
            key: Ok(key),
        }]);
    }
    if trimmed.starts_with("https://") || trimmed.starts_with("http://") {
        return Err(KeyError::Url);
    }
    if trimmed.starts_with("ssh-") || trimmed.starts_with("ecdsa-sha2-") {
        return Err(KeyError::OpenSsh);
    }
    if let Some(der) = text::bare_der(text) {
        // A PKCS #1 key's SEQUENCE starts with an INTEGER; SPKI and
        // certificates start with another SEQUENCE. The error shown is the
        // one for the structure the bytes look like.
        let pkcs1 = matches!(der.get(1), Some(l) if *l < 0x80 && der.get(2) == Some(&0x02))
            || matches!(der.get(1), Some(0x81) if der.get(3) == Some(&0x02))
            || matches!(der.get(1), Some(0x82) if der.get(4) == Some(&0x02));
        let key = if pkcs1 {
            Material::from_pkcs1(&der)
        } else {
            Material::from_spki(&der).or_else(|e| {
                cert::read(&der)
                    .and_then(|(_, spki)| Material::from_spki(&spki))
                    .map_err(|_| e)
            })
        };
        return single(Source::BareDer, key);
    }
    Err(KeyError::NotAKey)
}

/// Whether `alg` is one JWT Lens verifies with a public key: RS, PS, ES
/// (not ES256K) or EdDSA with Ed25519.
pub fn is_public_key_alg(alg: &Alg) -> bool {
    match alg {
        Alg::Rsa(_) | Alg::RsaPss(_) => true,
        Alg::Ecdsa(name) => matches!(*name, "ES256" | "ES384" | "ES512"),
        Alg::EdDsa(name) => matches!(*name, "EdDSA" | "Ed25519"),
        _ => false,
    }
}

/// The public-key algorithms JWT Lens verifies.
pub const SUPPORTED: [&str; 10] = [
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
];

/// What the key box shows about the pasted key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyState {
    /// A key was read and used (whether or not the signature matched).
    Used,
    /// The text holds no usable key, or none that fits the token.
    Unusable,
    /// Secret material was pasted and refused.
    Refused,
}

impl KeyState {
    /// The `data-state` of `#key-info`: `used`, `unusable` or `refused`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyState::Used => "used",
            KeyState::Unusable => "unusable",
            KeyState::Refused => "refused",
        }
    }

    fn from_str(s: &str) -> KeyState {
        match s {
            "used" => KeyState::Used,
            "refused" => KeyState::Refused,
            _ => KeyState::Unusable,
        }
    }
}

/// The outcome of checking a token with a pasted key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyCheck {
    /// The signature's status, as for HMAC.
    pub status: SignatureStatus,
    /// Whether a key was used.
    pub key_state: KeyState,
    /// Label and value pairs about the key used: type, source, `kid`, …
    pub facts: Vec<(String, String)>,
    /// Warnings about the key: too short, expired certificate, …
    pub notes: Vec<String>,
}

impl KeyCheck {
    fn unusable(status: SignatureStatus) -> KeyCheck {
        KeyCheck {
            status,
            key_state: KeyState::Unusable,
            facts: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// A key that could not be read; refused if it was secret material.
    pub fn unreadable(error: &KeyError) -> KeyCheck {
        let mut out = KeyCheck::unusable(SignatureStatus::Unverified {
            reason: error.to_string(),
        });
        if matches!(error, KeyError::Secret(_)) {
            out.key_state = KeyState::Refused;
        }
        out
    }

    /// Not verified, for `reason`, with no key used.
    pub fn unverified(reason: String) -> KeyCheck {
        KeyCheck::unusable(SignatureStatus::Unverified { reason })
    }

    /// JSON for crossing from the keys module to the page's module.
    pub fn to_wire(&self) -> String {
        let mut out = String::from("{\"state\":");
        json::write_string(&mut out, self.status.as_str());
        let (alg, reason) = match &self.status {
            SignatureStatus::Valid { alg } => (alg.to_string(), String::new()),
            SignatureStatus::Invalid { alg, reason } => (alg.to_string(), reason.clone()),
            SignatureStatus::Unverified { reason } => (String::new(), reason.clone()),
            SignatureStatus::Unsupported { alg } => (alg.clone(), String::new()),
            SignatureStatus::Unsigned => (String::new(), String::new()),
        };
        out.push_str(",\"alg\":");
        json::write_string(&mut out, &alg);
        out.push_str(",\"reason\":");
        json::write_string(&mut out, &reason);
        out.push_str(",\"key\":");
        json::write_string(&mut out, self.key_state.as_str());
        out.push_str(",\"facts\":[");
        for (i, (label, value)) in self.facts.iter().enumerate() {
            out.push_str(if i == 0 { "[" } else { ",[" });
            json::write_string(&mut out, label);
            out.push(',');
            json::write_string(&mut out, value);
            out.push(']');
        }
        out.push_str("],\"notes\":[");
        for (i, note) in self.notes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::write_string(&mut out, note);
        }
        out.push_str("]}");
        out
    }

    /// Reads [`to_wire`](Self::to_wire)'s JSON; `None` if it is not that.
    pub fn from_wire(wire: &str) -> Option<KeyCheck> {
        let value = json::parse(wire).ok()?;
        let text = |name: &str| value.get(name).and_then(Json::as_str);
        let alg = text("alg")?;
        let reason = text("reason")?.to_owned();
        let status = match text("state")? {
            "valid" => SignatureStatus::Valid {
                alg: Alg::parse(alg),
            },
            "invalid" => SignatureStatus::Invalid {
                alg: Alg::parse(alg),
                reason,
            },
            "unsupported" => SignatureStatus::Unsupported {
                alg: alg.to_owned(),
            },
            "unsigned" => SignatureStatus::Unsigned,
            _ => SignatureStatus::Unverified { reason },
        };
        let strings = |v: &Json| match v {
            Json::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let facts = match value.get("facts") {
            Some(Json::Array(pairs)) => pairs
                .iter()
                .filter_map(|p| match strings(p).as_slice() {
                    [label, value] => Some((label.clone(), value.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(KeyCheck {
            status,
            key_state: KeyState::from_str(text("key")?),
            facts,
            notes: value.get("notes").map(strings).unwrap_or_default(),
        })
    }
}

/// Checks a token's signature with the key(s) in `key_text`.
///
/// `alg` and `kid` are the token's header values, `signing_input` its first
/// two segments with their dot, `signature` its third segment as written;
/// `now` (seconds) judges a certificate's validity. Never fails: every
/// problem becomes the returned status.
pub fn check(
    alg: &Alg,
    kid: Option<&str>,
    signing_input: &str,
    signature: &str,
    key_text: &str,
    now: i64,
) -> KeyCheck {
    if !is_public_key_alg(alg) {
        return KeyCheck::unusable(match alg {
            Alg::Hmac(_) | Alg::None => SignatureStatus::Unverified {
                reason: format!("{alg} is not checked with a public key"),
            },
            _ => SignatureStatus::Unsupported {
                alg: alg.to_string(),
            },
        });
    }
    let entries = match read_keys(key_text) {
        Ok(entries) => entries,
        Err(e) => return KeyCheck::unreadable(&e),
    };
    let invalid = |reason: String| SignatureStatus::Invalid {
        alg: alg.clone(),
        reason,
    };
    // No key to try is "not verified", not "invalid": nothing was checked.
    let candidates = match pick(&entries, alg, kid) {
        Ok(c) => c,
        Err(reason) => return KeyCheck::unverified(reason),
    };
    let signature_bytes = match base64url::decode(signature, Alphabet::Url) {
        Ok(d) if !d.padded && !d.non_canonical => d.bytes,
        _ => {
            return KeyCheck::unusable(invalid(
                "the signature segment is not canonical base64url (RFC 7515 §2)".to_owned(),
            ));
        }
    };
    // The first candidate that verifies, else the first one's failure.
    let mut first_failure = None;
    for &(index, how) in &candidates {
        let Some(entry) = entries.get(index) else {
            continue;
        };
        let outcome = judge(entry, alg, signing_input.as_bytes(), &signature_bytes);
        let verified = matches!(outcome, Ok(()));
        if verified || first_failure.is_none() {
            let status = match outcome {
                Ok(()) => SignatureStatus::Valid { alg: alg.clone() },
                Err(Judged::Refused(reason)) => invalid(reason),
                Err(Judged::Unusable(reason)) => SignatureStatus::Unverified { reason },
            };
            let mut report = describe(entry, how, kid, now);
            report.status = status;
            if verified {
                return report;
            }
            first_failure = Some(report);
        }
    }
    let mut report = first_failure
        .unwrap_or_else(|| KeyCheck::unusable(invalid("no key to check it with".to_owned())));
    if candidates.len() > 1 {
        report.status = invalid(format!(
            "none of the {} keys that fit {alg} verifies it",
            candidates.len()
        ));
    }
    report
}

/// The same check from a decoded report.
pub fn check_report(report: &Report, key_text: &str, now: i64) -> KeyCheck {
    let (Some(alg), Some(signing_input), Some(signature)) =
        (report.alg(), report.signing_input(), report.segment_text(2))
    else {
        return KeyCheck::unusable(SignatureStatus::Unverified {
            reason: "the token could not be read".to_owned(),
        });
    };
    check(&alg, report.kid(), signing_input, signature, key_text, now)
}

/// How a key was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    /// It was the only key.
    Only,
    /// Its `kid` is the token's.
    Kid,
    /// The token has no `kid`, so every key that fits `alg` is tried.
    Tried,
}

/// Which entries to try, or why none can be.
fn pick(entries: &[Entry], alg: &Alg, kid: Option<&str>) -> Result<Vec<(usize, How)>, String> {
    if let [_] = entries {
        return Ok(vec![(0, How::Only)]);
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

/// Why one entry did not verify the token.
enum Judged {
    /// The key cannot be read: nothing was checked.
    Unusable(String),
    /// The key was read and refuses this token: wrong type, restricted to
    /// another `alg` or use, or the signature does not match.
    Refused(String),
}

/// Verifies with one entry, or says why it cannot.
fn judge(entry: &Entry, alg: &Alg, message: &[u8], signature: &[u8]) -> Result<(), Judged> {
    let key = entry
        .key
        .as_ref()
        .map_err(|e| Judged::Unusable(e.to_string()))?;
    if let (Material::RsaPss(_), Alg::Rsa(_)) = (key, alg) {
        return Err(Judged::Refused(format!(
            "this key is for RSASSA-PSS only (its SubjectPublicKeyInfo says id-RSASSA-PSS, \
             RFC 4055), and {alg} is RSASSA-PKCS1-v1_5"
        )));
    }
    if !key.fits(alg) {
        return Err(Judged::Refused(format!(
            "{} cannot verify {alg}, which needs {}: a key of the wrong type never verifies",
            article(&key.describe()),
            needed_key(alg)
        )));
    }
    if let Some(key_alg) = &entry.meta.alg
        && *key_alg != alg.to_string()
    {
        return Err(Judged::Refused(format!(
            "this JWK is for alg {key_alg} only (its \"alg\" member), and the token says {alg}"
        )));
    }
    if entry.meta.usage.as_deref() == Some("enc") {
        return Err(Judged::Refused(
            "this JWK is for encryption (\"use\": \"enc\"), not signatures".to_owned(),
        ));
    }
    if let Some(ops) = &entry.meta.key_ops
        && !ops.iter().any(|o| o == "verify")
    {
        return Err(Judged::Refused(format!(
            "this JWK's \"key_ops\" ({}) does not include \"verify\"",
            ops.join(", ")
        )));
    }
    key.verify(alg, message, signature)
        .map_err(|m| Judged::Refused(m.to_string()))
}

fn article(description: &str) -> String {
    // "an RSA", "an EC", "an Ed25519": each letter name starts with a vowel sound.
    let vowel = description.starts_with(['E', 'R']);
    format!("{} {description}", if vowel { "an" } else { "a" })
}

fn needed_key(alg: &Alg) -> &'static str {
    match alg {
        Alg::Rsa(_) | Alg::RsaPss(_) => "an RSA key",
        Alg::Ecdsa("ES256") => "an EC key on P-256",
        Alg::Ecdsa("ES384") => "an EC key on P-384",
        Alg::Ecdsa(_) => "an EC key on P-521",
        _ => "an Ed25519 (OKP) key",
    }
}

/// The facts and notes about the entry used.
fn describe(entry: &Entry, how: How, token_kid: Option<&str>, now: i64) -> KeyCheck {
    let mut facts = Vec::new();
    let mut notes = Vec::new();
    let mut fact = |label: &str, value: String| facts.push((label.to_owned(), value));
    if let Ok(key) = &entry.key {
        fact("Key", key.describe());
    }
    fact("From", entry.source.describe());
    if let Some(kid) = &entry.meta.kid {
        let why = match (how, token_kid) {
            (How::Kid, _) => " (matches the token's kid)",
            (How::Tried, _) => " (the token has no kid; every key that fits was tried)",
            (How::Only, Some(t)) if t != kid => " (differs from the token's kid)",
            _ => "",
        };
        fact("kid", format!("{kid}{why}"));
    }
    if let Some(alg) = &entry.meta.alg {
        fact("JWK alg", alg.clone());
    }
    if let Source::Certificate(info) = &entry.source {
        fact("Subject", info.subject.clone());
        fact("Issuer", info.issuer.clone());
        fact(
            "Valid",
            format!(
                "{} to {}",
                format_utc(info.not_before),
                format_utc(info.not_after)
            ),
        );
        if now > info.not_after {
            notes.push(format!(
                "The certificate expired on {}: its key still checks the signature, but an issuer \
                 that follows its own certificate would no longer use it.",
                format_utc(info.not_after)
            ));
        } else if now < info.not_before {
            notes.push(format!(
                "The certificate is not valid until {}.",
                format_utc(info.not_before)
            ));
        }
    }
    if let Ok(key) = &entry.key {
        fact(
            "Thumbprint",
            format!("{} (RFC 7638, SHA-256)", thumbprint(key)),
        );
        if let Some(bits) = key.rsa_bits()
            && bits < RECOMMENDED_RSA_BITS
        {
            notes.push(format!(
                "This RSA key is {bits} bits, under the {RECOMMENDED_RSA_BITS} bits RFC 7518 §3.3 \
                 requires: keys this short can be factored, after which anyone can sign tokens."
            ));
        }
    }
    KeyCheck {
        status: SignatureStatus::Unverified {
            reason: String::new(),
        },
        key_state: if entry.key.is_ok() {
            KeyState::Used
        } else {
            KeyState::Unusable
        },
        facts,
        notes,
    }
}

/// The RFC 7638 JWK thumbprint: SHA-256 of the required members in
/// lexicographic order, base64url.
pub fn thumbprint(key: &Material) -> String {
    let mut canonical = String::from("{");
    for (i, (name, value)) in key.thumbprint_members().iter().enumerate() {
        if i > 0 {
            canonical.push(',');
        }
        json::write_string(&mut canonical, name);
        canonical.push(':');
        json::write_string(&mut canonical, value);
    }
    canonical.push('}');
    base64url::encode(&Sha256::digest(canonical.as_bytes()))
}

/// What to say when the token's header names its own key: `jwk`, `x5c`
/// (a key inside the token) or `jku`, `x5u` (a URL to fetch one from).
pub fn embedded_key_note(header: &Json) -> Option<String> {
    let named: Vec<&str> = ["jwk", "x5c", "jku", "x5u"]
        .into_iter()
        .filter(|m| header.get(m).is_some())
        .collect();
    if named.is_empty() {
        return None;
    }
    Some(format!(
        "The token names its own key ({}). JWT Lens never fetches it and never verifies with it: \
         whoever forged a token would put their own key there, so a key only proves something when \
         it comes from the issuer, not from the token. Paste the issuer's published key instead.",
        named.join(", ")
    ))
}
