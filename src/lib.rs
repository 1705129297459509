//! JWT Lens: a JSON Web Token decoder and debugger that runs entirely in the browser.
//!
//! [`jwt`] is the plain-Rust core; [`ui`] is the Leptos page over it.

pub mod jwt;
#[cfg(feature = "ui")]
pub mod ui;
