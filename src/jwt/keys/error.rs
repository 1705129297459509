//! Why a pasted key could not be used.

use std::fmt;

use crate::jwt::base64url::Fault;
use crate::jwt::chars::describe;
use crate::jwt::json::JsonReason;

/// Everything that stops JWT Lens from reading a pasted public key. Its
/// `Display` is the text the page shows: a lowercase fragment, no final period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// Nothing but whitespace.
    Empty,
    /// Neither PEM, nor JSON, nor base64 DER.
    NotAKey,
    /// A URL, such as a JWKS endpoint: JWT Lens never fetches.
    Url,
    /// An OpenSSH public key line (`ssh-rsa AAAA…`).
    OpenSsh,
    /// A `-----BEGIN …-----` line without its `-----END …-----`.
    PemUnterminated { label: String },
    /// A PEM label that holds no public key JWT Lens reads.
    PemLabel { label: String },
    /// The base64 between the PEM lines is broken. The fault's positions
    /// count characters from 1 in the whole pasted text, line breaks
    /// included, not in the base64 with its line breaks stripped.
    PemBase64 { label: String, fault: Fault },
    /// DER that is not the structure its label promises.
    Der { what: &'static str, reason: String },
    /// A SubjectPublicKeyInfo for an algorithm JWT Lens does not verify.
    KeyAlgorithm { name: String },
    /// An EC key on a curve JWT Lens does not verify.
    Curve { name: String },
    /// RSA numbers the `rsa` crate refuses (too small, even modulus, …).
    Rsa { reason: String },
    /// An EC point that is not on its curve, or an Ed25519 key that is not a point.
    Point { curve: &'static str },
    /// The text is JSON but not valid.
    Json {
        line: usize,
        column: usize,
        reason: JsonReason,
    },
    /// A JWK without a member it needs, or with a bad one.
    Jwk { reason: String },
    /// A JWK `kty` JWT Lens does not verify with.
    Kty { kty: String },
    /// `{"keys": …}` that is not a non-empty array.
    Jwks { reason: String },
    /// Key material that must not be pasted: a private key or a shared secret.
    Secret(SecretKind),
}

/// Which kind of secret material was pasted where a public key belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretKind {
    /// A PEM private key (`PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`, OpenSSH, …).
    PemPrivate,
    /// A JWK with a private member (`d`, `p`, `q`, …).
    JwkPrivate,
    /// A JWK of `kty` `oct`: an HMAC secret.
    JwkSymmetric,
}

impl fmt::Display for SecretKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SecretKind::PemPrivate => {
                "this is a private key, and verifying needs only the public key: JWT Lens did \
                 not keep it and cleared the box. To sign with it, use the encoder"
            }
            SecretKind::JwkPrivate => {
                "this JWK holds a private key (a \"d\" or \"priv\" member), and verifying needs \
                 only the public members: JWT Lens did not keep it and cleared the box. To sign \
                 with it, use the encoder"
            }
            SecretKind::JwkSymmetric => {
                "this JWK is a shared HMAC secret (kty \"oct\"), not a public key. A token signed \
                 with a public-key alg can only be verified with the issuer's public key; treating \
                 a secret as that key is algorithm confusion. JWT Lens did not keep it and cleared the box"
            }
        })
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Empty => f.write_str("paste the issuer's public key"),
            KeyError::NotAKey => f.write_str(
                "not a key JWT Lens can read: expected a PEM block (BEGIN PUBLIC KEY, BEGIN RSA \
                 PUBLIC KEY or BEGIN CERTIFICATE), a JWK, or a JWKS {\"keys\": […]}",
            ),
            KeyError::Url => f.write_str(
                "this is a URL: JWT Lens never fetches anything, so open the JWKS or key URL \
                 yourself and paste what it returns",
            ),
            KeyError::OpenSsh => f.write_str(
                "an OpenSSH public key; convert it to PEM first, with \
                 ssh-keygen -e -m PKCS8 -f key.pub",
            ),
            KeyError::PemUnterminated { label } => {
                write!(
                    f,
                    "the PEM block BEGIN {label} has no matching END {label} line"
                )
            }
            KeyError::PemLabel { label } => write!(
                f,
                "a PEM {label} holds no public key; paste a PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE"
            ),
            KeyError::PemBase64 { label, fault } => {
                write!(f, "the base64 inside the PEM {label} is broken: ")?;
                match fault {
                    Fault::Char {
                        position,
                        character,
                    } => write!(
                        f,
                        "character {position} of the pasted text ({}) is not base64",
                        describe(*character)
                    ),
                    Fault::Length { length } => {
                        write!(f, "{length} base64 characters cannot encode whole bytes")
                    }
                    Fault::Padding { position } => {
                        write!(
                            f,
                            "misplaced '=' padding at character {position} of the pasted text"
                        )
                    }
                }
            }
            KeyError::Der { what, reason } => write!(f, "not a valid {what}: {reason}"),
            KeyError::KeyAlgorithm { name } => write!(
                f,
                "a {name} key; JWT Lens verifies RSA, EC (P-256, P-384, P-521) and Ed25519 keys"
            ),
            KeyError::Curve { name } => write!(
                f,
                "an EC key on {name}; JWT Lens verifies P-256 (ES256), P-384 (ES384) and P-521 (ES512)"
            ),
            KeyError::Rsa { reason } => write!(f, "not a usable RSA public key: {reason}"),
            KeyError::Point { curve } => {
                write!(f, "the key is not a valid point on {curve}")
            }
            KeyError::Json {
                line,
                column,
                reason,
            } => write!(
                f,
                "the key looks like JSON but is not valid at line {line}, column {column}: {reason}"
            ),
            KeyError::Jwk { reason } => write!(f, "not a usable JWK: {reason}"),
            KeyError::Kty { kty } => write!(
                f,
                "a JWK of kty \"{kty}\"; JWT Lens verifies kty RSA, EC and OKP (Ed25519)"
            ),
            KeyError::Jwks { reason } => write!(f, "not a usable JWKS: {reason}"),
            KeyError::Secret(kind) => kind.fmt(f),
        }
    }
}

impl std::error::Error for KeyError {}
