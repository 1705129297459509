// Token insight: findings and validation for the tokens people actually paste.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, paste } from "./harness.mjs";
import { JWT_IO, b64url, hs, now } from "./tokens.mjs";

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const SECRET = "a-long-random-secret-for-the-tests-0123456789";

/** `data-id` → `data-severity` of every finding on the page. */
async function findings(page) {
  return Object.fromEntries(
    await page.locator("#findings li").evaluateAll((items) => items.map((li) => [li.dataset.id, li.dataset.severity])),
  );
}
/** `data-check` → `data-result` of every validation check. */
async function checks(page) {
  return Object.fromEntries(
    await page.locator("#validation li").evaluateAll((items) => items.map((li) => [li.dataset.check, li.dataset.result])),
  );
}

test("the jwt.io example: no exp, placeholder secret, no iss or aud", async () => {
  const { page, context } = await app.open();
  await paste(page, JWT_IO);
  await page.locator("#secret-input").fill("your-256-bit-secret");
  const found = await findings(page);
  assert.equal(found["no-exp"], "warning");
  assert.equal(found["placeholder-secret"], "danger");
  assert.equal(found["weak-secret"], "warning");
  assert.equal(found["no-iss"], "info");
  assert.equal(found["no-aud"], "info");
  assert.equal(found["alg-none"], undefined);
  const result = await checks(page);
  assert.deepEqual(result, { signature: "pass", exp: "fail", nbf: "skipped", iat: "pass", iss: "skipped", aud: "skipped", nonce: "skipped" });
  assert.equal(await page.locator("#validation-verdict").getAttribute("data-verdict"), "invalid");
  await context.close();
});

test("an expired access token fails exp, and leeway can forgive it", async () => {
  const { page, context } = await app.open();
  const t = now();
  const token = hs(
    '{"alg":"HS256","typ":"at+jwt"}',
    `{"iss":"https://auth.example.com/","aud":"api","scope":"read","iat":${t - 960},"exp":${t - 60}}`,
    SECRET,
  );
  await paste(page, token);
  await page.locator("#secret-input").fill(SECRET);
  assert.equal(await page.locator("#token-status").getAttribute("data-state"), "expired");
  assert.match(await page.locator(".time-claims .role").textContent(), /access token/);
  await page.locator("#expected-iss").fill("https://auth.example.com/");
  await page.locator("#expected-aud").fill("web, api");
  let result = await checks(page);
  assert.deepEqual(result, { signature: "pass", exp: "fail", nbf: "skipped", iat: "pass", iss: "pass", aud: "pass", nonce: "skipped" });
  await page.locator("#leeway").fill("120");
  result = await checks(page);
  assert.equal(result.exp, "pass");
  assert.equal(await page.locator("#validation-verdict").getAttribute("data-verdict"), "valid");
  await page.locator("#expected-aud").fill("other");
  assert.equal((await checks(page)).aud, "fail");
  const found = await findings(page);
  assert.equal(found["long-lifetime"], undefined);
  assert.equal(found["weak-secret"], undefined);
  await context.close();
});

test("a 30-day refresh token is recognised and not flagged as too long", async () => {
  const { page, context } = await app.open();
  const t = now();
  await paste(page, hs('{"alg":"HS256"}', `{"sub":"u1","token_use":"refresh","iat":${t},"exp":${t + 30 * 86400}}`, SECRET));
  assert.equal(await page.locator(".time-claims .role").getAttribute("data-role"), "refresh");
  const found = await findings(page);
  assert.equal(found["refresh-lifetime"], undefined);
  assert.equal(found["long-lifetime"], undefined);
  assert.equal((await checks(page)).exp, "pass");
  await context.close();
});

test("a 120-day refresh token is flagged", async () => {
  const { page, context } = await app.open();
  const t = now();
  await paste(page, hs('{"alg":"HS256"}', `{"token_use":"refresh","iat":${t},"exp":${t + 120 * 86400}}`, SECRET));
  assert.equal((await findings(page))["refresh-lifetime"], "warning");
  await context.close();
});

test("alg none is danger and fails the signature check", async () => {
  const { page, context } = await app.open();
  await paste(page, `${b64url('{"alg":"none"}')}.${b64url(`{"sub":"a","exp":${now() + 600}}`)}.`);
  assert.equal((await findings(page))["alg-none"], "danger");
  assert.equal((await checks(page)).signature, "fail");
  assert.equal(await page.locator("#validation-verdict").getAttribute("data-verdict"), "invalid");
  await context.close();
});

test("a jku header is key injection, and the page fetches nothing", async () => {
  const { page, context, requests } = await app.open();
  await paste(page, hs('{"alg":"HS256","jku":"https://evil.example/jwks.json","kid":"k1"}', `{"exp":${now() + 600}}`, SECRET));
  const found = await findings(page);
  assert.equal(found["key-injection-header"], "danger");
  assert.match(await page.locator('#findings li[data-id="key-injection-header"]').textContent(), /never fetches/);
  await page.waitForTimeout(200);
  assert.ok(requests.every((url) => url.startsWith(app.origin)), requests.join(" "));
  await context.close();
});

test("sensitive claims, unsafe integers, duplicate keys and millisecond times are found", async () => {
  const { page, context } = await app.open();
  const t = now();
  await paste(page, hs('{"alg":"HS256"}', `{"password":"x","id":100002348117421473,"a":1,"a":2,"exp":${(t + 600) * 1000}}`, SECRET));
  const found = await findings(page);
  assert.equal(found["sensitive-claim"], "danger");
  assert.equal(found["unsafe-integer"], "warning");
  assert.equal(found["duplicate-key"], "danger");
  assert.equal(found["ms-timestamp"], "warning");
  assert.match(await page.locator('.time-claims tr[data-claim="exp"]').textContent(), /looks like milliseconds/);
  await context.close();
});

test("a key that verifies only as base64url says so", async () => {
  const { page, context } = await app.open();
  const key = Buffer.from("0123456789abcdef0123456789abcdef");
  await paste(page, hs('{"alg":"HS256"}', '{"sub":"a"}', key));
  await page.locator("#secret-input").fill(key.toString("base64url"));
  assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "invalid");
  assert.match(await page.locator('#findings li[data-id="secret-encoding"]').textContent(), /valid if the secret is read as (base64 or )?base64url instead of UTF-8 text/);
  await context.close();
});

test("the claims table explains every claim and marks private ones", async () => {
  const { page, context } = await app.open();
  await paste(page, hs('{"alg":"HS384","typ":"JWT"}', `{"iss":"i","tenant_plan":"gold","exp":${now() + 600}}`, SECRET, "sha384"));
  await page.click(`label[for="view-table"]`);
  assert.ok(!(await page.locator("#payload-json").isVisible()));
  const alg = page.locator('.panel-header-json tr[data-claim="alg"]');
  assert.match(await alg.textContent(), /HMAC using SHA-384/);
  assert.match(await page.locator('.panel-payload-json tr[data-claim="iss"]').textContent(), /RFC 7519 §4\.1\.1/);
  assert.equal(await page.locator('.panel-payload-json tr[data-claim="tenant_plan"]').getAttribute("data-kind"), "private");
  const utc = await page.locator('.panel-payload-json tr[data-claim="exp"] .value-note').textContent();
  assert.match(utc, /Z \(in (9|10) min\)/);
  await page.locator("#local-times").check();
  assert.notEqual(await page.locator('.panel-payload-json tr[data-claim="exp"] .value-note').textContent(), utc);
  await page.click(`label[for="view-json"]`);
  assert.ok(await page.locator("#payload-json").isVisible());
  await context.close();
});

test("a now override validates at another moment", async () => {
  const { page, context } = await app.open();
  await paste(page, hs('{"alg":"HS256"}', '{"nbf":1893456000,"exp":1893459600}', SECRET));
  assert.equal((await checks(page)).nbf, "fail");
  await page.locator("#now-override").fill("2030-01-01T00:30:00");
  assert.equal((await checks(page)).nbf, "pass");
  assert.equal((await checks(page)).exp, "pass");
  await context.close();
});

// A Keycloak access token as Keycloak's own documentation shapes it: the
// `typ: Bearer` claim marks it as an access token even though it carries
// `auth_time` and `nonce`, which once made the page call it an ID token.
test("a Keycloak access token is an access token from the Keycloak family, with no danger finding", async () => {
  const { page, context } = await app.open();
  const t = now();
  const payload = {
    exp: t + 300,
    iat: t,
    auth_time: t - 10,
    jti: "6d5b2b8e-1f4e-4a1c-9b4e-0a0c0e0f0a0b",
    iss: "https://sso.example.com/realms/demo",
    aud: "account",
    sub: "f0a1b2c3-d4e5-f6a7-b8c9-d0e1f2a3b4c5",
    typ: "Bearer",
    azp: "web-app",
    nonce: "n-0S6_WzA2Mj",
    session_state: "4c4d5e6f",
    acr: "1",
    realm_access: { roles: ["offline_access", "uma_authorization"] },
    resource_access: { account: { roles: ["manage-account"] } },
    scope: "openid email profile",
    sid: "4c4d5e6f",
    email_verified: true,
    preferred_username: "jane",
  };
  await paste(page, hs('{"alg":"HS256","typ":"JWT","kid":"k1"}', JSON.stringify(payload), SECRET));
  assert.equal(await page.locator("#token-role").getAttribute("data-role"), "access");
  assert.match(await page.locator("#token-role").locator("..").textContent(), /typ/);
  assert.equal(await page.locator("#issuer-family").getAttribute("data-family"), "keycloak");
  const severities = Object.values(await findings(page));
  assert.ok(!severities.includes("danger"), `no danger finding: ${JSON.stringify(await findings(page))}`);
  await page.click('label[for="view-table"]');
  assert.equal(await page.locator('.panel-payload-json tr[data-claim="realm_access"]').getAttribute("data-kind"), "provider");
  await context.close();
});

test("a 50 KB payload can be read in full in the JSON view", async () => {
  const { page, context } = await app.open();
  const groups = Array.from({ length: 1600 }, (_, i) => `group-${String(i).padStart(4, "0")}-${"x".repeat(20)}`);
  const payload = JSON.stringify({ sub: "big", exp: now() + 600, groups, last: "the-very-end" });
  assert.ok(payload.length > 50_000);
  await paste(page, hs('{"alg":"HS256"}', payload, SECRET));
  const shown = await page.locator("#payload-json").textContent();
  assert.match(shown, /"the-very-end"/);
  assert.match(shown, /group-1599-/);
  assert.equal(JSON.parse(shown).groups.length, 1600, "the view's text is the whole JSON");
  await context.close();
});

test("without requestIdleCallback (Safari) a payload over 64 KB is still shown whole, and a known secret still found", async () => {
  const context = await app.browser.newContext();
  await context.addInitScript(() => {
    window.requestIdleCallback = undefined;
  });
  const page = await context.newPage();
  await page.goto(`${app.origin}/`);
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  const blob = "z".repeat(200_000);
  await paste(page, hs('{"alg":"HS256"}', JSON.stringify({ sub: "big", blob }), "secret"));
  await page.waitForSelector("#payload-json:not([data-partial])");
  assert.equal(JSON.parse(await page.locator("#payload-json").textContent()).blob, blob);
  // A paste this large is held in memory; Clear makes the box editable again.
  await page.click("#clear-button");
  await paste(page, hs('{"alg":"HS256"}', JSON.stringify({ sub: "small" }), "secret"));
  await page.waitForSelector("#use-known-secret");
  await context.close();
});

test("a payload over 64 KB shows its top at once and the whole text when idle; the table is built when chosen", async () => {
  const { page, context } = await app.open();
  const blob = "y".repeat(300_000);
  const payload = JSON.stringify({ sub: "big", exp: now() + 600, blob, last: "the-very-end" });
  await paste(page, hs('{"alg":"HS256"}', payload, SECRET));
  // The second step replaces the first once the browser is idle.
  await page.waitForSelector("#payload-json:not([data-partial])");
  const shown = await page.locator("#payload-json").textContent();
  assert.equal(JSON.parse(shown).blob, blob, "the view's text is the whole JSON");
  assert.equal(JSON.parse(shown).last, "the-very-end");
  // The decoded text is built when opened, whole.
  await page.click(".panel-payload-json details.raw summary");
  await page.waitForFunction(() => document.querySelector(".panel-payload-json .raw-text").textContent.length > 0);
  assert.ok((await page.locator(".panel-payload-json .raw-text").textContent()) === payload, "the decoded text is the whole payload");
  // The claims table is built when it is chosen, not before.
  assert.equal(await page.locator('.panel-payload-json tr[data-claim="blob"]').count(), 0);
  await page.click('label[for="view-table"]');
  const cell = page.locator('.panel-payload-json tr[data-claim="blob"] td.value');
  const value = await cell.textContent();
  assert.ok(value.startsWith('"yyyy') && value.length <= 60, `a short value in the table: ${value.length} characters`);
  await context.close();
});
