// The encoder: build, edit and re-sign tokens, cross-checked with the npm
// `jose` library in both directions.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { compactVerify, SignJWT, CompactSign } from "jose";
import { start, paste } from "./harness.mjs";
import { hs, now } from "./tokens.mjs";

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const value = (page, selector) => page.locator(selector).inputValue();
const output = (page) => page.locator("#encoder-output").textContent();

async function openEncoder() {
  const opened = await app.open("/", { permissions: ["clipboard-read", "clipboard-write"] });
  await opened.page.click('label[for="mode-encode"]');
  return opened;
}

test("a token JWT Lens signs verifies with jose, with the payload byte for byte", async () => {
  const { page, context } = await openEncoder();
  for (const [alg, bits] of [["HS256", 256], ["HS384", 384], ["HS512", 512]]) {
    await page.locator("#encoder-alg").selectOption(alg);
    await page.click(`#generate-${bits}`);
    assert.equal(await value(page, "#encoder-secret-encoding"), "base64url");
    const key = Buffer.from(await value(page, "#encoder-secret"), "base64url");
    assert.equal(key.length * 8, bits);
    const token = await output(page);
    const { payload, protectedHeader } = await compactVerify(token, key);
    assert.equal(protectedHeader.alg, alg);
    assert.equal(Buffer.from(payload).toString("utf8"), await value(page, "#encoder-payload"));
  }
  await context.close();
});

test("tokens jose signs verify in the decoder", async () => {
  const { page, context } = await app.open();
  const key = new TextEncoder().encode("a-shared-secret-of-at-least-64-bytes-for-hs512-0123456789abcdefgh");
  for (const alg of ["HS256", "HS384", "HS512"]) {
    const token = await new SignJWT({ sub: "jose", n: 1 }).setProtectedHeader({ alg }).setIssuedAt().setExpirationTime("10m").sign(key);
    await paste(page, token);
    await page.locator("#secret-input").fill(new TextDecoder().decode(key));
    assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "valid", alg);
  }
  const raw = await new CompactSign(new TextEncoder().encode('{"id":100002348117421473}')).setProtectedHeader({ alg: "HS256" }).sign(key);
  await paste(page, raw);
  assert.match(await page.locator("#payload-json").textContent(), /100002348117421473/);
  assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "valid");
  await context.close();
});

test("editing the payload changes the token, and Decode this token verifies it", async () => {
  const { page, context } = await openEncoder();
  await page.locator("#encoder-secret").fill("an-encoder-secret-of-32-bytes!!!");
  const before = await output(page);
  const payload = `{"sub":"edited","id":100002348117421473,"exp":${now() + 600}}`;
  await page.locator("#encoder-payload").fill(payload);
  const after = await output(page);
  assert.notEqual(after, before);
  await page.click("#decode-this");
  assert.equal(await page.locator("#token-input").inputValue(), after);
  assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "valid");
  assert.match(await page.locator("#payload-json").textContent(), /"id": 100002348117421473/);
  await context.close();
});

test("Edit & sign carries the exact header and payload, and re-signing reproduces the token", async () => {
  const { page, context } = await app.open();
  const header = '{"alg":"HS384", "typ":"JWT"}';
  const payload = '{ "n": 3.0, "id": 100002348117421473 }';
  const token = hs(header, payload, "carried-secret", "sha384");
  await paste(page, token);
  await page.locator("#secret-input").fill("carried-secret");
  await page.click("#edit-token");
  assert.equal(await value(page, "#encoder-header"), header);
  assert.equal(await value(page, "#encoder-payload"), payload);
  assert.equal(await value(page, "#encoder-alg"), "HS384");
  assert.equal(await output(page), token);
  await context.close();
});

test("JSON errors are shown with line and column", async () => {
  const { page, context } = await openEncoder();
  await page.locator("#encoder-secret").fill("s");
  await page.locator("#encoder-payload").fill('{\n  "a": 1,\n}');
  assert.equal(await page.locator("#encoder-error").getAttribute("data-kind"), "json");
  assert.match(await page.locator("#encoder-error").textContent(), /payload: not valid JSON at line 3, column 1/);
  assert.equal(await page.locator("#encoder-output").count(), 0);
  await context.close();
});

test("presets and time buttons set the claims", async () => {
  const { page, context } = await openEncoder();
  await page.click("#preset-refresh");
  let payload = JSON.parse(await value(page, "#encoder-payload"));
  assert.equal(payload.token_use, "refresh");
  assert.ok(Math.abs(payload.exp - (now() + 7 * 86400)) < 5);
  await page.click("#preset-id");
  payload = JSON.parse(await value(page, "#encoder-payload"));
  assert.ok(payload.nonce && payload.email);
  await page.click("#set-exp-1h");
  payload = JSON.parse(await value(page, "#encoder-payload"));
  assert.ok(Math.abs(payload.exp - (now() + 3600)) < 5);
  await page.click("#preset-access");
  payload = JSON.parse(await value(page, "#encoder-payload"));
  assert.match(payload.jti, /^[0-9a-f]{32}$/);
  assert.ok(Math.abs(payload.exp - payload.iat - 900) < 1);
  await context.close();
});

test("alg none is marked unsafe and yields an unsigned token", async () => {
  const { page, context } = await openEncoder();
  await page.locator("#encoder-alg").selectOption("none");
  assert.match(await value(page, "#encoder-header"), /"alg": "none"/);
  assert.ok((await output(page)).endsWith("."));
  assert.match(await page.locator(".encoder-warning").textContent(), /no signature/);
  await context.close();
});

test("copy buttons copy and confirm; the share link carries the token, never the secret", async () => {
  const { page, context } = await openEncoder();
  await page.click("#generate-256");
  const token = await output(page);
  await page.click("#copy-token");
  assert.match(await page.locator("#copy-token").textContent(), /Copied/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
  await page.click("#decode-this");
  const link = await value(page, "#share-link");
  assert.equal(link, `${app.origin}/#token=${token}`);
  assert.ok(!link.includes(await value(page, "#secret-input")));
  await page.click("#share-button");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.equal(await page.evaluate(() => location.hash), "");
  await context.close();
});
