//! Risks and oddities in a token that could be read: data, never errors.

use std::fmt;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The token can be forged or leaks something: fix it.
    Danger,
    /// Against a standard or best practice, or likely to break a client.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The page's `data-severity`: `danger`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Danger => "danger",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing worth telling the user about a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// A stable kebab-case id, such as `alg-none`: the page's `data-id`.
    pub id: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// What was found, in one sentence.
    pub message: String,
    /// The RFC section or best practice behind it.
    pub source: &'static str,
}

impl Finding {
    /// A finding with the given id, severity, message and source.
    pub fn new(
        id: &'static str,
        severity: Severity,
        message: impl Into<String>,
        source: &'static str,
    ) -> Finding {
        Finding {
            id,
            severity,
            message: message.into(),
            source,
        }
    }
}
