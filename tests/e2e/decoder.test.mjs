// The decoder, end to end, in real Chromium against the built dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, paste } from "./harness.mjs";
import { JWT_IO, RFC7515_A1, RFC7515_A1_KEY, b64url, claims, hs, now } from "./tokens.mjs";

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const text = (page, selector) => page.locator(selector).textContent();
const attr = (page, selector, name) => page.locator(selector).getAttribute(name);

test("pasting a token shows exact header and payload JSON and its status", async () => {
  const { page, context } = await app.open();
  await paste(page, JWT_IO);
  assert.equal(await text(page, "#header-json"), '{\n  "alg": "HS256",\n  "typ": "JWT"\n}');
  assert.equal(
    await text(page, "#payload-json"),
    '{\n  "sub": "1234567890",\n  "name": "John Doe",\n  "iat": 1516239022\n}',
  );
  assert.equal(await attr(page, "#token-status", "data-state"), "no-exp");
  assert.equal(await page.locator("#token-error").count(), 0);
  await context.close();
});

test("the secret verifies, and one changed character makes it invalid", async () => {
  const { page, context } = await app.open();
  await paste(page, JWT_IO);
  assert.equal(await attr(page, "#signature-status", "data-state"), "unverified");
  await page.locator("#secret-input").fill("your-256-bit-secret");
  assert.equal(await attr(page, "#signature-status", "data-state"), "valid");
  await page.locator("#secret-input").fill("your-256-bit-secreT");
  assert.equal(await attr(page, "#signature-status", "data-state"), "invalid");
  await page.locator("#secret-input").fill("your-256-bit-secret");
  // One character in the middle of the signature.
  const at = JWT_IO.length - 10;
  await paste(page, JWT_IO.slice(0, at) + (JWT_IO[at] === "A" ? "B" : "A") + JWT_IO.slice(at + 1));
  assert.equal(await attr(page, "#signature-status", "data-state"), "invalid");
  await context.close();
});

test("a base64url key verifies once the encoding is chosen", async () => {
  const { page, context } = await app.open();
  await paste(page, RFC7515_A1);
  await page.locator("#secret-input").fill(RFC7515_A1_KEY);
  assert.equal(await attr(page, "#signature-status", "data-state"), "invalid");
  await page.locator("#secret-encoding").selectOption("base64url");
  assert.equal(await attr(page, "#signature-status", "data-state"), "valid");
  await context.close();
});

test("HS384 and HS512 tokens verify; alg none is unsigned; RS256 waits for a public key; ES256K is unsupported", async () => {
  const { page, context } = await app.open();
  await page.locator("#secret-input").fill("k");
  for (const [alg, hash] of [["HS384", "sha384"], ["HS512", "sha512"]]) {
    await paste(page, hs(`{"alg":"${alg}"}`, '{"sub":"a"}', "k", hash));
    assert.equal(await attr(page, "#signature-status", "data-state"), "valid", alg);
  }
  await paste(page, `${b64url('{"alg":"none"}')}.${b64url('{"sub":"a"}')}.`);
  assert.equal(await attr(page, "#signature-status", "data-state"), "unsigned");
  // The secret typed above is never used for RS256.
  await paste(page, `${b64url('{"alg":"RS256"}')}.${b64url('{"sub":"a"}')}.AAAA`);
  assert.equal(await attr(page, "#signature-status", "data-state"), "unverified");
  assert.match(await text(page, "#signature-status"), /public key, never with a secret/);
  await paste(page, `${b64url('{"alg":"ES256K"}')}.${b64url('{"sub":"a"}')}.AAAA`);
  assert.equal(await attr(page, "#signature-status", "data-state"), "unsupported");
  assert.match(await text(page, "#signature-status"), /HS256, HS384, HS512, RS256/);
  await context.close();
});

test("expiry status follows exp and nbf", async () => {
  const { page, context } = await app.open();
  const t = now();
  await paste(page, claims({ sub: "a", iat: t, exp: t + 900 }));
  assert.equal(await attr(page, "#token-status", "data-state"), "valid");
  assert.match(await text(page, "#token-status"), /expires in 1[45] min/);
  await paste(page, claims({ sub: "a", iat: t - 7200, exp: t - 3 * 3600 - 20 }));
  assert.equal(await attr(page, "#token-status", "data-state"), "expired");
  assert.match(await text(page, "#token-status"), /Expired 3 h ago/);
  await paste(page, claims({ sub: "a", nbf: t + 600, exp: t + 1200 }));
  assert.equal(await attr(page, "#token-status", "data-state"), "not-yet-valid");
  await context.close();
});

test("the status updates live as exp passes", async () => {
  const { page, context } = await app.open();
  await paste(page, claims({ sub: "a", exp: now() + 2 }));
  assert.equal(await attr(page, "#token-status", "data-state"), "valid");
  await page.waitForSelector('#token-status[data-state="expired"]', { timeout: 5000 });
  await context.close();
});

test("numbers stay exactly as written", async () => {
  const { page, context } = await app.open();
  await paste(page, hs('{"alg":"HS256"}', '{"id":100002348117421473,"v":3.0,"big":1e400}', "k"));
  const payload = await text(page, "#payload-json");
  assert.match(payload, /"id": 100002348117421473,/);
  assert.match(payload, /"v": 3\.0,/);
  assert.match(payload, /"big": 1e400/);
  await context.close();
});

test("Bearer, quotes and line breaks are removed and listed", async () => {
  const { page, context } = await app.open();
  const wrapped = `Bearer "${JWT_IO.slice(0, 50)}\n${JWT_IO.slice(50)}"`;
  await paste(page, wrapped);
  assert.match(await text(page, "#cleaning-note"), /Bearer.*quotes.*1 line break/);
  assert.equal(await attr(page, "#token-status", "data-state"), "no-exp");
  assert.equal(await page.locator("#token-input").inputValue(), wrapped);
  await context.close();
});

const broken = [
  ["segments", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0"],
  ["base64", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIi*OiJhIn0.sig"],
  ["utf8", `${b64url('{"alg":"none"}')}.${Buffer.from('{"a":"\xff"}', "latin1").toString("base64url")}.`],
  ["json", `${b64url('{"alg":"HS256",}')}.${b64url("{}")}.`],
  ["not-object", `${b64url('{"alg":"HS256"}')}.${b64url("[1,2]")}.`],
  ["jwe", `${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`],
];
for (const [kind, token] of broken) {
  test(`a malformed token shows #token-error of kind ${kind} and keeps the input`, async () => {
    const { page, context } = await app.open();
    await paste(page, token);
    assert.equal(await attr(page, "#token-error", "data-kind"), kind);
    assert.ok((await text(page, "#token-error")).length > 20);
    assert.equal(await page.locator("#token-input").inputValue(), token);
    await context.close();
  });
}

test("a bad signature segment still shows header and payload; the bad character is marked", async () => {
  const { page, context } = await app.open();
  await paste(page, `${JWT_IO.slice(0, -4)}!abc`);
  assert.equal(await attr(page, "#token-error", "data-kind"), "base64");
  assert.match(await text(page, "#token-error"), /signature: '!' at position 40/);
  assert.match(await text(page, "#payload-json"), /John Doe/);
  assert.equal(await text(page, "#token-echo .bad-char"), "!");
  await context.close();
});

test("a JWE shows its header and says the payload is encrypted", async () => {
  const { page, context } = await app.open();
  await paste(page, broken.at(-1)[1]);
  assert.match(await text(page, "#header-json"), /A256GCM/);
  assert.match(await text(page, "#token-error"), /encrypted/);
  await context.close();
});

test("empty input shows a friendly placeholder and no error", async () => {
  const { page, context } = await app.open();
  assert.ok(await page.locator(".empty-state").isVisible());
  assert.equal(await page.locator("#token-error").count(), 0);
  await paste(page, "   \n ");
  assert.ok(await page.locator(".empty-state").isVisible());
  assert.equal(await page.locator("#token-error").count(), 0);
  await context.close();
});

test("#token= in the fragment fills the input on load", async () => {
  const token = claims({ sub: "from-the-fragment" });
  const { page, context } = await app.open(`/#token=${token}`);
  assert.equal(await page.locator("#token-input").inputValue(), token);
  assert.match(await text(page, "#payload-json"), /from-the-fragment/);
  await context.close();
});

test("Example loads a verifying token, Clear empties everything", async () => {
  const { page, context } = await app.open();
  await page.click("#example-button");
  assert.equal(await attr(page, "#signature-status", "data-state"), "valid");
  assert.equal(await attr(page, "#token-status", "data-state"), "valid");
  await page.click("#clear-button");
  assert.equal(await page.locator("#token-input").inputValue(), "");
  assert.equal(await page.locator("#secret-input").inputValue(), "");
  assert.ok(await page.locator(".empty-state").isVisible());
  await context.close();
});

test("no request leaves for anything but the page's own assets, and the secret is kept nowhere", async () => {
  const { page, context, requests, errors } = await app.open();
  await paste(page, JWT_IO);
  await page.locator("#secret-input").fill("your-256-bit-secret");
  await page.locator("#secret-encoding").selectOption("hex");
  await page.locator("#secret-encoding").selectOption("utf8");
  await page.click("#example-button");
  await page.waitForTimeout(300);
  assert.ok(requests.length >= 2, "the page's own assets were requested");
  for (const url of requests) assert.ok(url.startsWith(app.origin + "/"), `unexpected request to ${url}`);
  assert.deepEqual(errors, []);
  const stored = await page.evaluate(() => ({
    url: location.href,
    local: Object.keys(localStorage).length,
    session: Object.keys(sessionStorage).length,
    cookie: document.cookie,
  }));
  assert.equal(stored.url, app.origin + "/");
  assert.deepEqual([stored.local, stored.session, stored.cookie], [0, 0, ""]);
  await context.close();
});

test("the Content-Security-Policy blocks fetch", async () => {
  const { page, context } = await app.open();
  const outcome = await page.evaluate(() =>
    fetch("/index.html").then(() => "fetched", (e) => `blocked: ${e.name}`),
  );
  assert.match(outcome, /^blocked/);
  await context.close();
});

test("the page follows the dark colour scheme", async () => {
  const { page, context } = await app.open("/", { colorScheme: "dark" });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(15, 19, 24)");
  await context.close();
});

test("the input is usable before the wasm starts, and what was pasted is kept", async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  // Hold the app's script back, as a slow network would.
  await page.route(/jwt-lens-[0-9a-f]+\.js$/, async (route) => {
    await new Promise((ok) => setTimeout(ok, 1500));
    await route.continue();
  });
  await page.goto(`${app.origin}/`, { waitUntil: "commit" });
  await page.locator("#token-input").fill(JWT_IO);
  await page.locator("#token-input").focus();
  assert.equal(await page.locator("body[data-ready]").count(), 0, "the app had not started yet");
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  assert.equal(await page.locator("#token-input").inputValue(), JWT_IO);
  assert.match(await page.locator("#payload-json").textContent(), /John Doe/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "token-input");
  assert.equal(await page.locator("#token-input").count(), 1);
  await context.close();
});
