//! Signing with a private key: RS, PS, ES, EdDSA and ML-DSA tokens, key
//! pairs made from the caller's randomness, and keys converted between PEM
//! and JWK (issue 15).
//!
//! # Design
//!
//! [`read_private_key`] reads what the user pastes into the encoder's key
//! box (PKCS #8, PKCS #1 and SEC 1 PEM, or a private JWK of kty RSA, EC,
//! OKP or AKP) into a [`PrivateKey`], checking that any public part written
//! beside the private one belongs to it. [`sign`] is the one signing path;
//! [`PrivateKey::check`] decides whether a key fits an `alg` before it.
//! [`generate`] makes EC, Ed25519 and ML-DSA keys; RSA keys come from the
//! browser's WebCrypto, which works off the page's thread.
//!
//! Randomness is a parameter ([`Randomness`], 32 bytes the page draws from
//! `crypto.getRandomValues`), as `now` is elsewhere in the core: the core
//! never reaches for a system source, and tests are reproducible.
//!
//! Public keys reuse the keys module: [`Material`](crate::jwt::keys::Material)
//! and its RFC 7638 members, its PEM and JWK readers for
//! [`read_public_key`], and its ML-DSA parameter sets and verification
//! (RFC 9964's AKP keys), which the decoder checks tokens with too.
//!
//! Only the signing wasm module (`sign/`) calls this; the page's own module
//! links none of it.

mod alg;
mod der;
mod error;
mod export;
mod generate;
mod jwk;
mod mldsa;
mod private;
mod public;
mod random;
mod read;
mod signature;

pub use crate::jwt::keys::verify_ml_dsa;
pub use alg::{KeyType, MlDsaLevel, SigningAlg};
pub use der::pem;
pub use error::SignError;
pub use export::{PrivateExports, PublicExports, pkcs8_pem, private_exports, public_exports};
pub use generate::generate;
pub use private::{PrivateKey, PrivateSource};
pub use public::{PublicKey, read_public_key};
pub use random::Randomness;
pub use read::read_private_key;
pub use signature::sign;
