#!/bin/sh
# Runs Python with the packages scripts/setup.sh installed (zopfli for the
# post-build hook): the repository's .venv/ when it exists, else python3 on
# PATH. Trunk.toml runs the hook through this, so every machine packs the
# bundle with the same pinned zopfli.
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -x "$root/.venv/bin/python3" ]; then
  exec "$root/.venv/bin/python3" "$@"
fi
exec python3 "$@"
