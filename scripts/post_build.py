#!/usr/bin/env python3
"""Trunk post-build hook: bundle the wasm and its glue into one script, and
write the offline service worker and the single-file build.

Why one script: the page's Content-Security-Policy sets `connect-src 'none'`,
so nothing, not even the page itself, may `fetch()`; that includes the usual
`fetch('app_bg.wasm')` of wasm-bindgen's loader. The wasm therefore travels
inside a same-origin script (allowed by `script-src 'self'`), deflated and
base64-encoded, and is instantiated from bytes (allowed by
`'wasm-unsafe-eval'`). One script also means one request, and no inline
script that the policy would block.

Runs in Trunk's staging directory (TRUNK_STAGING_DIR) and writes there:
- `jwt-lens-<hash>.js`: glue + wasm, linked from index.html (the separate
  glue and wasm files are removed);
- `sw.js`: a service worker that caches exactly this build's files, so a
  second visit works offline;
- `jwt-lens.html`: the whole app in one file, with the script and styles
  inline and allowed by their SHA-256 in its own policy, for `file://` use.
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
// Offline support, where service workers exist (not from file://).
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {{
  navigator.serviceWorker.register("./sw.js").catch(() => {{}});
}}
"""

SERVICE_WORKER = """// JWT Lens service worker, written by scripts/post_build.py for one build.
// It caches this build's own files and nothing else; tokens never pass through it.
const CACHE = "jwt-lens-{version}";
const FILES = {files};
self.addEventListener("install", (event) => {{
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
}});
self.addEventListener("activate", (event) => {{
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
}});
self.addEventListener("fetch", (event) => {{
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  // Navigations (with any ?query, such as ?embed) are answered with index.html.
  const key = request.mode === "navigate" ? "./index.html" : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, {{ ignoreSearch: true }}).then((hit) => hit || fetch(request)),
    ),
  );
}});
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


def sha256_source(text: str) -> str:
    """A CSP hash source for an inline element's exact text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def single_file(html: str, script: str, css: str) -> str:
    """index.html with its script and stylesheet inline and its policy
    allowing exactly those two by hash; no manifest (it would be a request)."""
    html = re.sub(r"<link[^>]*\brel=\"?manifest\"?[^>]*>", "", html)
    html = re.sub(r"<link[^>]*\brel=\"?stylesheet\"?[^>]*>", lambda _: f"<style>{css}</style>", html)
    # A module script's text must not contain "</script" to stay one element.
    script = script.replace("</script", "<\\/script")
    html = re.sub(r"<script type=\"module\" src=\"[^\"]+\"></script>", lambda _: f'<script type="module">{script}</script>', html)
    policy = (
        "default-src 'none'; "
        f"script-src {sha256_source(script)} 'wasm-unsafe-eval'; "
        f"style-src {sha256_source(css)}; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    html, count = re.subn(r"(http-equiv=\"?Content-Security-Policy\"? content=|content=)\"default-src[^\"]*\"",
                          lambda m: m.group(0).split('"')[0] + f'"{policy}"', html, count=1)
    if count != 1:
        raise SystemExit("post_build: no Content-Security-Policy to rewrite for the single file")
    return html


def main() -> int:
    staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
    wasm_files = sorted(staging.glob("jwt-lens-*_bg.wasm"))
    glue_files = sorted(staging.glob("jwt-lens-*.js"))
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
    html, count = re.subn(r"</head>", f"{tag}</head>", html, count=1)
    if count != 1:
        print("post_build: index.html has no </head>", file=sys.stderr)
        return 1
    index.write_text(html, encoding="utf-8")

    css_files = sorted(staging.glob("style-*.css"))
    files = ["./", "./index.html", f"./{name}"] + [f"./{p.name}" for p in css_files]
    files += [f"./{n}" for n in ("manifest.webmanifest", "icon.svg") if (staging / n).exists()]
    version = hashlib.sha256("".join(files).encode()).hexdigest()[:12]
    (staging / "sw.js").write_text(SERVICE_WORKER.format(version=version, files=files), encoding="utf-8")

    css = "".join(p.read_text(encoding="utf-8") for p in css_files)
    (staging / "jwt-lens.html").write_text(single_file(html, bundle, css), encoding="utf-8")
    print(f"post_build: wrote {name} ({len(bundle)} bytes), sw.js and jwt-lens.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
