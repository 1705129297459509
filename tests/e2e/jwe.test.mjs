// Issue 16 in real Chromium: an encrypted, nested ID token decrypted with a
// pasted private JWK; a JWS JSON serialization with two signatures; a
// detached payload; and the decryption module loaded only when a JWE gets a
// key, offline after one visit and from the single file. Every token and
// key is made here by npm `jose`, an independent implementation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import * as jose from "jose";
import { start, paste } from "./harness.mjs";
import { b64url, now } from "./tokens.mjs";

let app;
let idToken;
before(async () => {
  app = await start();
  // A fresh ES256 signing key and RSA-OAEP-256 encryption key every run.
  const signing = await jose.generateKeyPair("ES256", { extractable: true });
  const encryption = await jose.generateKeyPair("RSA-OAEP-256", { extractable: true });
  const other = await jose.generateKeyPair("RSA-OAEP-256", { extractable: true });
  const inner = await new jose.SignJWT({ sub: "nested-alice", nonce: "n-0S6", exp: now() + 600 })
    .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: "sig-1" })
    .setIssuer("https://issuer.example")
    .setAudience("client-1")
    .sign(signing.privateKey);
  const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(inner))
    .setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256GCM", cty: "JWT", kid: "enc-1" })
    .encrypt(encryption.publicKey);
  idToken = {
    inner,
    jwe,
    privateJwk: JSON.stringify(await jose.exportJWK(encryption.privateKey)),
    otherJwk: JSON.stringify(await jose.exportJWK(other.privateKey)),
    signingPem: await jose.exportSPKI(signing.publicKey),
    signingJwk: await jose.exportJWK(signing.publicKey),
    signingPrivate: signing.privateKey,
  };
});
after(async () => {
  await app?.close();
});

const state = (page, selector) => page.locator(selector).getAttribute("data-state");
const jweScript = /jwt-lens-jwe-[0-9a-f]+\.js$/;

/** Waits until `#decryption-info` has an answer, and returns its state. */
async function decrypted(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector("#decryption-info")?.dataset.state;
    return s && s !== "checking" && s !== "empty";
  });
  return state(page, "#decryption-info");
}

async function signatureSettled(page) {
  await page.waitForFunction(() => !/checking/i.test(document.querySelector("#signature-status")?.textContent ?? "checking"));
}

test("a nested ID token decrypts with its private JWK; the inner signature verifies with the public key", async () => {
  const { page, context, requests, errors } = await app.open();
  await paste(page, idToken.jwe);
  await page.locator("#decryption-key-input").waitFor({ state: "visible" });
  assert.equal(await state(page, "#decryption-info"), "empty");
  assert.match(await page.locator(".decryption-form").textContent(), /never stored, never put in a link and never sent/);
  assert.equal(requests.filter((r) => jweScript.test(r)).length, 0, "not loaded before a key is pasted");

  await page.locator("#decryption-key-input").fill(idToken.privateJwk);
  assert.equal(await decrypted(page), "decrypted");
  assert.equal(requests.filter((r) => jweScript.test(r)).length, 1);
  assert.equal(await page.locator("#decryption-info").getAttribute("data-key-reading"), "jwk");
  assert.match(await page.locator("#decryption-info").textContent(), /RSA-OAEP-256 and A256GCM/);
  // The inner token is shown: its claims and header, the outer JWE's in #nested-token.
  await page.locator("#nested-token:not([hidden])").waitFor();
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "nested-alice"/);
  assert.match(await page.locator("#header-json").textContent(), /"alg": "ES256"/);
  assert.match(await page.locator("#nested-outer-header").textContent(), /"alg": "RSA-OAEP-256"/);
  assert.match(await page.locator("#nested-outer-header").textContent(), /"cty": "JWT"/);
  assert.equal(await state(page, "#signature-status"), "unverified");

  // The inner ES256 signature, with the signer's public key.
  await page.locator("#public-key-input").fill(idToken.signingPem);
  await signatureSettled(page);
  assert.equal(await state(page, "#signature-status"), "valid");
  assert.match(await page.locator("#signature-status").textContent(), /ES256/);

  // The way back: the outer JWE again, its plaintext the inner token.
  await page.locator("#nested-toggle").click();
  assert.equal(await page.locator("#nested-token").getAttribute("data-showing"), "outer");
  assert.match(await page.locator("#header-json").textContent(), /"alg": "RSA-OAEP-256"/);
  assert.match(await page.locator(".panel-payload-json .raw-text").textContent(), new RegExp(idToken.inner.slice(0, 40)));
  await page.locator("#nested-toggle").click();
  assert.match(await page.locator("#header-json").textContent(), /"alg": "ES256"/);

  // The share link carries the JWE as pasted, never the plaintext.
  assert.doesNotMatch(await page.locator("#share-link").inputValue(), new RegExp(idToken.inner.slice(0, 30)));
  // The decoder's public-key box still refuses the private key.
  await page.locator("#public-key-input").fill(idToken.privateJwk);
  assert.equal(await page.locator("#public-key-input").inputValue(), "");
  assert.equal(await state(page, "#key-info"), "refused");

  // Another token that is not a JWE takes the key away.
  await paste(page, idToken.inner);
  await page.locator("#decryption-key-input").waitFor({ state: "hidden" });
  assert.equal(await page.locator("#decryption-key-input").inputValue(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a wrong key fails with the reason; the mode switch clears the key", async () => {
  const { page, context, errors } = await app.open();
  await paste(page, idToken.jwe);
  await page.locator("#decryption-key-input").fill(idToken.otherJwk);
  assert.equal(await decrypted(page), "failed");
  assert.match(await page.locator("#decryption-info").textContent(), /Could not decrypt/);
  assert.match(await page.locator(".panel-payload-json .json-view").textContent(), /Encrypted \(JWE\)/);
  await page.locator("label[for=mode-encode]").click();
  await page.locator("label[for=mode-decode]").click();
  assert.equal(await page.locator("#decryption-key-input").inputValue(), "");
  assert.equal(await state(page, "#decryption-info"), "empty");
  assert.deepEqual(errors, []);
  await context.close();
});

test("RFC 7516 A.2 (RSA1_5) decrypts to the RFC's plaintext, with the RFC 8725 warning; a p2c over the cap is refused", async () => {
  const { vectors } = JSON.parse(readFileSync(new URL("../fixtures/jwe/rfc7516.json", import.meta.url), "utf8"));
  const a2 = vectors.find((v) => v.name.startsWith("A.2 RSA1_5"));
  const { page, context, errors } = await app.open();
  await paste(page, a2.token);
  await page.locator("#decryption-key-input").fill(JSON.stringify(a2.key));
  assert.equal(await decrypted(page), "decrypted");
  assert.equal(await page.locator(".panel-payload-json .raw-text").textContent(), a2.plaintext);
  assert.match(await page.locator("#decryption-info .decryption-warning").textContent(), /RSA1_5[\s\S]*RFC 8725 §3\.2/);
  // PBES2 with 2,000,000 iterations: refused before any work, whatever the password.
  const header = b64url(JSON.stringify({ alg: "PBES2-HS256+A128KW", enc: "A128GCM", p2s: "AAAAAAAAAAAAAAAAAAAAAA", p2c: 2_000_000 }));
  await paste(page, `${header}.${b64url("k".repeat(24))}.${b64url("iv-iv-iv-iv-")}.${b64url("ct")}.${b64url("tag-tag-tag-tag-")}`);
  await page.locator("#decryption-key-input").fill("Thus from my lips, by yours, my sin is purged.");
  assert.equal(await decrypted(page), "refused");
  assert.match(await page.locator("#decryption-info").textContent(), /2000000/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a JWE JSON serialization decrypts too", async () => {
  const { page, context } = await app.open();
  const { publicKey, privateKey } = await jose.generateKeyPair("ECDH-ES+A256KW", { extractable: true });
  const jwe = await new jose.FlattenedEncrypt(new TextEncoder().encode(JSON.stringify({ sub: "flat-bob" })))
    .setProtectedHeader({ alg: "ECDH-ES+A256KW", enc: "A128CBC-HS256" })
    .setUnprotectedHeader({ kid: "flat-1" })
    .encrypt(publicKey);
  await paste(page, JSON.stringify(jwe, null, 2));
  await page.locator("#decryption-key-input").waitFor({ state: "visible" });
  assert.match(await page.locator("#header-json").textContent(), /"kid": "flat-1"/);
  await page.locator("#decryption-key-input").fill(await jose.exportPKCS8(privateKey));
  assert.equal(await decrypted(page), "decrypted");
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "flat-bob"/);
  assert.equal(await page.locator("#nested-token:not([hidden])").count(), 0);
  assert.equal(await page.locator("#token-error").count(), 0);
  assert.equal(await page.locator("#paste-note").count(), 0, "one JWE, not a paste of tokens");
  await context.close();
});

test("a JWS JSON serialization with two signatures: each li has its state, the badge all of them", async () => {
  const { page, context, errors } = await app.open();
  const es = await jose.generateKeyPair("ES256", { extractable: true });
  const rs = await jose.generateKeyPair("RS256", { extractable: true });
  const payload = new TextEncoder().encode(JSON.stringify({ sub: "two-signers", exp: now() + 600 }));
  const general = await new jose.GeneralSign(payload)
    .addSignature(es.privateKey).setProtectedHeader({ alg: "ES256" }).setUnprotectedHeader({ kid: "es" })
    .addSignature(rs.privateKey).setProtectedHeader({ alg: "RS256" }).setUnprotectedHeader({ kid: "rs" })
    .sign();
  await paste(page, JSON.stringify(general));
  await page.locator("#signatures li").first().waitFor();
  assert.equal(await page.locator("#signatures li").count(), 2);
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "two-signers"/);
  assert.match(await page.locator('#signatures li[data-index="1"] .unprotected').textContent(), /"kid": "rs"/);
  assert.match(await page.locator('#signatures li[data-index="1"] .protected').textContent(), /"alg": "RS256"/);
  assert.equal(await page.locator("#token-echo").count(), 0, "no compact token to echo");
  assert.equal(await page.locator("#paste-note").count(), 0, "one JWS, not a paste of tokens");

  const jwks = (keys) => JSON.stringify({ keys });
  const esJwk = { ...(await jose.exportJWK(es.publicKey)), kid: "es" };
  const rsJwk = { ...(await jose.exportJWK(rs.publicKey)), kid: "rs" };
  // Only the ES256 key: one signature valid, the other not, so not valid overall.
  await page.locator("#public-key-input").fill(jwks([esJwk]));
  await page.waitForFunction(() => document.querySelector('#signatures li[data-index="0"]')?.dataset.state === "valid");
  assert.notEqual(await state(page, '#signatures li[data-index="1"]'), "valid");
  assert.notEqual(await state(page, "#signature-status"), "valid");
  assert.match(await page.locator("#signature-status").textContent(), /1 of 2 signatures verified/);
  // Both keys, picked by kid: all valid.
  await page.locator("#public-key-input").fill(jwks([esJwk, rsJwk]));
  await page.waitForFunction(() => document.querySelector("#signature-status")?.dataset.state === "valid");
  assert.equal(await state(page, '#signatures li[data-index="0"]'), "valid");
  assert.equal(await state(page, '#signatures li[data-index="1"]'), "valid");
  assert.match(await page.locator("#signature-status").textContent(), /All 2 signatures verified/);
  // A changed payload: both invalid.
  const tampered = { ...general, payload: b64url(JSON.stringify({ sub: "mallory" })) };
  await paste(page, JSON.stringify(tampered));
  await page.waitForFunction(() => document.querySelector('#signatures li[data-index="1"]')?.dataset.state === "invalid");
  assert.equal(await state(page, '#signatures li[data-index="0"]'), "invalid");
  assert.equal(await state(page, "#signature-status"), "invalid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a detached payload (header..signature, and b64: false) is verified over the pasted payload", async () => {
  const { page, context, errors } = await app.open();
  const secret = "detached-secret-of-at-least-32-bytes!";
  const payload = '{"amount":"100.00","currency":"EUR"}';
  const header = b64url(JSON.stringify({ alg: "HS256" }));
  const sign = (input) => createHmac("sha256", secret).update(input).digest("base64url");
  const detached = `${header}..${sign(`${header}.${b64url(payload)}`)}`;
  await paste(page, detached);
  await page.locator("#detached-payload-input").waitFor({ state: "visible" });
  await page.locator("#secret-input").fill(secret);
  assert.notEqual(await state(page, "#signature-status"), "valid");
  await page.locator("#detached-payload-input").fill(payload);
  assert.equal(await state(page, "#signature-status"), "valid");
  assert.match(await page.locator("#payload-json").textContent(), /"currency": "EUR"/);
  assert.equal(await page.locator("#token-error").count(), 0);
  // Its base64url is accepted too.
  await page.locator("#detached-payload-input").fill(b64url(payload));
  assert.equal(await state(page, "#signature-status"), "valid");
  await page.locator("#detached-payload-input").fill(payload.replace("100", "900"));
  assert.equal(await state(page, "#signature-status"), "invalid");

  // RFC 7797 with a public key: jose signs b64: false, detached.
  const { publicKey, privateKey } = await jose.generateKeyPair("ES256", { extractable: true });
  const raw = "$.02 not base64url";
  const jws = await new jose.FlattenedSign(new TextEncoder().encode(raw))
    .setProtectedHeader({ alg: "ES256", b64: false, crit: ["b64"] })
    .sign(privateKey);
  await paste(page, `${jws.protected}..${jws.signature}`);
  await page.locator("#detached-payload-input").fill(raw);
  await page.locator("#public-key-input").fill(await jose.exportSPKI(publicKey));
  await page.waitForFunction(() => document.querySelector("#signature-status")?.dataset.state === "valid");
  await page.locator("#detached-payload-input").fill(raw + " ");
  await page.waitForFunction(() => document.querySelector("#signature-status")?.dataset.state === "invalid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a SMART Health Card style JWS with zip: DEF is inflated, flagged, and its signature verifies", async () => {
  const { page, context, errors } = await app.open();
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const header = b64url(JSON.stringify({ zip: "DEF", alg: "ES256", kid: "shc-1" }));
  const claims = { iss: "https://spec.smarthealth.cards/examples/issuer", nbf: now(), vc: { type: ["https://smarthealth.cards#health-card"] } };
  const payload = deflateRawSync(Buffer.from(JSON.stringify(claims))).toString("base64url");
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url");
  await paste(page, `${header}.${payload}.${signature}`);
  await page.locator('li.finding[data-id="zip-jws"]').waitFor();
  assert.match(await page.locator("#payload-json").textContent(), /"iss": "https:\/\/spec.smarthealth.cards\/examples\/issuer"/);
  assert.equal(await page.locator("#token-error").count(), 0);
  await page.locator("#public-key-input").fill(publicKey.export({ type: "spki", format: "pem" }));
  await page.waitForFunction(() => document.querySelector("#signature-status")?.dataset.state === "valid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the decryption module is requested only when a JWE gets a key, and works offline after one visit", async () => {
  const { page, context, requests } = await app.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
  await paste(page, idToken.jwe);
  await page.locator("#decryption-key-input").waitFor({ state: "visible" });
  assert.equal(requests.filter((r) => jweScript.test(r)).length, 0);
  await page.locator("#decryption-key-input").fill(idToken.privateJwk);
  assert.equal(await decrypted(page), "decrypted");
  assert.equal(requests.filter((r) => jweScript.test(r)).length, 1);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  await paste(page, idToken.jwe);
  await page.locator("#decryption-key-input").fill(idToken.privateJwk);
  assert.equal(await decrypted(page), "decrypted");
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "nested-alice"/);
  await context.close();
});

test("the single file decrypts without a request", async () => {
  const { page, context, requests, url } = await app.openSingleFile();
  await paste(page, idToken.jwe);
  await page.locator("#decryption-key-input").fill(idToken.privateJwk);
  assert.equal(await decrypted(page), "decrypted");
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "nested-alice"/);
  assert.deepEqual(requests.filter((r) => !r.startsWith("data:")), [url]);
  await context.close();
});
