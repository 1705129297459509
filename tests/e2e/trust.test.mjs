// A verdict you can trust (issue 11), in real Chromium: a malformed token is
// never "valid" on any credential's path, and text from a token or a key can
// never disguise itself with invisible or bidirectional-control characters.
// Tokens and keys are made here by npm `jose` and Node's crypto, independently
// of the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as jose from "jose";
import { start, paste } from "./harness.mjs";
import { hs, now } from "./tokens.mjs";

let app;
let rs256;
let es256;
before(async () => {
  app = await start();
  const sign = async (alg) => {
    const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true });
    return {
      token: await new jose.SignJWT({ sub: "trust-test", exp: now() + 600 })
        .setProtectedHeader({ alg, typ: "JWT", kid: "trust-key" })
        .sign(privateKey),
      pem: await jose.exportSPKI(publicKey),
      jwk: await jose.exportJWK(publicKey),
      publicKey,
    };
  };
  rs256 = await sign("RS256");
  es256 = await sign("ES256");
});
after(async () => {
  await app?.close();
});

const state = (page, selector) => page.locator(selector).getAttribute("data-state");

async function settled(page) {
  await page.waitForFunction(() => {
    const info = document.querySelector("#key-info");
    const status = document.querySelector("#signature-status");
    return (!info || info.dataset.state !== "checking") && status && !/checking/.test(status.textContent);
  });
}

/** jose's own verdict, so the page is judged against an independent verifier. */
async function joseAccepts(token, key) {
  try {
    await jose.compactVerify(token, key);
    return true;
  } catch {
    return false;
  }
}

for (const [name, get] of [
  ["RS256", () => rs256],
  ["ES256", () => es256],
]) {
  test(`a malformed ${name} token with its public key is never shown as verified`, async () => {
    const { page, context, errors } = await app.open();
    const { token, pem, publicKey } = get();
    await paste(page, token);
    await page.locator("#public-key-input").fill(pem);
    await settled(page);
    assert.equal(await state(page, "#signature-status"), "valid", "the unmodified token verifies");
    for (const bad of [`${token}.`, `${token}.junk`, `${token}=`, token.replace(/\.([^.]*)$/, ".$1AA")]) {
      assert.equal(await joseAccepts(bad, publicKey), false, `jose rejects ${bad.slice(-12)}`);
      await paste(page, bad);
      await settled(page);
      const seen = await state(page, "#signature-status");
      assert.ok(["invalid", "unverified"].includes(seen), `${bad.slice(-12)}: ${seen}`);
      assert.doesNotMatch(await page.locator("#signature-status").textContent(), /verified with/);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a trailing dot on an HS256 token is never valid either", async () => {
  const { page, context } = await app.open();
  const secret = "trust-test-secret-trust-test-secret!";
  const token = hs('{"alg":"HS256","typ":"JWT"}', JSON.stringify({ sub: "x", exp: now() + 600 }), secret);
  await paste(page, token);
  await page.locator("#secret-input").fill(secret);
  assert.equal(await state(page, "#signature-status"), "valid");
  await paste(page, `${token}.`);
  assert.notEqual(await state(page, "#signature-status"), "valid");
  await context.close();
});

test("a claim name with a right-to-left override is shown as \\u202e in the claims table", async () => {
  const { page, context } = await app.open();
  const payload = `{"sub":"x","adm\u202Enimda":true,"zero\u200Bwidth\u2066name":"v\u2069","exp":${now() + 600}}`;
  await paste(page, hs('{"alg":"HS256","kid":"k\u202Eyek"}', payload, "s"));
  await page.click('label[for="view-table"]');
  const table = await page.locator(".panel-payload-json .claims-table").textContent();
  assert.match(table, /adm\\u202enimda/);
  assert.match(table, /zero\\u200bwidth\\u2066name/);
  assert.doesNotMatch(table, /[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/, "no raw invisible character");
  const header = await page.locator(".panel-header-json .claims-table").textContent();
  assert.match(header, /k\\u202eyek/);
  const whole = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(whole, /[\u202A-\u202E\u2066-\u2069]/, "no raw bidi control anywhere on the page");
  await context.close();
});

test("a kid with a bidi control is escaped in the key box, also in the list of kids", async () => {
  const { page, context } = await app.open();
  const { publicKey, privateKey } = await jose.generateKeyPair("ES256", { extractable: true });
  const token = await new jose.SignJWT({ sub: "x", exp: now() + 600 })
    .setProtectedHeader({ alg: "ES256", kid: "token\u202Edik" })
    .sign(privateKey);
  const jwk = { ...(await jose.exportJWK(publicKey)), kid: "other\u2066kid\u2069" };
  await paste(page, token);
  await page.locator("#public-key-input").fill(JSON.stringify({ keys: [jwk, { ...jwk, kid: "b" }] }));
  await settled(page);
  const info = await page.evaluate(
    () => document.querySelector("#key-info").innerText + document.querySelector("#signature-status").innerText,
  );
  assert.match(info, /other\\u2066kid\\u2069/);
  assert.match(info, /token\\u202edik/);
  assert.doesNotMatch(info, /[\u202A-\u202E\u2066-\u2069]/);
  await context.close();
});
