#!/usr/bin/env python3
"""Trunk post-build hook: bundle the wasm and its glue into one script, and
write the offline service worker and the single-file build.

Why scripts: the page's Content-Security-Policy sets `connect-src 'none'`,
so nothing, not even the page itself, may `fetch()`; that includes the usual
`fetch('app_bg.wasm')` of wasm-bindgen's loader. The wasm therefore travels
inside a same-origin script (allowed by `script-src 'self'`), deflated and
base64-encoded, and is instantiated from bytes (allowed by
`'wasm-unsafe-eval'`). One script also means one request, and no inline
script that the policy would block.

Why the first paint's wasm is not deflated: the page ready for a `#token=`
link is timed against a page bundling jose (issue 13). Inflating takes a
`DecompressionStream` whose chunks are tasks queued behind the parser's own
work, and `WebAssembly.instantiate` queues another: on this 2-core machine
the wasm started compiling 50 ms after the script ran. Plain base64 lets the
script instantiate it at once with `initSync` (118 KB of wasm: validation
and a lazy compile take a few milliseconds) and paint the token in the same
task: the link's median went from 106 to 79 ms. The price is HTTP
compression's: base64 of the wasm gzips to 70 KB against 50 KB for the
deflated wasm, so the first visit is about 13 KB larger (README, "Performance
and size"); a host that serves scripts uncompressed sends 173 KB instead of
86 KB.

Why DEFLATE for the rest: it is what `DecompressionStream` inflates natively. Chromium 156
supports gzip, deflate and deflate-raw there, not brotli (checked
2026-12-04), though brotli would pack the page's wasm to 118 KB instead of
137 KB, and LZMA to 115 KB; a JavaScript LZMA decoder (1.5 KB gzip) took 60
to 190 ms on a busy 2-core machine against 7 to 21 ms for the native inflate.

Runs in Trunk's staging directory (TRUNK_STAGING_DIR) and writes there:
- `jwt-lens-<hash>.js`, linked from index.html: the first paint (the
  `jwt-lens-first` binary, src/ui/first_paint.rs: decoding and the main
  views without Leptos, built here with cargo), then the loader that
  imports the app when the browser is idle;
- `jwt-lens-app-<hash>.js`: the app, every panel (Trunk's build of the
  `jwt-lens` binary, whose separate glue and wasm files are removed);
- `jwt-lens-<name>-<hash>.js` for each of `MODULES` (the `keys/` crate,
  then `jwe/`), imported by the app on first use;
- `jwt-lens-secrets-<hash>.js`: the list of publicly known HMAC secrets
  (assets/known-secrets.txt, written by scripts/known_secrets.py) as one
  string, imported the first time an HS* token is decoded
  (`globalThis.jwtLensSecrets`);
- `sw.js`: a service worker that caches exactly this build's files, so a
  second visit works offline;
- `jwt-lens.html`: the whole app in one file, with every script and the
  styles inline and allowed by their SHA-256 in its own policy, for
  `file://` use.
"""

import base64
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import zlib

# The first visit's script is the first paint (src/ui/first_paint.rs): a
# small wasm without Leptos that decodes what index.html's static markup
# holds. Its loader then imports the app (every panel, with Leptos) when the
# browser is idle, or at once for an embed, which the first paint leaves to
# the app. Comments inside the loaders ship with the page, so they stay short.
FIRST_LOADER = """
// Appended by scripts/post_build.py: the first paint's wasm, base64-encoded
// and not deflated, so that it is instantiated and paints in this task
// (post_build.py says why). The performance marks time the first visit.
performance.mark("jwt-lens:script");
const packed = "{b64}";
const firstPaintWasm = typeof Uint8Array.fromBase64 === "function"
  ? Uint8Array.fromBase64(packed)
  : Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
// The app, imported once; its script defines globalThis.jwtLensAppFactory
// (already there in the single-file build). A failed import can be retried.
let app;
globalThis.jwtLensApp = () => app ??= (globalThis.jwtLensAppFactory ? Promise.resolve() : import("./{app}"))
  .then(() => globalThis.jwtLensAppFactory())
  .catch((e) => {{
    app = undefined;
    const note = document.getElementById("app-status");
    if (note) {{
      note.textContent = "The rest of JWT Lens could not load (offline before a first full visit, or the site was updated). "
        + "Tokens are still decoded and HMAC secrets checked here; reload the page for the claims explained, findings, validation, keys and the encoder.";
      note.hidden = false;
    }}
    throw e;
  }});
const start = () => globalThis.jwtLensApp().catch(() => {{}});
addEventListener("online", start);
// An embed is the app's alone: no first paint, the app at once.
if (new URLSearchParams(location.search).has("embed")) start();
else {{
  initSync({{ module: firstPaintWasm }});
  performance.mark("jwt-lens:first-paint");
  self.requestIdleCallback ? requestIdleCallback(start, {{ timeout: 500 }}) : setTimeout(start, 0);
}}
// Offline support, where service workers exist (not from file://).
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {{
  navigator.serviceWorker.register("./sw.js").catch(() => {{}});
}}
"""

# Runs inside jwtLensAppFactory: the app's wasm, and the loaders of the
# modules the app imports on first use. Last, the embed's auto-height (issue
# 18): in a frame a ResizeObserver on main.embed posts {type:
# "jwt-lens:height", height} to the parent whenever the content height
# changes; "*" is safe because a number carries no token data, and the embed
# listens for no message (README, "Embedding in documentation").
APP_LOADER = """
const packed = "{b64}";
const deflated = typeof Uint8Array.fromBase64 === "function"
  ? Uint8Array.fromBase64(packed)
  : Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream("deflate"));
// The wasm modules imported on first use (src/ui/modules.rs). Each script
// defines globalThis.jwtLens<Name>Factory (already there in the single file).
const onDemand = (name, file) => {{
  let module;
  globalThis["jwtLens" + name] = () => module ??= (globalThis[`jwtLens${{name}}Factory`] ? Promise.resolve() : import(file))
    .then(() => globalThis[`jwtLens${{name}}Factory`]())
    .catch((e) => {{ module = undefined; throw e; }});
}};
{modules}
// The known-secret list, imported the first time an HS* token is decoded. Its
// script defines globalThis.jwtLensSecretsText (already there in the single file).
let secretsList;
globalThis.jwtLensSecrets = () => secretsList ??= (globalThis.jwtLensSecretsText !== undefined ? Promise.resolve() : import("./{secrets}"))
  .then(() => globalThis.jwtLensSecretsText)
  .catch((e) => {{ secretsList = undefined; throw e; }});
await __wbg_init({{ module_or_path: await new Response(inflated).arrayBuffer() }});
const embed = parent !== self && document.querySelector("main.embed");
let height;
if (embed) new ResizeObserver(() => {{
  const now = Math.ceil(embed.getBoundingClientRect().height);
  if (now !== height) parent.postMessage({{ type: "jwt-lens:height", height: height = now }}, "*");
}}).observe(embed);
"""

MODULE_LOADER = """
// Appended by scripts/post_build.py: the module's wasm, inflated and
// instantiated when the page first asks for it.
const packed = "{b64}";
const deflated = typeof Uint8Array.fromBase64 === "function"
  ? Uint8Array.fromBase64(packed)
  : Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream("deflate"));
await __wbg_init({{ module_or_path: await new Response(inflated).arrayBuffer() }});
return {{ {exports} }};
"""

# The wasm modules the app imports on first use: (cargo package, its wasm
# file's stem, the loader's name after `jwtLens`, what it is). Each becomes
# `jwt-lens-<name>-<hash>.js` defining `globalThis.jwtLens<Name>Factory`,
# reached from Rust through `src/ui/modules.rs`.
MODULES = [
    ("jwt-lens-keys", "jwt_lens_keys", "Keys",
     "JWT Lens public-key verifier (keys/): RS, PS, ES, EdDSA and ML-DSA with the RustCrypto crates; "
     "imported the first time a public-key token gets a key"),
    ("jwt-lens-jwe", "jwt_lens_jwe", "Jwe",
     "JWT Lens decryption (jwe/): every RFC 7518 JWE algorithm with the RustCrypto crates; "
     "imported the first time a JWE gets a key"),
    ("jwt-lens-sign", "jwt_lens_sign", "Sign",
     "JWT Lens signing module (sign/): RS, PS, ES, EdDSA and ML-DSA with a private key, key pairs "
     "and key conversions; imported when the encoder gets a public-key alg or the key box a key"),
]

SERVICE_WORKER = """// JWT Lens service worker, written by scripts/post_build.py for one build.
// It caches this build's own files and nothing else; tokens never pass through it.
const CACHE = "jwt-lens-{version}";
const FILES = {files};
// Fetched only when first needed, then kept for offline use.
const LAZY = {lazy};
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
      cache.match(key, {{ ignoreSearch: true }}).then((hit) => hit || fetch(request).then((response) => {{
        if (response.ok && LAZY.some((f) => new URL(f, location).href === request.url)) {{
          cache.put(request, response.clone());
        }}
        return response;
      }})),
    ),
  );
}});
"""


def deflate(data: bytes) -> bytes:
    """zlib-format DEFLATE, as small as zopfli makes it (about 5% below
    zlib's best). Without the zopfli package (scripts/setup.sh installs it in
    .venv/, and scripts/python.sh runs this hook with that interpreter) a CI
    build fails, so a larger bundle never ships unnoticed; elsewhere it warns
    and uses zlib, which only costs bytes."""
    try:
        from zopfli.zopfli import compress  # PyPI: zopfli, pinned in scripts/requirements.txt
    except ImportError:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            raise SystemExit(f"post_build: zopfli is not installed for {sys.executable} "
                             "(run scripts/setup.sh build); refusing to ship a zlib bundle in CI")
        print("post_build: warning: zopfli not installed, using zlib: the bundle is about 7 KB larger "
              "(run scripts/setup.sh build)", file=sys.stderr)
        return zlib.compress(data, 9)
    return compress(data, numiterations=15)


# Leptos always enables server_fn's "browser" client, which links
# wasm-streams; its `#[wasm_bindgen]` classes (IntoUnderlyingSource, ...Sink,
# ...ByteSource) are exports, so no dead-code pass may drop them, though
# nothing in the page creates one. Removing the exports before `wasm-opt -Oz`
# lets it drop their code: 1.4 KB off the deflated wasm, and their glue
# classes another 0.6 KB of script (measured 2026-12-04).
UNUSED_EXPORTS = "*intounderlying*"
UNUSED_CLASSES = ("IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource")


def optimise_page_wasm(wasm: pathlib.Path) -> None:
    """Runs `wasm-opt -Oz` on the page's wasm (index.html turns Trunk's own
    pass off, so there is one pass, after the unused exports are gone)."""
    optimised = wasm.with_suffix(".opt.wasm")
    run(["wasm-opt", "--remove-exports", f"--pass-arg=remove-exports@{UNUSED_EXPORTS}", "-Oz",
         "-o", str(optimised), str(wasm)], wasm.parent)
    optimised.replace(wasm)


def drop_unused_classes(glue: str) -> str:
    """Removes the glue classes of the exports `optimise_page_wasm` removed:
    each `export class` through its `Symbol.dispose` line, and its
    FinalizationRegistry. Fails if any trace is left (a new wasm-bindgen
    layout), rather than ship glue that calls a missing export."""
    kept, skipping = [], None
    lines = glue.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        name = next((c for c in UNUSED_CLASSES if line.startswith(f"export class {c} ")), None)
        if name:
            skipping = name
        if skipping:
            if line.startswith(f"if (Symbol.dispose) {skipping}.prototype"):
                skipping = None
            i += 1
            continue
        if any(line.startswith(f"const {c}Finalization = ") for c in UNUSED_CLASSES):
            i += 3  # `const X = (typeof FinalizationRegistry ...)`, `? {...}`, `: new FinalizationRegistry(...)`
            continue
        kept.append(line)
        i += 1
    text = "\n".join(kept) + "\n"
    if re.search(r"intounderlying", text, re.IGNORECASE):
        raise SystemExit("post_build: the wasm-streams glue changed shape; update drop_unused_classes")
    return text


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


def single_file(html: str, first: str, modules: list, css: str) -> str:
    """index.html with its scripts and stylesheet inline and its policy
    allowing exactly those by hash; no manifest (it would be a request).
    The on-demand modules (`modules`: the app, the keys module, the secrets
    list) come first, so they are defined when a loader looks for them
    (nothing can be imported from a file:// page); each only defines a
    global and runs nothing until asked."""
    html = re.sub(r"<link[^>]*\brel=\"?manifest\"?[^>]*>", "", html)
    html = re.sub(r"<link[^>]*\brel=\"?stylesheet\"?[^>]*>", lambda _: f"<style>{css}</style>", html)
    # A module script's text must not contain "</script" to stay one element.
    scripts = [text.replace("</script", "<\\/script") for text in modules + [first]]
    html = re.sub(r"<script type=\"module\"[^>]* src=\"[^\"]+\"></script>",
                  lambda _: "".join(f'<script type="module">{text}</script>' for text in scripts), html)
    policy = (
        "default-src 'none'; "
        f"script-src {' '.join(sha256_source(text) for text in scripts)} 'wasm-unsafe-eval'; "
        f"style-src {sha256_source(css)}; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    html, count = re.subn(r"(http-equiv=\"?Content-Security-Policy\"? content=|content=)\"default-src[^\"]*\"",
                          lambda m: m.group(0).split('"')[0] + f'"{policy}"', html, count=1)
    if count != 1:
        raise SystemExit("post_build: no Content-Security-Policy to rewrite for the single file")
    return html


def source_root() -> pathlib.Path:
    return pathlib.Path(os.environ.get("TRUNK_SOURCE_DIR", pathlib.Path(__file__).resolve().parent.parent))


def cargo_wasm(args: list, name: str, out: pathlib.Path, leptos: bool = False) -> tuple:
    """Builds a wasm target with cargo (`args` picks it), runs wasm-bindgen
    and `wasm-opt -Oz`, and returns (glue text, optimised wasm bytes). For
    a binary of the page's crate (`leptos`), the unused exports go first, as
    for the app (`optimise_page_wasm`)."""
    root = source_root()
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", root / "target"))
    run(["cargo", "build", "--release", "--target", "wasm32-unknown-unknown"] + args, root)
    wasm = target / "wasm32-unknown-unknown" / "release" / f"{name}.wasm"
    run(["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", str(out),
         "--out-name", name, str(wasm)], root)
    bound = out / f"{name}_bg.wasm"
    glue = shrink_js((out / f"{name}.js").read_text(encoding="utf-8"))
    if leptos:
        optimise_page_wasm(bound)
        return drop_unused_classes(glue), bound.read_bytes()
    optimised = out / f"{name}_opt.wasm"
    run(["wasm-opt", "-Oz", "-o", str(optimised), str(bound)], root)
    return glue, optimised.read_bytes()


def factory(glue: str, loader: str, global_name: str, title: str) -> str:
    """A module's glue and loader as one script that only defines
    `globalThis.<global_name>`, an async function that instantiates the wasm
    when called; wasm-bindgen's `export`s are dropped, since the factory is
    how the module is reached (the same text then works imported or inline
    in the single-file build)."""
    lines = []
    for line in glue.splitlines():
        if line.startswith("export {"):
            continue
        lines.append(re.sub(r"^export (function|class|const|let) ", r"\1 ", line))
    if any(line.startswith(("export", "import ")) for line in lines):
        raise SystemExit(f"post_build: the glue of {title} has an export or import this script does not handle")
    body = "\n".join(lines) + "\n" + loader
    return f"// {title}, packed by scripts/post_build.py.\nglobalThis.{global_name} = async () => {{\n{body}}};\n"


def write_hashed(staging: pathlib.Path, stem: str, text: str) -> str:
    """Writes `text` to `<stem>-<hash>.js` in `staging`; returns the name."""
    name = f"{stem}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.js"
    (staging / name).write_text(text, encoding="utf-8")
    return name


def pack(wasm: bytes) -> str:
    return base64.b64encode(deflate(wasm)).decode("ascii")


def build_module(staging: pathlib.Path, package: str, stem: str, name: str, title: str) -> str:
    """Builds one of the `MODULES` into `jwt-lens-<name>-<hash>.js`, which
    defines `globalThis.jwtLens<Name>Factory` resolving to the module's
    exported functions; returns the file's name."""
    with tempfile.TemporaryDirectory() as tmp:
        glue, wasm = cargo_wasm(["-p", package], stem, pathlib.Path(tmp))
    exports = re.findall(r"^export function (\w+)\(", glue, re.MULTILINE)
    if not exports:
        raise SystemExit(f"post_build: {package} exports no function")
    loader = MODULE_LOADER.format(b64=pack(wasm), exports=", ".join(exports))
    bundle = factory(glue, loader, f"jwtLens{name}Factory", title)
    return write_hashed(staging, f"jwt-lens-{name.lower()}", bundle)


def build_secrets_module(staging: pathlib.Path) -> str:
    """Packs assets/known-secrets.txt into `jwt-lens-secrets-<hash>.js` in
    `staging`, and returns that file's name.

    The script sets `globalThis.jwtLensSecretsText` to the secrets, one a
    line; the list's opening comment (sources and licences) travels along as
    a JavaScript comment, its section comments do not. The string is JSON
    with every non-ASCII character and `<` escaped, so the same text is safe
    inline in the single-file build's HTML.
    """
    lines = (source_root() / "assets" / "known-secrets.txt").read_text(encoding="utf-8").splitlines()
    is_comment = lambda line: line == "#" or line.startswith("# ")  # as src/jwt/known_secret.rs reads it
    header = []
    for line in lines:
        if not is_comment(line):
            break
        header.append("//" + line[1:])
    secrets = [line for line in lines if line and not is_comment(line)]
    text = json.dumps("\n".join(secrets), ensure_ascii=True).replace("<", "\\u003c")
    bundle = ("// JWT Lens known-secret list, packed by scripts/post_build.py from assets/known-secrets.txt.\n"
              + "\n".join(header) + f"\nglobalThis.jwtLensSecretsText = {text};\n")
    return write_hashed(staging, "jwt-lens-secrets", bundle)


def run(command: list, cwd: pathlib.Path) -> None:
    result = subprocess.run(command, cwd=cwd)
    if result.returncode != 0:
        raise SystemExit(f"post_build: {' '.join(command)} failed with {result.returncode}")


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

    # The app (Trunk's build of the `jwt-lens` binary): loaded on demand.
    if os.environ.get("TRUNK_PROFILE", "release") == "release":
        optimise_page_wasm(wasm)
        glue_text = drop_unused_classes(glue_text)
    modules = {name: build_module(staging, package, stem, name, title) for package, stem, name, title in MODULES}
    secrets_name = build_secrets_module(staging)
    module_lines = "\n".join(f'onDemand("{name}", "./{file}");' for name, file in modules.items())
    app_loader = APP_LOADER.format(b64=pack(wasm.read_bytes()), modules=module_lines, secrets=secrets_name)
    app = factory(glue_text, app_loader, "jwtLensAppFactory", "JWT Lens app (every panel)")
    app_name = write_hashed(staging, "jwt-lens-app", app)
    glue.unlink()
    wasm.unlink()

    # The first visit's script: the first paint, then the app's loader.
    with tempfile.TemporaryDirectory() as tmp:
        first_glue, first_wasm = cargo_wasm(["--bin", "jwt-lens-first"], "jwt-lens-first", pathlib.Path(tmp), leptos=True)
    first = first_glue.rstrip() + "\n" + FIRST_LOADER.format(b64=base64.b64encode(first_wasm).decode("ascii"), app=app_name)
    name = write_hashed(staging, "jwt-lens", first)

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

    # The service worker installs the page and the app, which every visit
    # loads; the other modules are kept once a visit has used them.
    css_files = sorted(staging.glob("style-*.css"))
    files = ["./", "./index.html", f"./{name}", f"./{app_name}"] + [f"./{p.name}" for p in css_files]
    files += [f"./{n}" for n in ("manifest.webmanifest", "icon.svg") if (staging / n).exists()]
    lazy = [f"./{file}" for file in modules.values()] + [f"./{secrets_name}"]
    version = hashlib.sha256("".join(files + lazy).encode()).hexdigest()[:12]
    (staging / "sw.js").write_text(SERVICE_WORKER.format(version=version, files=files, lazy=lazy), encoding="utf-8")

    css = "".join(p.read_text(encoding="utf-8") for p in css_files)
    inline = [(staging / n).read_text(encoding="utf-8")
              for n in [app_name, *modules.values(), secrets_name]]
    (staging / "jwt-lens.html").write_text(single_file(html, first, inline, css), encoding="utf-8")
    print(f"post_build: wrote {name} ({len(first)} bytes), {app_name}, {', '.join(modules.values())}, "
          f"{secrets_name}, sw.js and jwt-lens.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
