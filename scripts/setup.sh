#!/usr/bin/env bash
# Installs what JWT Lens needs, from the package registries only, and skips
# whatever is already there at the right version (a second run takes seconds).
#
#   scripts/setup.sh build    the wasm target, Trunk, wasm-bindgen-cli, wasm-opt, zopfli
#   scripts/setup.sh test     all of the above, plus Chromium and playwright-core
#   scripts/setup.sh measure  the build, plus twiggy for scripts/wasm-attribution.mjs
#
# zopfli goes into a virtual environment, .venv/ (git-ignored), because
# Debian's system Python refuses `pip install` (PEP 668); scripts/python.sh
# runs the post-build hook with it. A pinned version packs the same bundle on
# every machine; in CI (CI=true) a failed install stops the set-up, and the
# post-build refuses to fall back to zlib.
#
# Trunk never downloads a tool itself (Trunk.toml sets offline = true): every
# tool it runs is installed here from crates.io or npm.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
ZOPFLI_VERSION=0.4.3
TWIGGY_VERSION=0.8.0
# wasm-bindgen-cli must match the wasm-bindgen crate exactly; Cargo.lock knows which.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
in_ci() { case "${CI:-}" in true|1) return 0 ;; *) return 1 ;; esac; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

want_zopfli() {
  local installed
  installed=$(.venv/bin/python3 -c 'import importlib.metadata as m, zopfli.zopfli; print(m.version("zopfli"))' 2>/dev/null || true)
  [ "$installed" = "$ZOPFLI_VERSION" ] && return
  if [ ! -x .venv/bin/python3 ]; then
    say "making .venv/ (Python packages for the post-build hook)"
    if ! python3 -m venv .venv >/dev/null 2>&1; then
      # Debian ships venv's pip bootstrap apart.
      rm -rf .venv
      say "installing Debian's python3-venv"
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv
      python3 -m venv .venv
    fi
  fi
  say "installing zopfli $ZOPFLI_VERSION (PyPI) into .venv/ for the post-build compression"
  if ! .venv/bin/python3 -m pip install --quiet --disable-pip-version-check "zopfli==$ZOPFLI_VERSION"; then
    in_ci && { echo "setup: zopfli is required in CI" >&2; exit 1; }
    say "zopfli unavailable: the bundle will use zlib and be about 7 KB larger"
  fi
}

want_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
    cargo install --locked trunk --version "=$TRUNK_VERSION"
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: its lock file names a crate version the registry no longer has.
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
  want_zopfli
}

want_test() {
  want_build
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
  if ! (cd tests/e2e && npm ls >/dev/null 2>&1); then
    say "installing playwright-core (drives the system Chromium) and jose (npm)"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
}

want_measure() {
  want_build
  if [ "$(twiggy --version 2>/dev/null)" != "twiggy $TWIGGY_VERSION" ]; then
    say "installing twiggy $TWIGGY_VERSION (a few minutes on 2 cores)"
    cargo install --locked twiggy --version "=$TWIGGY_VERSION"
  fi
}

case "${1:-build}" in
  build) want_build ;;
  test) want_test ;;
  measure) want_measure ;;
  *) echo "usage: scripts/setup.sh [build|test|measure]" >&2; exit 2 ;;
esac
