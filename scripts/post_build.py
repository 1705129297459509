#!/usr/bin/env python3
"""Trunk post-build hook: bundle the wasm and its glue into one script.

Why: the page's Content-Security-Policy sets `connect-src 'none'`, so nothing,
not even the page itself, may `fetch()`; that includes the usual
`fetch('app_bg.wasm')` of wasm-bindgen's loader. The wasm therefore travels
inside a same-origin script (allowed by `script-src 'self'`), base64-encoded,
and is instantiated from bytes (allowed by `'wasm-unsafe-eval'`). One script
also means one request, and no inline script that the policy would block.

Runs in Trunk's staging directory (TRUNK_STAGING_DIR); writes
`jwt-lens-<hash>.js`, removes the separate glue and wasm, and links the
script from index.html.
"""

import base64
import hashlib
import os
import pathlib
import re
import sys

LOADER = """
// Appended by scripts/post_build.py: instantiate the wasm carried below.
const wasmBase64 = "{b64}";
const wasmBytes = typeof Uint8Array.fromBase64 === "function"
  ? Uint8Array.fromBase64(wasmBase64)
  : Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
await __wbg_init({{ module_or_path: wasmBytes }});
"""


def main() -> int:
    staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
    wasm_files = sorted(staging.glob("jwt-lens-*_bg.wasm"))
    glue_files = [p for p in sorted(staging.glob("jwt-lens-*.js"))]
    if len(wasm_files) != 1 or len(glue_files) != 1:
        print(f"post_build: expected one wasm and one glue file in {staging}, "
              f"found {wasm_files} and {glue_files}", file=sys.stderr)
        return 1
    wasm, glue = wasm_files[0], glue_files[0]
    glue_text = glue.read_text(encoding="utf-8")
    if "__wbg_init" not in glue_text:
        print("post_build: wasm-bindgen glue has no __wbg_init", file=sys.stderr)
        return 1

    b64 = base64.b64encode(wasm.read_bytes()).decode("ascii")
    bundle = glue_text.rstrip() + "\n" + LOADER.format(b64=b64)
    digest = hashlib.sha256(bundle.encode("utf-8")).hexdigest()[:16]
    name = f"jwt-lens-{digest}.js"
    glue.unlink()
    wasm.unlink()
    (staging / name).write_text(bundle, encoding="utf-8")

    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    tag = f'<script type="module" src="./{name}"></script>'
    html, count = re.subn(r"</head>", f"  {tag}\n</head>", html, count=1)
    if count != 1:
        print("post_build: index.html has no </head>", file=sys.stderr)
        return 1
    index.write_text(html, encoding="utf-8")
    print(f"post_build: wrote {name} ({len(bundle)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
