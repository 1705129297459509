//! Why a private key could not be read, or could not sign.

use std::fmt;

use crate::jwt::json::JsonReason;
use crate::jwt::keys::KeyError;

/// Everything that stops JWT Lens from reading a private key or signing with
/// it. Its `Display` is the text the page shows: a lowercase fragment that
/// says what was wrong and where, with no final period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignError {
    // Reading the key text.
    /// Nothing but whitespace.
    Empty,
    /// Neither a PEM private key nor a JWK.
    NotAKey,
    /// A public key or certificate, where signing needs the private key.
    PublicOnly { what: &'static str },
    /// PEM `ENCRYPTED PRIVATE KEY`: PKCS #8 under a password.
    Encrypted,
    /// An OpenSSH or PuTTY private key.
    OpenSsh,
    /// A PEM label that holds no private key JWT Lens reads.
    PemLabel { label: String },
    /// The PEM armour is broken; the public-key reader's error says where.
    Pem(KeyError),
    /// DER that is not the structure its label promises.
    Der { what: &'static str, reason: String },
    /// A private key for an algorithm JWT Lens does not sign with.
    KeyAlgorithm { name: String },
    /// An EC key on a curve JWT Lens does not sign with.
    Curve { name: String },
    /// RSA numbers that are not a consistent private key.
    Rsa { reason: String },
    /// An EC private scalar that is zero or not below the curve's order.
    Scalar { curve: &'static str },
    /// The public part written beside the private key is not its public key.
    Mismatch { what: String },
    /// The text is JSON but not valid.
    Json {
        line: usize,
        column: usize,
        reason: JsonReason,
    },
    /// A JWK member that is missing or bad: the public-key reader's error.
    Jwk(KeyError),
    /// A JWK of a `kty` JWT Lens does not sign with.
    Kty { kty: String },
    /// A JWK of `kty` `oct`: an HMAC secret.
    Symmetric,
    /// A JWKS, where one key is needed.
    Jwks,

    // Fitting the key to the `alg`.
    /// An `alg` JWT Lens does not sign with a private key.
    Alg { name: String },
    /// A key of the wrong type for `alg`.
    WrongKey {
        alg: &'static str,
        key: String,
        needs: &'static str,
    },
    /// An RSA key under the 2048 bits RFC 7518 §3.3 requires.
    RsaTooShort { bits: usize },
    /// An RSA key whose PKCS #8 names id-RSASSA-PSS, with an RS algorithm.
    PssOnly { alg: &'static str },
    /// A JWK whose `alg` member names another algorithm.
    JwkAlg { jwk_alg: String, alg: &'static str },
    /// A JWK whose `use` or `key_ops` rules out signing.
    JwkUse { what: String },

    // Randomness and key generation.
    /// The page passed randomness of the wrong length.
    Randomness { len: usize },
    /// A key type this module does not make.
    KeyType { name: String },
    /// An RSA key type: the page makes those with WebCrypto.
    RsaGeneration,
    /// The crypto library refused to sign (a key that passed every check).
    Failed { reason: String },
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::Empty => {
                f.write_str("paste a private key to sign with, or make a key pair with the button")
            }
            SignError::NotAKey => f.write_str(
                "not a private key JWT Lens can read: expected a PEM block (BEGIN PRIVATE KEY, \
                 BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY) or a private JWK",
            ),
            SignError::PublicOnly { what } => write!(
                f,
                "this is {what}, which only verifies: signing needs the private key \
                 (PKCS #8, PKCS #1 or SEC 1 PEM, or a JWK with its private members)"
            ),
            SignError::Encrypted => f.write_str(
                "an encrypted private key (BEGIN ENCRYPTED PRIVATE KEY): JWT Lens asks for no \
                 password; decrypt a copy first, with openssl pkey -in key.pem",
            ),
            SignError::OpenSsh => f.write_str(
                "an OpenSSH or PuTTY private key; convert a copy to PKCS #8 first, with \
                 ssh-keygen -p -m PKCS8 -f copy_of_key",
            ),
            SignError::PemLabel { label } => write!(
                f,
                "a PEM {label} holds no private key; paste a PRIVATE KEY, RSA PRIVATE KEY or \
                 EC PRIVATE KEY"
            ),
            SignError::Pem(e) | SignError::Jwk(e) => e.fmt(f),
            SignError::Der { what, reason } => write!(f, "not a valid {what}: {reason}"),
            SignError::KeyAlgorithm { name } => write!(
                f,
                "a {name} private key; JWT Lens signs with RSA, EC (P-256, P-384, P-521), \
                 Ed25519 and ML-DSA keys"
            ),
            SignError::Curve { name } => write!(
                f,
                "an EC key on {name}; JWT Lens signs with P-256 (ES256), P-384 (ES384) and \
                 P-521 (ES512)"
            ),
            SignError::Rsa { reason } => write!(f, "not a usable RSA private key: {reason}"),
            SignError::Scalar { curve } => write!(
                f,
                "the private key is not a valid {curve} scalar (zero, or not below the curve's order)"
            ),
            SignError::Mismatch { what } => {
                write!(f, "the key contradicts itself: {what}")
            }
            SignError::Json {
                line,
                column,
                reason,
            } => write!(
                f,
                "the key looks like JSON but is not valid at line {line}, column {column}: {reason}"
            ),
            SignError::Kty { kty } => write!(
                f,
                "a JWK of kty \"{kty}\"; JWT Lens signs with kty RSA, EC, OKP (Ed25519) and \
                 AKP (ML-DSA)"
            ),
            SignError::Symmetric => f.write_str(
                "this JWK is a shared HMAC secret (kty \"oct\"), not a private key: choose \
                 HS256, HS384 or HS512 and use it as the secret",
            ),
            SignError::Jwks => {
                f.write_str("a JWKS {\"keys\": […]}: paste the one private JWK to sign with")
            }
            SignError::Alg { name } => write!(
                f,
                "alg \"{name}\" is not signed with a private key here; JWT Lens signs RS256, \
                 RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, Ed25519, \
                 ML-DSA-44, ML-DSA-65 and ML-DSA-87"
            ),
            SignError::WrongKey { alg, key, needs } => write!(
                f,
                "{} cannot sign {alg}, which needs {needs}",
                with_article(key)
            ),
            SignError::RsaTooShort { bits } => write!(
                f,
                "this RSA key is {bits} bits; RFC 7518 §3.3 requires 2048 bits or more for RS and \
                 PS algorithms, and a shorter key can be factored, so JWT Lens does not sign with it"
            ),
            SignError::PssOnly { alg } => write!(
                f,
                "this key is for RSASSA-PSS only (its PKCS #8 says id-RSASSA-PSS, RFC 4055), and \
                 {alg} is RSASSA-PKCS1-v1_5: choose PS256, PS384 or PS512"
            ),
            SignError::JwkAlg { jwk_alg, alg } => write!(
                f,
                "this JWK is for alg {jwk_alg} only (its \"alg\" member), not {alg}"
            ),
            SignError::JwkUse { what } => write!(f, "this JWK is not for signing: {what}"),
            SignError::Randomness { len } => write!(
                f,
                "the page passed {len} random bytes; signing and making keys take exactly 32 \
                 from the browser's crypto.getRandomValues"
            ),
            SignError::KeyType { name } => write!(
                f,
                "no key type \"{name}\"; JWT Lens makes RSA-2048, RSA-3072, RSA-4096, P-256, \
                 P-384, P-521, Ed25519, ML-DSA-44, ML-DSA-65 and ML-DSA-87 keys"
            ),
            SignError::RsaGeneration => f.write_str(
                "RSA keys are made by the browser's WebCrypto, which does it without freezing \
                 the page; this module reads the PKCS #8 key it exports",
            ),
            SignError::Failed { reason } => write!(f, "signing failed: {reason}"),
        }
    }
}

impl std::error::Error for SignError {}

/// "an RSA private key", "a P-256 …": every description starts with a
/// letter name, and E, R and M (em) are read with a vowel sound.
fn with_article(description: &str) -> String {
    let vowel = description.starts_with(['E', 'R', 'M']);
    format!("{} {description}", if vowel { "an" } else { "a" })
}
