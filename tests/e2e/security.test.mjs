// Proof it holds: no request, nothing persisted, hostile input inert, big
// input responsive, keyboard-only use, and zero axe-core violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { start, paste } from "./harness.mjs";
import { JWT_IO, RFC7515_A1, b64url, hs, now } from "./tokens.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SECRET = "a-secret-that-must-stay-in-memory-0123";

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

test("a full session requests nothing but the page's own files", async () => {
  const { page, context, requests, errors } = await app.open();
  await paste(page, hs('{"alg":"HS256","jku":"https://evil.example/keys","x5u":"https://evil.example/cert"}', `{"iss":"https://issuer.example/","exp":${now() + 600}}`, SECRET));
  await page.locator("#secret-input").fill(SECRET);
  await page.locator("#secret-encoding").selectOption("base64");
  await page.locator("#secret-encoding").selectOption("utf8");
  await page.click('label[for="view-table"]');
  await page.locator("#local-times").check();
  await page.locator("#expected-iss").fill("https://issuer.example/");
  await page.locator("#expected-aud").fill("api");
  await page.locator("#leeway").fill("30");
  await page.click("#edit-token");
  await page.click("#preset-id");
  await page.click("#generate-512");
  await page.click("#decode-this");
  await page.click("#example-button");
  await page.goto(`${app.origin}/?embed&verify#token=${JWT_IO}`);
  await page.waitForSelector("main.embed");
  await page.waitForTimeout(300);
  const own = new Set();
  for (const url of requests) {
    assert.ok(url.startsWith(`${app.origin}/`), `request left the page: ${url}`);
    own.add(new URL(url).pathname);
  }
  assert.ok([...own].every((p) => /^\/(|index\.html|sw\.js|manifest\.webmanifest|icon\.svg|jwt-lens-((app|secrets)-)?[0-9a-f]+\.js|style-[0-9a-f]+\.css)$/.test(p)), [...own].join(" "));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the policy blocks fetch, XHR and images from the console", async () => {
  const { page, context } = await app.open();
  const outcomes = await page.evaluate(async () => {
    const fetched = await fetch("https://example.com/").then(() => "fetched", () => "blocked");
    const xhr = await new Promise((ok) => {
      const r = new XMLHttpRequest();
      r.onerror = () => ok("blocked");
      r.onload = () => ok("loaded");
      try {
        r.open("GET", "/index.html");
        r.send();
      } catch {
        ok("blocked");
      }
    });
    const image = await new Promise((ok) => {
      const img = new Image();
      img.onload = () => ok("loaded");
      img.onerror = () => ok("blocked");
      img.src = "https://example.com/pixel.png";
    });
    return { fetched, xhr, image };
  });
  assert.deepEqual(outcomes, { fetched: "blocked", xhr: "blocked", image: "blocked" });
  await context.close();
});

test("nothing is persisted: no storage, cookie, database or URL holds the token or secret", async () => {
  const { page, context } = await app.open();
  const token = hs('{"alg":"HS256"}', '{"sub":"persist-check"}', SECRET);
  await paste(page, token);
  await page.locator("#secret-input").fill(SECRET);
  await page.click('label[for="mode-encode"]');
  await page.locator("#encoder-secret").fill(SECRET);
  await page.click('label[for="mode-decode"]');
  const state = await page.evaluate(async () => ({
    url: location.href,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    databases: (await indexedDB.databases()).map((d) => d.name),
    history: history.length,
  }));
  assert.equal(state.url, `${app.origin}/`);
  assert.equal(state.local, "{}");
  assert.equal(state.session, "{}");
  assert.equal(state.cookie, "");
  assert.deepEqual(state.databases, []);
  const cookies = await context.cookies();
  assert.deepEqual(cookies, []);
  await context.close();
});

test("hostile claims render as inert, visible text", async () => {
  const { page, context, errors } = await app.open();
  const payload = JSON.stringify({
    name: "<script>window.__pwned = 1</script>",
    picture: '<img src=x onerror="window.__pwned = 2">',
    website: "javascript:window.__pwned=3",
    note: "evil\u202Egnp.exe",
    hidden: "zero\u200Bwidth",
    exp: now() + 600,
  });
  await paste(page, hs('{"alg":"HS256","kid":"<b onmouseover=alert(1)>k</b>"}', payload, SECRET));
  // The claims table is built only while it is the view shown.
  await page.click('label[for="view-table"]');
  const table = await page.locator(".panel-payload-json .claims-table").textContent();
  assert.equal(await page.locator(".decoded img, .decoded script, .decoded b, .decoded a[href^='javascript']").count(), 0);
  await page.click('label[for="view-json"]');
  await page.waitForTimeout(200);
  const seen = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll(".decoded img, .decoded script, .decoded b, .decoded a[href^='javascript']").length,
    payload: document.querySelector("#payload-json").textContent,
    header: document.querySelector("#header-json").textContent,
  }));
  assert.equal(seen.pwned, null);
  assert.equal(seen.images, 0);
  assert.match(seen.payload, /<script>window\.__pwned = 1<\/script>/);
  assert.match(seen.payload, /<img src=x onerror=\\"window\.__pwned = 2\\">/);
  assert.match(seen.payload, /evil\\u202egnp\.exe/, "a right-to-left override is shown as an escape");
  assert.match(seen.payload, /zero\\u200bwidth/, "a zero-width space is shown as an escape");
  assert.match(seen.header, /<b onmouseover=alert\(1\)>k<\/b>/);
  assert.match(table, /javascript:window/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a bad character in the token is shown as text, not markup", async () => {
  const { page, context } = await app.open();
  await paste(page, `${b64url('{"alg":"HS256"}')}.<svg/onload=alert(1)>.sig`);
  assert.equal(await page.locator("#token-error").getAttribute("data-kind"), "base64");
  assert.equal(await page.locator("#token-echo .bad-char").textContent(), "<");
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  await context.close();
});

test("a 5 MB paste never blocks the page for more than 200 ms, and says it is too large", async () => {
  const { page, context } = await app.open();
  const result = await page.evaluate(async () => {
    const text = "eyJ" + "a".repeat(5 * 1024 * 1024);
    const data = new DataTransfer();
    data.setData("text/plain", text);
    await new Promise((ok) => setTimeout(ok, 200));
    const longest = [];
    const t0 = performance.now();
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= t0) longest.push(e.duration);
    });
    observer.observe({ type: "longtask" });
    document.querySelector("#token-input").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    await new Promise((ok) => setTimeout(ok, 1500));
    observer.disconnect();
    return { longest: Math.max(0, ...longest), shown: document.querySelector("#token-input").value.slice(0, 10) };
  });
  assert.ok(result.longest <= 200, `a task took ${Math.round(result.longest)} ms`);
  assert.equal(await page.locator("#token-error").getAttribute("data-kind"), "too-large");
  assert.match(await page.locator("#token-error").textContent(), /too large to decode: 5242883 bytes/);
  assert.equal(result.shown, "eyJaaaaaaa", "the textarea keeps (the start of) the paste");
  assert.match(await page.locator("#large-input-note").textContent(), /5120 KB/);
  await context.close();
});

test("keyboard only: tab to the input, paste, tab to the secret, read the result", async () => {
  const { page, context } = await app.open();
  const reach = async (id) => {
    for (let i = 0; i < 30; i++) {
      if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
      await page.keyboard.press("Tab");
    }
    assert.fail(`Tab never reached #${id}`);
  };
  await reach("token-input");
  await page.keyboard.insertText(JWT_IO);
  await reach("secret-input");
  await page.keyboard.type("your-256-bit-secret");
  assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "valid");
  assert.equal(await page.locator(".slot[aria-live] #signature-status").count(), 1, "the result is in a live region");
  await context.close();
});

const KEYS = JSON.parse(readFileSync(new URL("../fixtures/keys/tokens.json", import.meta.url), "utf8"));
const ES256 = KEYS.cases.find((c) => c.alg === "ES256");

for (const scheme of ["light", "dark"]) {
  for (const [label, path, token] of [
    ["decoder with a token", "/", JWT_IO],
    ["decoder with an error", "/", "abc.def"],
    ["embed", `/?embed&verify#token=${JWT_IO}`, null],
    ["embed with two tokens, table view", `/?embed&view=table#tokens=${JWT_IO},${RFC7515_A1}`, null],
    ["encoder", "/", null],
    ["public-key verification", "/", ES256.token],
  ]) {
    test(`axe-core finds no violation: ${label}, ${scheme}`, async () => {
      // Injecting axe needs the policy bypassed; the page under test is unchanged.
      const { page, context } = await app.open(path, { bypassCSP: true, colorScheme: scheme });
      if (token) await paste(page, token);
      if (label === "encoder") await page.click('label[for="mode-encode"]');
      if (label === "public-key verification") {
        await page.locator("#public-key-input").fill(ES256.cert_pem);
        await page.waitForFunction(() => document.querySelector("#key-info")?.dataset.state === "used");
      }
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      );
      assert.deepEqual(violations, []);
      await context.close();
    });
  }
}
