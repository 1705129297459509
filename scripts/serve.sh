#!/usr/bin/env bash
# Builds JWT Lens (release: opt-level z, LTO, wasm-opt) into dist/ and serves
# it at a local URL. The first run installs the tools it needs.
#   PORT=9000 scripts/serve.sh   to choose the port (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
trunk build --release --offline
node scripts/size.mjs dist
exec node scripts/serve.mjs dist "${PORT:-8080}"
