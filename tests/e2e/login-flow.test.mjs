// Issue 14: paste a token endpoint's response and get its three tokens,
// each decodable, and the checks that tie them together. The tokens are
// made here with npm jose; at_hash with node:crypto, not with JWT Lens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as jose from "jose";
import { start, paste } from "./harness.mjs";

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const atHash = (token) => createHash("sha256").update(token, "ascii").digest().subarray(0, 16).toString("base64url");

async function tokenResponse() {
  const { privateKey } = await jose.generateKeyPair("RS256");
  const iat = Math.floor(Date.now() / 1000);
  const claims = (token) =>
    token.setIssuer("https://login.example.com").setSubject("user-1").setIssuedAt(iat).setExpirationTime(iat + 3600);
  const access = await claims(new jose.SignJWT({ client_id: "app", scope: "openid profile" }))
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt" })
    .setAudience("https://api.example.com")
    .setJti("at-1")
    .sign(privateKey);
  const id = await claims(new jose.SignJWT({ at_hash: atHash(access), nonce: "n-0S6_WzA2Mj" }))
    .setProtectedHeader({ alg: "RS256" })
    .setAudience("app")
    .sign(privateKey);
  const refresh = await new jose.SignJWT({ typ: "Refresh", sub: "user-1" })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("https://login.example.com")
    .setIssuedAt(iat)
    .setExpirationTime(iat + 30 * 86400)
    .sign(new TextEncoder().encode("a-refresh-secret-of-enough-length-0123456789"));
  const text = JSON.stringify(
    { access_token: access, token_type: "Bearer", expires_in: 3600, refresh_token: refresh, id_token: id, scope: "openid profile" },
    null,
    2,
  );
  return { text, access, id, refresh };
}

/** `data-check` → `data-result` of every cross-check. */
async function crossChecks(page) {
  return Object.fromEntries(
    await page.locator("#cross-checks li").evaluateAll((items) => items.map((li) => [li.dataset.check, li.dataset.result])),
  );
}

test("a token response lists its three tokens and passes at_hash", async () => {
  const { page, context, errors } = await app.open();
  const { text } = await tokenResponse();
  await paste(page, text);
  const items = page.locator("#token-list li");
  await items.first().waitFor();
  const listed = await items.evaluateAll((lis) => lis.map((li) => [li.dataset.source, li.dataset.role]));
  assert.deepEqual(listed.map(([source]) => source), ["json:access_token", "json:refresh_token", "json:id_token"]);
  assert.equal(listed[0][1], "access");
  assert.equal(listed[2][1], "id");
  assert.match(await page.locator("#paste-note").textContent(), /Found 3 tokens in a JSON document/);
  const checks = await crossChecks(page);
  assert.equal(checks.at_hash, "pass");
  assert.equal(checks["expires-in"], "pass");
  assert.equal(checks["same-issuer"], "pass");
  assert.equal(checks.nonce, "skipped");
  await page.locator("#expected-nonce").fill("n-0S6_WzA2Mj");
  assert.equal((await crossChecks(page)).nonce, "pass");
  // The first JWT is decoded; picking the ID token decodes it, list kept.
  assert.equal(await page.locator("#token-role").getAttribute("data-role"), "access");
  await page.locator('#token-list li[data-source="json:id_token"] button').click();
  await page.waitForSelector('#token-role[data-role="id"]');
  assert.equal(await items.count(), 3);
  assert.equal(await page.locator('#token-list li[aria-current="true"]').getAttribute("data-source"), "json:id_token");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a single bare token shows no list", async () => {
  const { page, context } = await app.open();
  const { access } = await tokenResponse();
  await paste(page, `Bearer ${access}`);
  await page.waitForSelector("#token-role");
  assert.equal(await page.locator("#token-list").count(), 0);
  assert.equal(await page.locator("#cross-checks").count(), 0);
  await context.close();
});
