// Offline and embedded: the single-file build from file://, the service
// worker, sub-path hosting, and the embed view inside a docs page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, controlledByServiceWorker, start, paste } from "./harness.mjs";
import { serve } from "../../scripts/serve.mjs";
import { claims, now } from "./tokens.mjs";

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const TOKEN = claims({ sub: "offline", iss: "https://auth.example.com/", exp: now() + 3600 });

test("the single-file build decodes from file:// with no request but itself", async () => {
  const { page, context, requests, errors, url } = await app.openSingleFile();
  await paste(page, TOKEN);
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "offline"/);
  assert.equal(await page.locator("#token-status").getAttribute("data-state"), "valid");
  assert.deepEqual(requests.filter((r) => !r.startsWith("data:")), [url]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("after one visit the app works offline through its service worker", async () => {
  const { page, context } = await app.open();
  await controlledByServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  await paste(page, TOKEN);
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "offline"/);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => /jwt-lens-[0-9a-f]+\.js$/.test(p)), cached.join(" "));
  assert.ok(!cached.some((p) => p.includes("token")), "no token in the cache");
  await context.close();
});

test("dist/ works from a sub-path", async () => {
  const server = await serve(DIST, 0, "/tools/jwt/");
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(r.url()));
  await page.goto(`${origin}/tools/jwt/#token=${TOKEN}`);
  await page.waitForSelector("#payload-json");
  assert.match(await page.locator("#payload-json").textContent(), /offline/);
  assert.deepEqual(failed, []);
  await context.close();
  await new Promise((ok) => server.close(ok));
});

test("the embed renders the token from its fragment inside a docs page, and its link carries the token", async () => {
  // The sample page points at the README's local server; serve a copy that
  // points at the test's, from a second origin, as a real docs site would.
  const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
  const site = mkdtempSync(join(tmpdir(), "jwt-lens-docs-"));
  const sample = readFileSync(`${examples}docs.html`, "utf8");
  writeFileSync(join(site, "docs.html"), sample.replaceAll("http://127.0.0.1:8080/", `${app.origin}/`));
  const docs = await serve(site, 0);
  const docsOrigin = `http://127.0.0.1:${docs.address().port}`;
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${docsOrigin}/docs.html`);
  const frames = page.locator("iframe");
  assert.equal(await frames.count(), 3);
  const first = page.frameLocator("iframe").first();
  await first.locator("#payload-json").waitFor();
  assert.match(await first.locator("#payload-json").textContent(), /orders:read/);
  assert.match(await first.locator("#header-json").textContent(), /at\+jwt/);
  assert.equal(await first.locator("#token-status").count(), 1);
  assert.equal(await first.locator("#secret-input").count(), 0, "no secret field without &verify");
  assert.equal(await first.locator("#token-input").count(), 0, "read-only");
  const src = await frames.first().getAttribute("src");
  const token = src.split("#token=")[1];
  assert.equal(await first.locator("#open-in-lens").getAttribute("href"), `${app.origin}/#token=${token}`);
  const pair = page.frameLocator("iframe").nth(1);
  assert.deepEqual(await pair.locator(".embed-token").evaluateAll((e) => e.map((t) => t.dataset.role)), ["access", "refresh"]);
  const third = page.frameLocator("iframe").nth(2);
  assert.match(await third.locator("#payload-json").textContent(), /Ada Lovelace/);
  for (const url of requests) {
    assert.ok(url.startsWith(docsOrigin) || url.startsWith(app.origin), `unexpected request to ${url}`);
  }
  await context.close();
  await new Promise((ok) => docs.close(ok));
  rmSync(site, { recursive: true });
});

test("the embed shows a secret field only with &verify, and follows the dark scheme", async () => {
  const { page, context } = await app.open(`/?embed&verify#token=${TOKEN}`, { colorScheme: "dark" });
  await page.locator("#secret-input").fill("test-secret-test-secret-test-secret!");
  assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "valid");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(15, 19, 24)");
  await context.close();
});
