//! Public-key signatures: RS, PS, ES, EdDSA and ML-DSA checked with a key
//! the user pastes (RFC 7518 §3.3–3.5, RFC 8037, RFC 9964).
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

//!
//! This module knows nothing of tokens or reports: [`check`] receives the
//! `alg`, the `kid`, the signing input and the signature bytes that the
//! verify layer has already checked, and answers with an [`Outcome`].

mod cert;
mod check;
mod curve;
mod describe;
mod error;
mod jwk;
mod material;
mod mldsa;
mod pick;
mod read;
mod signature;
mod text;
mod wire;

pub use cert::CertInfo;
pub use check::{Outcome, check};
pub use curve::{Curve, EcKey};
pub use describe::{embedded_key_note, thumbprint, thumbprint_of};
pub use error::{KeyError, SecretKind};
pub use jwk::{
    JwkMeta, MAX_JWKS_KEYS, material as jwk_material, member_bytes as jwk_member_bytes,
    member_str as jwk_member_str, meta as jwk_meta,
};
pub use material::{Material, RECOMMENDED_RSA_BITS, oid_name};
pub use mldsa::{ML_DSA_OIDS, MlDsaLevel, ml_dsa_public, verify_ml_dsa};
pub use read::{Entry, Source, read_keys};
pub use signature::Mismatch;
pub use text::{Pem, bare_der, looks_like_public_key, pem_blocks, secret_material};
pub use wire::{KeyCheck, KeyState};

use super::header::Alg;

/// Whether `alg` is one JWT Lens verifies with a public key: RS, PS, ES
/// (not ES256K), EdDSA with Ed25519, or ML-DSA-44/65/87 (RFC 9964).
pub fn is_public_key_alg(alg: &Alg) -> bool {
    match alg {
        Alg::Rsa(_) | Alg::RsaPss(_) => true,
        Alg::Ecdsa(name) => matches!(*name, "ES256" | "ES384" | "ES512"),
        Alg::EdDsa(name) => matches!(*name, "EdDSA" | "Ed25519"),
        _ => alg.is_ml_dsa(),
    }
}

/// The public-key algorithms JWT Lens verifies.
pub const SUPPORTED: [&str; 13] = [
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "ES256",
    "ES384",
    "ES512",
    "EdDSA",
    "ML-DSA-44",
    "ML-DSA-65",
    "ML-DSA-87",
];
