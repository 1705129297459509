// The loading design (issue 13): the first visit's script paints the token
// by itself; the app, the keys module and the known-secret list arrive on
// demand, each also offline after one visit and from the single file.
// Tokens are signed here with node's crypto and npm `jose`, not by the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as jose from "jose";
import { controlledByServiceWorker, start, paste } from "./harness.mjs";
import { claims, hs, now } from "./tokens.mjs";

let app;
let rs256;
before(async () => {
  app = await start();
  const { publicKey, privateKey } = await jose.generateKeyPair("RS256", { extractable: true });
  rs256 = {
    token: await new jose.SignJWT({ sub: "offline-rs256" }).setProtectedHeader({ alg: "RS256" }).sign(privateKey),
    pem: await jose.exportSPKI(publicKey),
  };
});
after(async () => {
  await app?.close();
});

const SECRET = "loading-test-secret-of-32-bytes!!";
const TOKEN_EXP = now() + 600;
const TOKEN = claims({ sub: "first-paint", exp: TOKEN_EXP }, SECRET);
const appScript = /jwt-lens-app-[0-9a-f]+\.js$/;
const state = (page, selector) => page.locator(selector).getAttribute("data-state");

/** A page whose app module is held back until `release()` (or refused with `abort`).
 * Without a service worker: its install fetches the app itself, past the page's routes. */
async function openHeld(path, { abort = false } = {}) {
  const context = await app.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  let release;
  const released = new Promise((ok) => (release = ok));
  await page.route(appScript, async (route) => {
    if (abort) return route.abort();
    await released;
    await route.continue();
  });
  await page.goto(app.origin + path);
  await page.waitForSelector("body[data-first-paint]", { state: "attached" });
  return { page, context, requests, release };
}

test("the first visit's script paints a #token= link and checks a secret without the app", async () => {
  const { page, context, requests } = await openHeld(`/#token=${TOKEN}`, { abort: true });
  assert.match(await page.locator("#payload-json").textContent(), /"sub": "first-paint"/);
  assert.equal(await state(page, "#token-status"), "valid");
  // Local times come right after the first frame, as the browser writes them.
  await page.waitForFunction(() => document.querySelector(".time-claims td.local")?.textContent !== "");
  const exp = Number(TOKEN_EXP);
  assert.equal(
    await page.locator(".time-claims td.local").last().textContent(),
    await page.evaluate((secs) => new Date(secs * 1000).toLocaleString("default"), exp),
  );
  assert.equal(await state(page, "#signature-status"), "unverified");
  await page.locator("#secret-input").fill(SECRET);
  assert.equal(await state(page, "#signature-status"), "valid");
  await page.locator("#secret-input").fill(SECRET + "x");
  assert.equal(await state(page, "#signature-status"), "invalid");
  // An extra segment is refused here as in the app: never "verified".
  await paste(page, TOKEN + ".x");
  assert.notEqual(await state(page, "#signature-status"), "valid");
  assert.ok(await page.locator("#token-error").count());
  // The app could not load: the page says so, and the rest still works.
  await page.locator("#app-status:not([hidden])").waitFor();
  assert.match(await page.locator("#app-status").textContent(), /could not load/);
  assert.equal(await page.locator("body[data-ready]").count(), 0);
  assert.ok(requests.some((r) => appScript.test(r)), "the app was asked for");
  await context.close();
});

test("the app takes over what was typed before it arrived, with the focus", async () => {
  const { page, context, release } = await openHeld("/");
  await paste(page, TOKEN);
  await page.locator("#secret-input").fill(SECRET);
  assert.equal(await state(page, "#signature-status"), "valid");
  assert.equal(await page.locator("#findings").count(), 0, "findings come with the app");
  release();
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  assert.equal(await page.locator("#boot").count(), 0, "the static markup is gone");
  assert.equal(await page.locator("#token-input").inputValue(), TOKEN);
  assert.equal(await page.locator("#secret-input").inputValue(), SECRET);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "secret-input");
  assert.equal(await state(page, "#signature-status"), "valid");
  await page.locator("#token-role").waitFor();
  await context.close();
});

test("an app that failed to load is loaded when the browser is back online", async () => {
  const context = await app.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  let refuse = true;
  await page.route(appScript, (route) => (refuse ? route.abort() : route.continue()));
  await page.goto(app.origin + "/");
  await page.locator("#app-status:not([hidden])").waitFor();
  refuse = false;
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  await context.close();
});

test("after one visit that used them, the app, the keys module and the secrets list work offline", async () => {
  const { page, context } = await app.open();
  await controlledByServiceWorker(page);
  // Use both modules once, through the service worker.
  await paste(page, rs256.token);
  await page.locator("#public-key-input").fill(rs256.pem);
  await page.waitForFunction(() => document.querySelector("#signature-status")?.dataset.state === "valid");
  await paste(page, hs('{"alg":"HS256"}', '{"sub":"x"}', "secret"));
  await page.locator('li.finding[data-id="known-secret"]').waitFor();

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  await paste(page, rs256.token);
  await page.locator("#public-key-input").fill(rs256.pem);
  await page.waitForFunction(() => document.querySelector("#signature-status")?.dataset.state === "valid");
  await paste(page, hs('{"alg":"HS256"}', '{"sub":"x"}', "secret"));
  await page.locator('li.finding[data-id="known-secret"]').waitFor();
  await context.close();
});

test("the single file carries the app and starts it without a request", async () => {
  const { page, context, requests, url } = await app.openSingleFile();
  await paste(page, TOKEN);
  await page.locator("#token-role").waitFor();
  assert.deepEqual(requests.filter((r) => !r.startsWith("data:")), [url]);
  await context.close();
});
