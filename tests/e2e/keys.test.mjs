// Public-key verification in real Chromium: tokens signed here by npm `jose`
// (an independent implementation), keys pasted as PEM, JWKS and certificate,
// the second wasm module loaded only when needed, and secret material refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as jose from "jose";
import { start, paste } from "./harness.mjs";

const FIXTURES = JSON.parse(readFileSync(new URL("../fixtures/keys/tokens.json", import.meta.url), "utf8"));
const fixture = (alg) => FIXTURES.cases.find((c) => c.alg === alg);

let app;
let rs256;
before(async () => {
  app = await start();
  // A fresh key pair for every run, so nothing here is a checked-in answer.
  const { publicKey, privateKey } = await jose.generateKeyPair("RS256", { extractable: true });
  rs256 = {
    token: await new jose.SignJWT({ sub: "browser-test", exp: Math.floor(Date.now() / 1000) + 600 })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "browser-key" })
      .sign(privateKey),
    pem: await jose.exportSPKI(publicKey),
    privatePem: await jose.exportPKCS8(privateKey),
  };
});
after(async () => {
  await app?.close();
});

const state = (page, selector) => page.locator(selector).getAttribute("data-state");
const keysScript = (url) => /jwt-lens-keys-[0-9a-f]+\.js$/.test(url);

async function settled(page) {
  // The check runs in the keys module; wait until it has answered.
  await page.waitForFunction(() => {
    const info = document.querySelector("#key-info");
    return info && info.dataset.state !== "checking";
  });
}

test("an RS256 token and its PEM public key verify; the verifier loads only then", async () => {
  const { page, context, requests, errors } = await app.open();
  await paste(page, rs256.token);
  await page.locator("#public-key-input").waitFor({ state: "visible" });
  assert.equal(await state(page, "#signature-status"), "unverified");
  assert.equal(requests.filter(keysScript).length, 0, "not loaded before a key is pasted");
  await page.locator("#public-key-input").fill(rs256.pem);
  await settled(page);
  assert.equal(await state(page, "#signature-status"), "valid");
  assert.equal(await state(page, "#key-info"), "used");
  assert.match(await page.locator("#key-info").textContent(), /RSA public key, 2048 bits/);
  assert.match(await page.locator("#signature-status").textContent(), /RS256 and this public key/);
  assert.equal(requests.filter(keysScript).length, 1);
  // One changed character in the signature: invalid.
  const at = rs256.token.length - 8;
  await paste(page, rs256.token.slice(0, at) + (rs256.token[at] === "A" ? "B" : "A") + rs256.token.slice(at + 1));
  await settled(page);
  assert.equal(await state(page, "#signature-status"), "invalid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a JWKS picks the key by kid, and says so", async () => {
  const { page, context } = await app.open();
  const es = fixture("ES256");
  await paste(page, es.token);
  await page.locator("#public-key-input").fill(es.jwks);
  await settled(page);
  assert.equal(await state(page, "#signature-status"), "valid");
  const info = await page.locator("#key-info").textContent();
  assert.match(info, /es256-2026 \(matches the token's kid\)/);
  assert.match(info, /JWKS, key 2 of 2/);
  await page.locator("#public-key-input").fill(es.jwks.replaceAll("es256-2026", "rotated"));
  await settled(page);
  assert.notEqual(await state(page, "#signature-status"), "valid");
  assert.match(await page.locator("#signature-status").textContent(), /"other-key", "rotated"/);
  await context.close();
});

test("every fixture alg verifies in the page with its certificate or JWK", async () => {
  const { page, context } = await app.open();
  for (const c of FIXTURES.cases) {
    await paste(page, c.token);
    await page.locator("#public-key-input").fill(c.cert_pem ?? c.jwk);
    await settled(page);
    assert.equal(await state(page, "#signature-status"), "valid", c.alg);
  }
  assert.match(await page.locator("#key-info").textContent(), /Ed25519/);
  await context.close();
});

test("a pasted private key is refused and not kept", async () => {
  const { page, context } = await app.open();
  await paste(page, rs256.token);
  await page.locator("#public-key-input").fill(rs256.privatePem);
  assert.equal(await page.locator("#public-key-input").inputValue(), "");
  assert.equal(await state(page, "#key-info"), "refused");
  assert.match(await page.locator("#key-info").textContent(), /private key/);
  assert.notEqual(await state(page, "#signature-status"), "valid");
  await context.close();
});

test("an RSA key offered for an ES256 token never verifies", async () => {
  const { page, context } = await app.open();
  await paste(page, fixture("ES256").token);
  await page.locator("#public-key-input").fill(rs256.pem);
  await settled(page);
  assert.equal(await state(page, "#signature-status"), "invalid");
  assert.match(await page.locator("#signature-status").textContent(), /cannot verify ES256/);
  await context.close();
});

test("an HS256 token forged with the public key as its secret is refused", async () => {
  const { page, context } = await app.open();
  await paste(page, FIXTURES.hs256_confusion.token);
  assert.equal(await page.locator("#public-key-input").isVisible(), false);
  await page.locator("#secret-input").fill(FIXTURES.hs256_confusion.spki_pem);
  assert.equal(await state(page, "#signature-status"), "invalid");
  assert.match(await page.locator("#signature-status").textContent(), /algorithm-confusion/);
  await context.close();
});

test("the single-file build verifies RS256 from file:// with no other request", async () => {
  const { page, context, requests, url } = await app.openSingleFile();
  await paste(page, rs256.token);
  await page.locator("#public-key-input").fill(rs256.pem);
  await settled(page);
  assert.equal(await state(page, "#signature-status"), "valid");
  assert.deepEqual(requests.filter((r) => !r.startsWith("data:")), [url]);
  await context.close();
});

test("the embed with &verify checks a public-key token too", async () => {
  const { page, context } = await app.open(`/?embed&verify#token=${rs256.token}`);
  await page.locator("#public-key-input").fill(rs256.pem);
  await settled(page);
  assert.equal(await state(page, "#signature-status"), "valid");
  await context.close();
});
