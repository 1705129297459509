// The embed inside a docs page (issue 18): it reports its content height and
// nothing else, the README's host script sizes the frame with it, several
// tokens show one panel each, and the host picks the theme and the view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "./harness.mjs";
import { serve } from "../../scripts/serve.mjs";
import { claims, hs, now } from "./tokens.mjs";

const SECRET = "test-secret-test-secret-test-secret!";

let app;
let docs;
let docsOrigin;
let site;
before(async () => {
  app = await start();
  site = mkdtempSync(join(tmpdir(), "jwt-lens-embed-"));
  docs = await serve(site, 0);
  docsOrigin = `http://127.0.0.1:${docs.address().port}`;
});
after(async () => {
  docs?.closeAllConnections();
  await new Promise((ok) => (docs ? docs.close(ok) : ok()));
  if (site) rmSync(site, { recursive: true });
  await app?.close();
});

// The README's own snippet (iframe and host script), so the documented code is what is tested.
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const SNIPPET = README.slice(README.indexOf("**Embedding in documentation.**")).match(/```html\n([\s\S]*?)```/)[1];

/** Serves a docs page holding the README snippet with `src` in its frame; returns its URL. */
function docsPage(name, src) {
  const html = SNIPPET.replace(/src="[^"]*"/, `src="${app.origin}${src}"`);
  writeFileSync(join(site, name), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Docs</title></head><body><h1>Docs</h1>${html}</body></html>`);
  return `${docsOrigin}/${name}`;
}

/** The frame's inner height and the embed's content height, once they agree (or the last pair seen). */
async function heights(page, frame) {
  const read = async () => ({
    frame: await page.locator("iframe").evaluate((f) => f.clientHeight),
    content: await frame.locator("main.embed").evaluate((m) => m.getBoundingClientRect().height),
  });
  let last;
  for (let i = 0; i < 40; i++) {
    last = await read();
    if (Math.abs(last.frame - last.content) <= 3) return last;
    await page.waitForTimeout(50);
  }
  return last;
}

const SHORT = claims({ sub: "a", exp: now() + 600 });
const LONG = claims({
  sub: "user-with-many-claims",
  iss: "https://auth.example.com/",
  groups: Array.from({ length: 60 }, (_, i) => `group-number-${i}-with-a-long-name`),
  exp: now() + 600,
});

for (const [label, token] of [["a short token", SHORT], ["a long token", LONG]]) {
  test(`the README host script sizes the frame to the embed's content: ${label}`, async () => {
    const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(docsPage(`size-${token.length}.html`, `/?embed#token=${token}`));
    const frame = page.frameLocator("iframe");
    await frame.locator("#payload-json").waitFor();
    const before = await heights(page, frame);
    assert.ok(Math.abs(before.frame - before.content) <= 3, JSON.stringify(before));
    // Opening the decoded text makes the content taller: the frame follows.
    await frame.locator("details.raw summary").last().click();
    const opened = await heights(page, frame);
    assert.ok(opened.content > before.content + 20, JSON.stringify({ before, opened }));
    assert.ok(Math.abs(opened.frame - opened.content) <= 3, JSON.stringify(opened));
    await context.close();
  });
}

test("the short and the long token give different heights", async () => {
  const sizes = [];
  for (const token of [SHORT, LONG]) {
    const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(docsPage(`diff-${token.length}.html`, `/?embed#token=${token}`));
    const frame = page.frameLocator("iframe");
    await frame.locator("#payload-json").waitFor();
    sizes.push((await heights(page, frame)).frame);
    await context.close();
  }
  assert.ok(sizes[1] > sizes[0] + 50, sizes.join(" < "));
});

test("the height message is exactly {type, height}, sent to the parent only", async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const url = `${docsOrigin}/messages.html`;
  writeFileSync(
    join(site, "messages.html"),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Messages</title></head><body>
    <script>window.seen = []; addEventListener("message", (e) => seen.push({ data: e.data, fromFrame: e.source === document.querySelector("iframe").contentWindow }));</script>
    <iframe src="${app.origin}/?embed#token=${SHORT}" style="width: 800px; height: 300px" sandbox="allow-scripts allow-same-origin"></iframe></body></html>`,
  );
  await page.goto(url);
  await page.frameLocator("iframe").locator("#payload-json").waitFor();
  await page.waitForFunction(() => window.seen.length > 0);
  const seen = await page.evaluate(() => window.seen);
  for (const { data, fromFrame } of seen) {
    assert.ok(fromFrame);
    assert.deepEqual(Object.keys(data).sort(), ["height", "type"]);
    assert.equal(data.type, "jwt-lens:height");
    assert.ok(Number.isInteger(data.height) && data.height > 100, String(data.height));
  }
  // Opened outside a frame, the embed posts nothing (to itself).
  const { page: alone, context: aloneContext } = await app.open(`/?embed#token=${SHORT}`);
  const posted = await alone.evaluate(() => new Promise((ok) => {
    let count = 0;
    addEventListener("message", () => count++);
    setTimeout(() => ok(count), 300);
  }));
  assert.equal(posted, 0);
  await aloneContext.close();
  await context.close();
});

// Roles from markers the page documents: header typ at+jwt (RFC 9068) with a
// scope; Keycloak's payload typ "Refresh" with a 30-day lifetime.
const ACCESS = hs('{"alg":"HS256","typ":"at+jwt"}', JSON.stringify({ sub: "u1", scope: "orders:read", iat: now(), exp: now() + 900 }), SECRET);
const REFRESH = hs('{"alg":"HS256","typ":"JWT"}', JSON.stringify({ sub: "u1", typ: "Refresh", iat: now(), exp: now() + 30 * 86400 }), SECRET);

test("#tokens= shows one .embed-token per token, in order, with its role, and opens the full app with the first", async () => {
  const { page, context, errors } = await app.open(`/?embed#tokens=${ACCESS},${REFRESH}`);
  const items = page.locator(".embed-token");
  assert.equal(await items.count(), 2);
  assert.equal(await items.nth(0).getAttribute("data-role"), "access");
  assert.equal(await items.nth(1).getAttribute("data-role"), "refresh");
  assert.match(await items.nth(0).textContent(), /orders:read/);
  assert.match(await items.nth(1).textContent(), /Refresh/);
  const href = await page.locator("#open-in-lens").getAttribute("href");
  assert.equal(href, `${app.origin}/#tokens=${ACCESS},${REFRESH}`);
  // The full app, opened with that link, decodes the first token.
  await page.goto(href);
  await page.waitForSelector("#payload-json");
  assert.match(await page.locator("#payload-json").textContent(), /orders:read/);
  assert.deepEqual(errors, []);
  await context.close();
});

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
// style.css's --bg for each scheme.
const LIGHT_BG = "rgb(246, 247, 249)";
const DARK_BG = "rgb(15, 19, 24)";

for (const [scheme, theme, expected] of [
  ["light", "dark", DARK_BG],
  ["dark", "light", LIGHT_BG],
  ["light", null, LIGHT_BG],
  ["dark", null, DARK_BG],
]) {
  test(`theme=${theme ?? "(none)"} on a ${scheme}-scheme browser renders ${expected === DARK_BG ? "dark" : "light"}`, async () => {
    const query = theme ? `&theme=${theme}` : "";
    const { page, context } = await app.open(`/?embed${query}#token=${SHORT}`, { colorScheme: scheme });
    assert.equal(await background(page), expected);
    await context.close();
  });
}

test("view=table opens the embed in the claims-table view", async () => {
  const { page, context } = await app.open(`/?embed&view=table#token=${ACCESS}`);
  const table = page.locator(".panel-payload-json .claims-table");
  assert.ok(await table.isVisible());
  assert.equal(await table.locator('tr[data-claim="scope"]').count(), 1);
  assert.equal(await page.locator("#payload-json").isVisible(), false);
  await context.close();
  const { page: plain, context: plainContext } = await app.open(`/?embed#token=${ACCESS}`);
  assert.equal(await plain.locator(".claims-table").first().isVisible(), false);
  assert.ok(await plain.locator("#payload-json").isVisible());
  await plainContext.close();
});

test("#tokens= with an ID token and its access token shows the at_hash cross-check", async () => {
  const { createHash } = await import("node:crypto");
  const t = now();
  const access = hs(
    '{"alg":"HS256","typ":"at+jwt"}',
    JSON.stringify({ iss: "https://login.example.com", sub: "u1", aud: "https://api.example.com", scope: "openid", client_id: "app", iat: t, exp: t + 600, jti: "j1" }),
    SECRET,
  );
  // OpenID Connect Core §3.1.3.6: the left half of SHA-256 of the access token's ASCII.
  const atHash = createHash("sha256").update(access, "ascii").digest().subarray(0, 16).toString("base64url");
  const id = (hash) =>
    hs('{"alg":"HS256","typ":"JWT"}', JSON.stringify({ iss: "https://login.example.com", sub: "u1", aud: "app", nonce: "n", at_hash: hash, iat: t, exp: t + 600 }), SECRET);
  for (const [hash, result] of [[atHash, "pass"], ["AAAAAAAAAAAAAAAAAAAAAA", "fail"]]) {
    const { page, context, errors } = await app.open(`/?embed#tokens=${access},${id(hash)}`);
    assert.equal(await page.locator(".embed-token").count(), 2);
    assert.equal(await page.locator('#cross-checks li[data-check="at_hash"]').getAttribute("data-result"), result);
    assert.equal(await page.locator('#cross-checks li[data-result="skipped"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
