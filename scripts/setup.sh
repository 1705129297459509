#!/usr/bin/env bash
# Installs what JWT Lens needs, from the package registries only, and skips
# whatever is already there at the right version (a second run takes seconds).
#
#   scripts/setup.sh build   the wasm target, Trunk, wasm-bindgen-cli, wasm-opt, zopfli
#   scripts/setup.sh test    all of the above, plus Chromium and playwright-core
#
# Trunk never downloads a tool itself (Trunk.toml sets offline = true): every
# tool it runs is installed here from crates.io or npm.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# wasm-bindgen-cli must match the wasm-bindgen crate exactly; Cargo.lock knows which.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

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
  if ! python3 -c 'import zopfli.zopfli' 2>/dev/null; then
    say "installing zopfli (PyPI) for the post-build compression"
    python3 -m pip install --quiet zopfli || say "zopfli unavailable: the bundle will use zlib and be a little larger"
  fi
}

want_test() {
  want_build
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
  fi
  if ! (cd tests/e2e && npm ls >/dev/null 2>&1); then
    say "installing playwright-core (drives the system Chromium) and jose (npm)"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
}

case "${1:-build}" in
  build) want_build ;;
  test) want_test ;;
  *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;;
esac
