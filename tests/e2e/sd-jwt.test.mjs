// SD-JWT (issue 17) in real Chromium: presentations made here with npm
// `jose` and Node's crypto (digests, sd_hash), independently of the page,
// are pasted; #disclosures, #disclosed-json and #kb-checks are read.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import * as jose from "jose";
import { start, paste } from "./harness.mjs";
import { now } from "./tokens.mjs";

const b64 = (bytes) => Buffer.from(bytes).toString("base64url");
const digest = (text) => b64(createHash("sha256").update(text, "ascii").digest());
const disclosure = (...parts) => b64(JSON.stringify([b64(randomBytes(16)), ...parts]));

const AUD = "https://verifier.example.org";
const NONCE = "n-0S6_WzA2Mj";

let app;
let issuer;
let holder;
let other;
before(async () => {
  app = await start();
  issuer = await jose.generateKeyPair("ES256", { extractable: true });
  holder = await jose.generateKeyPair("ES256", { extractable: true });
  other = await jose.generateKeyPair("ES256", { extractable: true });
});
after(async () => {
  await app?.close();
});

/** An SD-JWT VC with given_name, family_name and one nationality
 * selectively disclosable, presented with all three and a KB-JWT signed by
 * `kbKey`; `extra` disclosures are appended unreferenced. */
async function presentation({ kbKey = holder.privateKey, extra = [] } = {}) {
  const given = disclosure("given_name", "John");
  const family = disclosure("family_name", "Möbius");
  const nationality = disclosure("DE");
  const payload = {
    iss: "https://issuer.example.com",
    vct: "https://credentials.example.com/identity_credential",
    iat: now(),
    exp: now() + 3600,
    _sd: [digest(given), digest(family), digest(disclosure("decoy", 1))],
    nationalities: ["FR", { "...": digest(nationality) }],
    _sd_alg: "sha-256",
    cnf: { jwk: await jose.exportJWK(holder.publicKey) },
  };
  const jwt = await new jose.SignJWT(payload)
    .setProtectedHeader({ alg: "ES256", typ: "dc+sd-jwt" })
    .sign(issuer.privateKey);
  const sdJwt = [jwt, given, family, nationality, ...extra].join("~") + "~";
  const kb = await new jose.SignJWT({ aud: AUD, nonce: NONCE, iat: now(), sd_hash: digest(sdJwt) })
    .setProtectedHeader({ alg: "ES256", typ: "kb+jwt" })
    .sign(kbKey);
  return sdJwt + kb;
}

async function open(text) {
  const { page, errors } = await app.open("/");
  await paste(page, text);
  await page.locator("#expected-aud").fill(AUD);
  await page.locator("#expected-nonce").fill(NONCE);
  await page.waitForSelector("#disclosures li");
  // The holder's signature is checked in the keys module, loaded on demand.
  await page.waitForSelector('#kb-checks li[data-check="signature"]:not([data-result="skipped"])');
  return { page, errors };
}

const items = (page, selector, ...attrs) =>
  page.locator(selector).evaluateAll(
    (els, attrs) => els.map((e) => attrs.map((a) => e.getAttribute(a))),
    attrs,
  );

test("a presentation shows its disclosures in place and passes key binding", async () => {
  const { page, errors } = await open(await presentation());
  assert.deepEqual(await items(page, "#disclosures li", "data-claim", "data-state"), [
    ["given_name", "matched"],
    ["family_name", "matched"],
    ["[1]", "matched"],
  ]);
  const shown = JSON.parse(await page.locator("#disclosed-json").textContent());
  assert.equal(shown.given_name, "John");
  assert.equal(shown.family_name, "Möbius");
  assert.deepEqual(shown.nationalities, ["FR", "DE"]);
  assert.equal(shown._sd, undefined);
  assert.equal(shown._sd_alg, undefined);
  assert.deepEqual(await items(page, "#kb-checks li", "data-check", "data-result"), [
    ["typ", "pass"],
    ["signature", "pass"],
    ["sd_hash", "pass"],
    ["iat", "pass"],
    ["aud", "pass"],
    ["nonce", "pass"],
  ]);
  // The table view lists the claims as a verifier sees them: the disclosed
  // ones marked, the array holding a disclosed element marked as such.
  await page.click('label[for="view-table"]');
  const payloadRows = ".panel-payload-json .claims-table tr[data-claim]";
  await page.waitForSelector(`${payloadRows}[data-disclosed="true"]`);
  const rows = await items(page, payloadRows, "data-claim", "data-disclosed");
  assert.deepEqual(rows.map(([claim]) => claim).sort(), Object.keys(shown).sort());
  const marked = Object.fromEntries(rows.filter(([, mark]) => mark !== null));
  assert.deepEqual(marked, { given_name: "true", family_name: "true", nationalities: "inside" });
  const label = page.locator(`${payloadRows}[data-claim="given_name"] .disclosed-mark`);
  assert.equal(await label.textContent(), "disclosed");
  assert.ok(await label.isVisible());
  assert.equal(await page.locator(`${payloadRows}[data-claim="_sd"]`).count(), 0);
  // The issuer JWT is an ordinary token to the rest of the page.
  assert.equal(await page.locator("#token-error").count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("an unreferenced disclosure and a KB-JWT by another key fail", async () => {
  const extra = disclosure("is_admin", true);
  const { page } = await open(await presentation({ kbKey: other.privateKey, extra: [extra] }));
  const states = await items(page, "#disclosures li", "data-claim", "data-state");
  assert.deepEqual(states.at(-1), ["is_admin", "unreferenced"]);
  const shown = JSON.parse(await page.locator("#disclosed-json").textContent());
  assert.equal(shown.is_admin, undefined);
  const checks = Object.fromEntries(await items(page, "#kb-checks li", "data-check", "data-result"));
  assert.equal(checks.signature, "fail");
  assert.equal(checks.sd_hash, "pass");
  assert.equal(await page.locator('#findings li[data-id="sd-unreferenced"]').count(), 1);
  // An unreferenced disclosure is not a claim a verifier sees: no row.
  await page.click('label[for="view-table"]');
  const rows = ".panel-payload-json .claims-table tr[data-claim]";
  await page.waitForSelector(`${rows}[data-disclosed="true"]`);
  assert.equal(await page.locator(`${rows}[data-claim="is_admin"]`).count(), 0);
  await page.context().close();
});
