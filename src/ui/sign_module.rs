//! The signing wasm module (`sign/`), loaded on demand: signatures, key
//! exports, key pairs and key conversions.
//!
//! Its crypto (RSA signing, three curves, Ed25519, ML-DSA, the DER and PEM
//! writers) stays out of the page's wasm, as the verifier's does
//! ([`key_module`](super::key_module)). Every call is text in and one JSON
//! object out, `{"ok":true,…}` or `{"ok":false,"error":…}`, read back with
//! the core's JSON reader. Randomness is 32 bytes of
//! `crypto.getRandomValues` per call, so the module imports nothing.

use std::fmt;

use wasm_bindgen::JsValue;

use super::{browser, modules};
use crate::jwt::base64url;
use crate::jwt::json::{self, Json};

/// The module's loader, `globalThis.jwtLensSign` (`scripts/post_build.py`).
const LOADER: &str = "jwtLensSign";

/// Why the signing module gave no answer. Its `Display` is the page text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignProblem {
    /// The module read the request and refused it, in its own words: a key
    /// it cannot read, an `alg` the key does not sign.
    Refused(String),
    /// The module could not load, or answered in a form this page does not read.
    Unavailable(String),
}

impl fmt::Display for SignProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignProblem::Refused(why) => f.write_str(why),
            SignProblem::Unavailable(why) => write!(
                f,
                "the signing module could not run ({why}); reload the page, which fetches it again"
            ),
        }
    }
}

/// A public key in every form the encoder offers, and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKeyExports {
    /// The key, for people: `EC private key on P-256`, …
    pub describe: String,
    /// Where it came from: `PKCS #8 PEM`, `private JWK`, …
    pub source: String,
    /// The JWK: RFC 7638's members only.
    pub jwk: String,
    /// A JWKS of it, with `kid` (the thumbprint), `use` and `alg`.
    pub jwks: String,
    /// The SPKI PEM (`PUBLIC KEY`).
    pub pem: String,
    /// The RFC 7638 SHA-256 thumbprint, base64url.
    pub thumbprint: String,
}

/// The private key as PKCS #8 PEM and as a private JWK, shown only on an
/// explicit click.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateKeyExports {
    /// PEM `PRIVATE KEY`.
    pub pkcs8_pem: String,
    /// The private JWK.
    pub jwk: String,
}

/// A pasted public key in the other form: JWK for PEM, PEM for JWK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    /// The key, for people: `RSA public key, 2048 bits`, …
    pub kind: String,
    /// The JWK: RFC 7638's members only.
    pub jwk: String,
    /// The SPKI PEM.
    pub pem: String,
    /// The RFC 7638 SHA-256 thumbprint, base64url.
    pub thumbprint: String,
}

/// An answer's members.
struct Answer(Json);

impl Answer {
    fn text(&self, name: &str) -> Result<String, SignProblem> {
        self.0
            .get(name)
            .and_then(Json::as_str)
            .map(str::to_owned)
            .ok_or_else(unreadable)
    }
}

fn unreadable() -> SignProblem {
    SignProblem::Unavailable("it answered in a form this page does not read".to_owned())
}

async fn ask(function: &str, args: &[JsValue]) -> Result<Answer, SignProblem> {
    let text = modules::call(LOADER, function, args)
        .await
        .map_err(SignProblem::Unavailable)?;
    let value = json::parse(&text).map_err(|_| unreadable())?;
    match value.get("ok") {
        Some(Json::Bool(true)) => Ok(Answer(value)),
        Some(Json::Bool(false)) => Err(SignProblem::Refused(
            value
                .get("error")
                .and_then(Json::as_str)
                .ok_or_else(unreadable)?
                .to_owned(),
        )),
        _ => Err(unreadable()),
    }
}

/// 32 fresh bytes from the browser's CSPRNG, base64url.
fn random() -> JsValue {
    JsValue::from_str(&base64url::encode(&browser::random_bytes(32)))
}

/// Loads the module ahead of its first use; a failure shows at that use.
pub async fn preload() {
    let _ = modules::load(LOADER).await;
}

/// The signature of `signing_input` under `alg` with the private key
/// `key`, base64url.
pub async fn sign(alg: &str, key: &str, signing_input: &str) -> Result<String, SignProblem> {
    let args = [alg.into(), key.into(), signing_input.into(), random()];
    ask("sign", &args).await?.text("signature_b64url")
}

/// The public key of the private key `key`; `alg` goes into the JWKS entry
/// when the key fits it.
pub async fn public_exports(key: &str, alg: &str) -> Result<PublicKeyExports, SignProblem> {
    let answer = ask("public_exports", &[key.into(), alg.into()]).await?;
    Ok(PublicKeyExports {
        describe: answer.text("describe")?,
        source: answer.text("source")?,
        jwk: answer.text("jwk")?,
        jwks: answer.text("jwks")?,
        pem: answer.text("pem")?,
        thumbprint: answer.text("thumbprint")?,
    })
}

/// The private key `key` as PKCS #8 PEM and private JWK.
pub async fn private_exports(key: &str) -> Result<PrivateKeyExports, SignProblem> {
    let answer = ask("private_exports", &[key.into()]).await?;
    Ok(PrivateKeyExports {
        pkcs8_pem: answer.text("pkcs8_pem")?,
        jwk: answer.text("jwk")?,
    })
}

/// A new private key of `kind` (`P-256`, `Ed25519`, `ML-DSA-65`, …) as
/// PKCS #8 PEM.
pub async fn generate(kind: &str) -> Result<String, SignProblem> {
    ask("generate", &[kind.into(), random()])
        .await?
        .text("pkcs8_pem")
}

/// A public key (PEM, certificate, JWK or one-key JWKS) in both forms.
pub async fn convert_public(text: &str) -> Result<Converted, SignProblem> {
    let answer = ask("convert_public", &[text.into()]).await?;
    Ok(Converted {
        kind: answer.text("kind")?,
        jwk: answer.text("jwk")?,
        pem: answer.text("pem")?,
        thumbprint: answer.text("thumbprint")?,
    })
}
