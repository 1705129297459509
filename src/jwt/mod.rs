//! The JWT core: plain Rust that reads, explains and verifies tokens.
//!
//! Nothing here touches the browser (no `leptos`, `web_sys` or `js_sys`) or
//! the clock: `now` is always a parameter. The same code serves the page, the
//! tests and any CLI or server that wants it.
//!
//! # Example
//!
//! ```
//! use jwt_lens::jwt::{inspect, verify, AlgChoice, Secret, SecretEncoding, TokenStatus};
//!
//! let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
//!     eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.\
//!     SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
//! let report = inspect(&format!("Bearer {token}")).unwrap();
//! assert!(report.errors.is_empty());
//! assert_eq!(report.status(1_700_000_000, 0), Some(TokenStatus::NoExp));
//! let secret = Secret::decode("your-256-bit-secret", SecretEncoding::Utf8);
//! assert_eq!(verify(&report, AlgChoice::FromToken, Some(secret)).as_str(), "valid");
//! ```
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

pub mod base64url;
pub mod claims;
mod encode;
mod error;
mod findings;
mod header;
pub mod insight;
mod inspect;
pub mod json;
pub mod keys;
mod known_secret;
pub mod time;
mod token;
mod validation;
mod verify;

pub use encode::{Preset, SignAlg, check_object, encode, preset};
pub use error::{Error, JsonReason, Part};
pub use findings::{Finding, Severity};
pub use header::{Alg, HmacAlg, SignatureLength};
pub use inspect::{AlgChoice, MAX_TOKEN_BYTES, Report, Section, SignatureStatus, inspect, verify};
pub use json::Json;
pub use known_secret::{
    KNOWN_SECRET_ID, find_known_secret, known_secret_candidates, known_secret_finding,
};
pub use time::{NumericDate, TimeClaim, TokenStatus};
pub use token::{Cleaned, Removed, clean};
pub use validation::{Check, Expectations, Outcome, Validation, Verdict, split_list, validate};
pub use verify::{Secret, SecretEncoding, sign, sign_hmac, verify_hmac};
