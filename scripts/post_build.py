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
import zlib

LOADER = """
// Appended by scripts/post_build.py: the wasm, deflated then base64-encoded
// (so HTTP compression of this file costs almost nothing more than the wasm's
// own), inflated by the browser and instantiated from bytes.
const packed = "{b64}";
const deflated = typeof Uint8Array.fromBase64 === "function"
  ? Uint8Array.fromBase64(packed)
  : Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream("deflate"));
await __wbg_init({{ module_or_path: await new Response(inflated).arrayBuffer() }});
"""


def deflate(data: bytes) -> bytes:
    """zlib-format DEFLATE, as small as zopfli makes it (about 5% below
    zlib's best); zlib itself when the zopfli package is missing, which
    only costs bytes."""
    try:
        from zopfli.zopfli import compress  # PyPI: zopfli
    except ImportError:
        print("post_build: zopfli not installed, using zlib", file=sys.stderr)
        return zlib.compress(data, 9)
    return compress(data, numiterations=15)


def shrink_js(text: str) -> str:
    """Drops wasm-bindgen's JSDoc and line comments and indentation.

    Line-based, which is safe for wasm-bindgen's generated glue: it has no
    template literals or multi-line strings whose lines could start like a
    comment.
    """
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("/**", "* ", "*/", "//")) or stripped == "*":
            continue
        kept.append(stripped)
    return "\n".join(kept) + "\n"


def main() -> int:
    staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
    wasm_files = sorted(staging.glob("jwt-lens-*_bg.wasm"))
    glue_files = [p for p in sorted(staging.glob("jwt-lens-*.js"))]
    if len(wasm_files) != 1 or len(glue_files) != 1:
        print(f"post_build: expected one wasm and one glue file in {staging}, "
              f"found {wasm_files} and {glue_files}", file=sys.stderr)
        return 1
    wasm, glue = wasm_files[0], glue_files[0]
    glue_text = shrink_js(glue.read_text(encoding="utf-8"))
    if "__wbg_init" not in glue_text:
        print("post_build: wasm-bindgen glue has no __wbg_init", file=sys.stderr)
        return 1

    deflated = deflate(wasm.read_bytes())
    b64 = base64.b64encode(deflated).decode("ascii")
    bundle = glue_text.rstrip() + "\n" + LOADER.format(b64=b64)
    digest = hashlib.sha256(bundle.encode("utf-8")).hexdigest()[:16]
    name = f"jwt-lens-{digest}.js"
    glue.unlink()
    wasm.unlink()
    (staging / name).write_text(bundle, encoding="utf-8")

    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    # Trunk leaves its own <link data-trunk rel=rust> behind when it injects no script.
    html = re.sub(r"<link[^>]*\bdata-trunk\b[^>]*>", "", html)
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
