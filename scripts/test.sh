#!/usr/bin/env bash
# Runs every test of JWT Lens: formatting, lints, the core boundary, the
# native tests of the core, a release build, and the browser tests in
# Chromium. The first run installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "set-up"
scripts/setup.sh test

step "format and lints"
cargo fmt --check
cargo clippy --workspace --all-targets -- -D warnings

step "the core stays plain Rust"
# Any path into those crates outside a comment (`use leptos::…`, `js_sys::Date`, …).
if grep -rnE '\b(leptos|web_sys|js_sys|wasm_bindgen)::' src/jwt/ | grep -vE '^[^:]+:[0-9]+:\s*//'; then
  echo "src/jwt/ must not use leptos, web_sys, js_sys or wasm_bindgen" >&2
  exit 1
fi
echo "src/jwt/ imports no browser crate"
# The core builds alone, without the page (the keys module links it so).
cargo check --lib --no-default-features

step "native tests"
cargo test --workspace

step "release build"
trunk build --release --offline
node scripts/size.mjs dist

step "browser tests (Chromium)"
(cd tests/e2e && node --test --test-concurrency=1 --test-timeout=60000 ./*.test.mjs)
