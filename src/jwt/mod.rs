//! The JWT core: plain Rust that reads, explains and verifies tokens.
//!
//! Nothing here touches the browser (no `leptos`, `web_sys` or `js_sys`) or
//! the clock: `now` is always a parameter. The same code serves the page, the
//! tests and any CLI or server that wants it.
//!
//! # Example
//!
//! ```
//! use jwt_lens::jwt::{inspect, verify, AlgChoice, Credential, Secret, SecretEncoding, TokenStatus};
//!
//! let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
//!     eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.\
//!     SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
//! let report = inspect(&format!("Bearer {token}")).unwrap();
//! assert!(report.errors.is_empty());
//! assert_eq!(report.status(1_700_000_000, 0), Some(TokenStatus::NoExp));
//! let secret = Secret::decode("your-256-bit-secret", SecretEncoding::Utf8);
//! let status = verify(&report, Credential::Secret(secret), AlgChoice::FromToken);
//! assert_eq!(status.as_str(), "valid");
//! ```
//!
//! # Module graph
//!
//! Arrows point down only: a module uses the ones below it, never above.
//!
//! ```text
//!   analyse ─────────────┐            (inspect + insight: the page's report)
//!     │                  │
//!     ▼                  ▼
//!   insight ──┐      validation       (findings; checks against Options)
//!     │       │          │
//!     │       ▼          ▼
//!     │     verify ─────────────┐     (one signature path; SignatureStatus)
//!     │       │                 │
//!     │       ▼                 │
//!     │     keys                │     (alg, kid, bytes in; Outcome out)
//!     ▼                         ▼
//!   inspect ──────────────▶ report    (text -> Report; Report is data)
//!     │                         │
//!     ▼                         ▼
//!   token  claims  time  header  encode  findings  error
//!     │                         │
//!     ▼                         ▼
//!   json/ ───────────────▶ base64url
//!     │
//!     ▼
//!   chars                             (leaf: invisible characters)
//! ```
//!
//! `encode` signs with `verify`'s HMAC; `claims` and `time` read `json`.
//! `sign` (private keys, issue 15) sits beside `verify`: it reuses `keys`'
//! readers and `Material`, and nothing but the signing wasm module uses it.
//! `sd_jwt` (RFC 9901) sits beside `insight`: it reads a `Report`, decodes the
//! KB-JWT with `inspect` and reuses `validation`'s `Check`; only `analyse`
//! and the page use it. `jws` (the JSON serialization) sits above `verify`
//! and sends each signature through it; `jwe` (decryption) uses only the
//! readers below `keys` and the keys' PEM reader.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod analyse;
pub mod base64url;
pub mod chars;
pub mod claims;
mod encode;
mod error;
mod findings;
pub mod flow;
pub mod hash;
mod header;
pub mod insight;
mod inspect;
pub mod issuer;
pub mod json;
pub mod jwe;
pub mod jws;
pub mod keys;
mod known_secret;
pub mod paste;
mod report;
pub mod sd_jwt;
#[cfg(feature = "sign")]
pub mod sign;
pub mod time;
mod token;
mod validation;
pub mod verify;

pub use analyse::{inspect, inspect_decrypted, with_detached_payload};
pub use encode::{Preset, SignAlg, check_object, encode, preset, signing_input};
pub use error::{Error, Part};
pub use findings::{Finding, Severity};
pub use header::{Alg, HmacAlg, SignatureLength};
pub use inspect::{MAX_TOKEN_BYTES, decode};
pub use json::{Json, JsonReason};
pub use known_secret::{
    KNOWN_SECRET_ID, find_known_secret, known_secret_candidates, known_secret_finding,
};
pub use report::{Report, Section};
pub use time::{NumericDate, TimeClaim, TokenStatus};
pub use token::{Cleaned, Removed, clean};
pub use validation::{Check, Expectations, Outcome, Validation, Verdict, split_list, validate};
pub use verify::{
    AlgChoice, Credential, Reason, Secret, SecretEncoding, SignatureStatus, sign, sign_hmac,
    verify, verify_hmac,
};
