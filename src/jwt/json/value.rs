//! The [`Json`] value: what a token's JSON says, exactly as written.

use std::collections::HashMap;

use super::write::write_string;

/// A JSON value as written in the token.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as its exact source text (`1e400`, `3.0`, `-0`).
    Number(String),
    /// A string, with escapes resolved.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members in source order, duplicates included.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object: the last one, as most JSON parsers
    /// (and so most JWT libraries) would take it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object's members, if this is one.
    pub fn members(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// "an object", "an array", …: for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// One line of at most `max` characters (with `…` when cut), for tables
    /// and messages. Stops writing once past `max`, so a huge value costs no
    /// more than a small one.
    pub fn compact(&self, max: usize) -> String {
        let mut out = String::new();
        self.write_compact(&mut out, max);
        if out.chars().count() > max {
            out = out.chars().take(max.saturating_sub(1)).collect::<String>() + "…";
        }
        out
    }

    fn write_compact(&self, out: &mut String, max: usize) {
        if out.len() > max * 4 {
            return;
        }
        match self {
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if out.len() > max * 4 {
                        break;
                    }
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_compact(out, max);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if out.len() > max * 4 {
                        break;
                    }
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_string(out, key);
                    out.push_str(": ");
                    value.write_compact(out, max);
                }
                out.push('}');
            }
            Json::String(s) => {
                // Only as much of a long string as can be shown.
                let head: String = s.chars().take(max + 1).collect();
                write_string(out, &head);
            }
            scalar => scalar.write_pretty(out, 0),
        }
    }

    /// Pretty-prints with two-space indentation, like `JSON.stringify(v, null, 2)`
    /// but with numbers exactly as written and invisible characters escaped.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write_pretty(&mut out, 0);
        out
    }

    fn write_pretty(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    push_indent(out, indent + 1);
                    item.write_pretty(out, indent + 1);
                }
                out.push('\n');
                push_indent(out, indent);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    push_indent(out, indent + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write_pretty(out, indent + 1);
                }
                out.push('\n');
                push_indent(out, indent);
                out.push('}');
            }
        }
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// Object keys that appear more than once, anywhere in `value`, with the
/// path of the object that repeats them (`$` for the top level).
pub fn duplicate_keys(value: &Json) -> Vec<(String, String)> {
    let mut found = Vec::new();
    collect_duplicates(value, "$", &mut found);
    found
}

fn collect_duplicates(value: &Json, path: &str, found: &mut Vec<(String, String)>) {
    match value {
        Json::Object(members) => {
            let mut counts: HashMap<&str, usize> = HashMap::with_capacity(members.len());
            for (key, child) in members {
                let count = counts.entry(key).or_default();
                *count += 1;
                if *count == 2 {
                    found.push((path.to_owned(), key.clone()));
                }
                if matches!(child, Json::Object(_) | Json::Array(_)) {
                    collect_duplicates(child, &format!("{path}.{key}"), found);
                }
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if matches!(item, Json::Object(_) | Json::Array(_)) {
                    collect_duplicates(item, &format!("{path}[{i}]"), found);
                }
            }
        }
        _ => {}
    }
}
