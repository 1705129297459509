//! The JWS JSON serialization (RFC 7515 §7.2, general and flattened), each
//! signature checked through the one verification path.
//!
//! # Design
//!
//! Each signature is turned into the compact JWS it stands for
//! (`protected.payload.signature`, or `protected..signature` with the
//! payload detached or unencoded), decoded into a [`Report`], and checked by
//! [`verify`](crate::jwt::verify): the structural checks, `crit`/`b64`
//! (RFC 7797), algorithm confusion and the keys module are the same as for
//! a pasted compact token. What only the JSON form has is checked here: the
//! protected and unprotected headers must be disjoint, and `alg`, `b64` and
//! `crit` protected.
//!
//! [`Report`]: crate::jwt::Report

mod check;
mod error;
mod json;

pub use check::{Verdict, all_valid};
pub use error::JwsJsonError;
pub use json::{JwsForm, JwsJson, JwsSignature, parse};
