// Benchmark (not a test): JWT Lens against jose and jwt-decode, in one headless
// Chromium run, on the same inputs. Prints a table and writes results.json.
//
//   cd bench && npm ci && node bench.mjs        (after scripts/serve.sh or a release build)
//
// Measures: median decode and HS256-verify time for a typical token and a
// 1 MB token (the JWT Lens core compiled alone, from bench/core); shipped
// bytes of JWT Lens vs a minimal page bundling jose; time from navigation to
// a usable token input; and input-to-render latency in the real page.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { createHmac, createSign, generateKeyPairSync } from "node:crypto";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..");
const dist = join(root, "dist");
const work = mkdtempSync(join(tmpdir(), "jwt-lens-bench-"));

// 1. The core alone, as wasm with two exports.
console.error("building bench/core (wasm)…");
const target = join(root, "target", "bench");
execFileSync("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "--manifest-path", join(here, "core", "Cargo.toml")], {
  stdio: "inherit",
  env: { ...process.env, CARGO_TARGET_DIR: target },
});
execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", join(work, "core"), join(target, "wasm32-unknown-unknown", "release", "jwt_lens_bench_core.wasm")]);

// 2. jose and jwt-decode bundled for the page, and a minimal jose page for size.
await build({ entryPoints: [join(here, "entry-libs.mjs")], bundle: true, format: "esm", minify: true, outfile: join(work, "libs.js") });
await build({ entryPoints: [join(here, "entry-jose-minimal.mjs")], bundle: true, format: "esm", minify: true, outfile: join(work, "jose-minimal.js") });
writeFileSync(join(work, "index.html"), "<!doctype html><meta charset=utf-8><title>bench</title>");
// The comparison page for paste-to-render and #token= links: jose showing a
// token's header and payload, served like JWT Lens (same server, same run).
await build({ entryPoints: [join(here, "entry-jose-page.mjs")], bundle: true, format: "esm", minify: true, outfile: join(work, "jose-page.js") });
writeFileSync(join(work, "jose.html"), '<!doctype html><meta charset=utf-8><title>jose page</title><textarea id="token-input"></textarea><div id="out"></div><script type="module" src="./jose-page.js"></script>');

// 3. Inputs: a typical ~300-byte token and a 1 MB token, both HS256.
const b64 = (s) => Buffer.from(s).toString("base64url");
const SECRET = "bench-secret-bench-secret-bench-secret!";
const sign = (payload) => {
  const input = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(payload)}`;
  return `${input}.${createHmac("sha256", SECRET).update(input).digest("base64url")}`;
};
const typical = sign(JSON.stringify({ iss: "https://auth.example.com/", sub: "user-1234", aud: "api", scope: "orders:read orders:write", iat: 1767225600, exp: 1767226500, jti: "7f3c9a1e5b2d4c6f8a0b" }));
const large = sign(JSON.stringify({ sub: "user", blob: "x".repeat(740 * 1024), iat: 1767225600, exp: 1767226500 }));
// The typical claims as RS256 and ES256, with 2048-bit RSA and P-256 keys.
const signWith = (alg, key, options = {}) => {
  const input = `${b64(JSON.stringify({ alg, typ: "JWT" }))}.${b64(JSON.stringify({ sub: "user-1234", iat: 1767225600, exp: 1767226500 }))}`;
  const signature = createSign("sha256").update(input).sign({ key, ...options });
  return `${input}.${signature.toString("base64url")}`;
};
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const publicKeyTokens = {
  RS256: { token: signWith("RS256", rsa.privateKey), pem: rsa.publicKey.export({ type: "spki", format: "pem" }) },
  ES256: { token: signWith("ES256", ec.privateKey, { dsaEncoding: "ieee-p1363" }), pem: ec.publicKey.export({ type: "spki", format: "pem" }) },
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const benchServer = await serve(work, 0);
const benchOrigin = `http://127.0.0.1:${benchServer.address().port}`;
const page = await browser.newPage();
await page.goto(`${benchOrigin}/index.html`);
const benchOriginForPages = benchOrigin;
const speed = await page.evaluate(
  async ({ typical, large, secret, publicKeyTokens }) => {
    const core = await import("/core/jwt_lens_bench_core.js");
    await core.default();
    const libs = await import("/libs.js");
    const key = new TextEncoder().encode(secret);
    // Each sample times a batch of calls, as the browser's clock is coarse
    // (0.1 ms); the result is the median sample divided by its batch.
    const median = async (fn, samples, batch) => {
      const times = [];
      for (let i = 0; i < 3; i++) await fn();
      for (let i = 0; i < samples; i++) {
        const t0 = performance.now();
        for (let j = 0; j < batch; j++) await fn();
        times.push((performance.now() - t0) / batch);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)];
    };
    const out = {};
    for (const [name, token, runs, batch] of [["typical", typical, 21, 200], ["1 MB", large, 11, 1]]) {
      out[name] = {
        "JWT Lens decode": await median(() => core.decode(token), runs, batch),
        "jose decodeJwt": await median(() => libs.decodeJwt(token), runs, batch),
        "jwt-decode": await median(() => libs.jwtDecode(token), runs, batch),
        "JWT Lens verify HS256": await median(() => {
          if (!core.verify_hs256(token, secret)) throw new Error("JWT Lens did not verify");
        }, runs, batch),
        "jose jwtVerify HS256": await median(() => libs.jwtVerify(token, key, { currentDate: new Date(1767225700000) }), runs, batch),
      };
    }
    for (const [alg, { token, pem }] of Object.entries(publicKeyTokens)) {
      const imported = await libs.importSPKI(pem, alg);
      out.typical[`JWT Lens verify ${alg} (PEM read per call)`] = await median(() => {
        if (!core.verify_pem(token, pem)) throw new Error(`JWT Lens did not verify ${alg}`);
      }, 21, 20);
      out.typical[`jose jwtVerify ${alg} (key imported once, WebCrypto)`] = await median(
        () => libs.jwtVerify(token, imported, { currentDate: new Date(1767225700000) }), 21, 20);
    }
    return out;
  },
  { typical, large, secret: SECRET, publicKeyTokens },
);
await page.close();

// 4. Shipped bytes.
const sizes = (files) => {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const data = readFileSync(file);
    total.raw += data.length;
    total.gzip += gzipSync(data, { level: 9 }).length;
    total.brotli += brotliCompressSync(data).length;
  }
  return total;
};
const html = readFileSync(join(dist, "index.html"), "utf8");
const loaded = ["index.html", ...[...html.matchAll(/(?:src|href)=["']?\.\/([^"' >]+)/g)].map((m) => m[1])];
const shipped = {
  "JWT Lens (first visit)": sizes(loaded.map((f) => join(dist, f))),
  "jose, minimal bundle (decodeJwt + jwtVerify)": sizes([join(work, "jose-minimal.js")]),
  "JWT Lens app, every panel (on demand, at idle)": sizes(readdirSync(dist).filter((f) => /^jwt-lens-app-[0-9a-f]+\.js$/.test(f)).map((f) => join(dist, f))),
  "JWT Lens public-key verifier (on demand)": sizes(readdirSync(dist).filter((f) => /^jwt-lens-keys-[0-9a-f]+\.js$/.test(f)).map((f) => join(dist, f))),
  "JWT Lens single file (jwt-lens.html)": sizes([join(dist, "jwt-lens.html")]),
};

// 5. The real page: time to a usable input, and input-to-render latency.
const appServer = await serve(dist, 0);
const appOrigin = `http://127.0.0.1:${appServer.address().port}`;
const loads = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.getElementById("token-input") && !window.__inputReady) window.__inputReady = performance.now();
      if (document.body?.hasAttribute("data-ready")) {
        window.__appReady = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await p.goto(`${appOrigin}/`);
  await p.waitForSelector("body[data-ready]", { state: "attached" });
  loads.push(await p.evaluate(() => [window.__inputReady, window.__appReady]));
  await context.close();
}
const inputReady = loads.map((l) => l[0]).sort((a, b) => a - b)[3];
const appReady = loads.map((l) => l[1]).sort((a, b) => a - b)[3];
// Paste-to-render on a page: from the input event (or, for large tokens, the
// paste the page intercepts) until the first frame that shows #payload-json
// has been drawn. `clear` empties the page between runs.
async function pasteToRender(p, token, clear) {
  const runs = [];
  for (let i = 0; i < 7; i++) {
    await clear();
    runs.push(
      await p.evaluate(async (token) => {
        const input = document.querySelector("#token-input");
        const data = new DataTransfer();
        data.setData("text/plain", token);
        const t0 = performance.now();
        if (token.length > 256 * 1024 && !document.querySelector("#out")) {
          input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        } else {
          input.value = token;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        // The frame that first shows #payload-json: checked in each
        // animation-frame callback (the DOM then is what that frame draws),
        // timed by a zero-delay timeout queued there, which runs once that
        // frame is drawn. A page that renders in the input handler and one
        // that renders in a microtask or a later task are timed alike.
        return await new Promise((ok, fail) => {
          let frames = 0;
          const check = () => {
            if (document.querySelector("#payload-json")) setTimeout(() => ok(performance.now() - t0), 0);
            else if (++frames > 300) fail(new Error("nothing rendered"));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
      }, token),
    );
  }
  runs.sort((a, b) => a - b);
  return runs[3];
}
const app = await browser.newPage();
await app.goto(`${appOrigin}/`);
await app.waitForSelector("body[data-ready]", { state: "attached" });
const josePage = await browser.newPage();
await josePage.goto(`${benchOriginForPages}/jose.html`);
await josePage.waitForSelector("body[data-ready]", { state: "attached" });
const render = {};
const joseRender = {};
for (const [name, token] of [["typical", typical], ["1 MB", large]]) {
  render[name] = await pasteToRender(app, token, () => app.click("#clear-button"));
  joseRender[name] = await pasteToRender(josePage, token, () => josePage.evaluate(() => {
    document.querySelector("#token-input").value = "";
    document.querySelector("#out").replaceChildren();
  }));
}
// A #token= link: navigation to the decoded payload on screen, JWT Lens
// (its first paint) against the jose page; median of 7 fresh loads each.
async function linkReady(url) {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.getElementById("payload-json")) {
          window.__shown = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await p.goto(url);
    await p.waitForFunction(() => window.__shown !== undefined);
    times.push(await p.evaluate(() => window.__shown));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[3];
}
const link = `#token=${typical}`;
const lensLink = await linkReady(`${appOrigin}/${link}`);
const joseLink = await linkReady(`${benchOriginForPages}/jose.html${link}`);
benchServer.close();
await browser.close();
appServer.close();
rmSync(work, { recursive: true });

// 6. Report.
const ms = (v) => (v === undefined ? "—".padStart(12) : (v < 0.1 ? v.toFixed(3) : v.toFixed(2)).padStart(9) + " ms");
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
console.log("\nMedian time per call (headless Chromium)");
console.log("".padEnd(56) + "typical".padStart(12) + "1 MB".padStart(13));
for (const op of Object.keys(speed.typical)) console.log(op.padEnd(56) + ms(speed.typical[op]) + ms(speed["1 MB"][op]));
console.log("\nShipped bytes".padEnd(47) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11));
for (const [name, s] of Object.entries(shipped)) console.log(name.padEnd(46) + kb(s.raw) + kb(s.gzip) + kb(s.brotli));
console.log(`\nNavigation to a usable token input: median ${inputReady.toFixed(0)} ms; to the app running: ${appReady.toFixed(0)} ms (of ${loads.length} loads, localhost)`);
console.log(`Paste to render, JWT Lens: typical ${render.typical.toFixed(1)} ms, 1 MB ${render["1 MB"].toFixed(1)} ms; jose page: ${joseRender.typical.toFixed(1)} ms, ${joseRender["1 MB"].toFixed(1)} ms (median of 7, to the frame that shows it)`);
console.log(`A #token= link, navigation to the payload on screen: JWT Lens ${lensLink.toFixed(0)} ms, jose page ${joseLink.toFixed(0)} ms (median of 7)`);
// The issue-13 budgets as ratios (≤ 1 each means within budget).
const firstVisit = shipped["JWT Lens (first visit)"].gzip;
const ratios = {
  "first visit gzip / 100 KB": firstVisit / (100 * 1024),
  "paste-to-render typical / (2 × jose page)": render.typical / (2 * joseRender.typical),
  "1 MB paste-to-render / 50 ms": render["1 MB"] / 50,
  "#token= link ready / (1.5 × jose page)": lensLink / (1.5 * joseLink),
};
console.log("\nBudgets (≤ 1 is within):");
for (const [name, v] of Object.entries(ratios)) console.log(`  ${name.padEnd(44)} ${v.toFixed(2)}`);
const results = { date: new Date().toISOString(), tokenBytes: { typical: typical.length, large: large.length }, speedMs: speed, shipped, inputReadyMs: inputReady, appReadyMs: appReady, inputToRenderMs: render, joseInputToRenderMs: joseRender, tokenLinkReadyMs: { "JWT Lens": lensLink, "jose page": joseLink }, ratios };
writeFileSync(join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");
console.log("\nwrote bench/results.json");
