// Known secrets: an HS* token signed (here, by Node's crypto) with a publicly
// known secret is flagged without typing anything, the list loads only when
// an HS* token arrives, the search keeps every task short, and
// #use-known-secret fills the secret in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, paste } from "./harness.mjs";
import { hs, JWT_IO } from "./tokens.mjs";

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const HEADER = '{"alg":"HS256","typ":"JWT"}';
const PAYLOAD = '{"sub":"known-secret","iat":1516239022}';
const secretsScript = (url) => /jwt-lens-secrets-[0-9a-f]+\.js$/.test(url);
const finding = (page) => page.locator("#findings li[data-id=known-secret]");

/** The last secret of the shipped list: the one a search reaches last. */
function lastListedSecret() {
  const lines = readFileSync(new URL("../../assets/known-secrets.txt", import.meta.url), "utf8").split("\n");
  return lines.filter((l) => l !== "" && l !== "#" && !l.startsWith("# ")).at(-1);
}

test("a token signed with `secret` is flagged, and the button fills the secret in", async () => {
  const { page, context, requests, errors } = await app.open();
  await paste(page, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
  await page.locator("#payload-json").waitFor();
  assert.equal(requests.filter(secretsScript).length, 0, "no list for a token that is not HS*");
  await page.locator("#secret-encoding").selectOption("base64");
  await paste(page, hs(HEADER, PAYLOAD, "secret"));
  await finding(page).waitFor();
  assert.equal(await finding(page).getAttribute("data-severity"), "danger");
  assert.match(await finding(page).textContent(), /"secret"/);
  assert.equal(requests.filter(secretsScript).length, 1, "the list loads once, on demand");
  await page.locator("#use-known-secret").click();
  assert.equal(await page.locator("#secret-input").inputValue(), "secret");
  assert.equal(await page.locator("#secret-encoding").inputValue(), "utf8");
  assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "valid");
  assert.equal(await page.locator("#use-known-secret").count(), 0, "nothing left to fill in");
  assert.equal(await finding(page).count(), 1, "the token is still signed with a known secret");
  // jwt.io's own example token, signed by jwt.io: found without a second download.
  await paste(page, JWT_IO);
  await page.locator("#use-known-secret").waitFor();
  assert.match(await finding(page).textContent(), /"your-256-bit-secret"/);
  assert.equal(requests.filter(secretsScript).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a token signed with a random 256-bit key is not flagged", async () => {
  const { page, context, requests } = await app.open();
  const key = crypto.getRandomValues(new Uint8Array(32));
  await paste(page, hs(HEADER, PAYLOAD, Buffer.from(key)));
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => /jwt-lens-secrets-/.test(r.name)));
  // Time for the whole list (the search takes well under this).
  await page.waitForTimeout(1500);
  assert.equal(await finding(page).count(), 0);
  assert.equal(await page.locator("#use-known-secret").count(), 0);
  assert.equal(requests.filter(secretsScript).length, 1);
  await context.close();
});

// The budget (done within a second, no task over 50 ms) is a figure this test
// prints, not an assertion: timings on a shared machine are not a verdict.
test("the whole list is searched, its last secret found; the time is printed", async (t) => {
  const { page, context } = await app.open();
  // Long tasks (over 50 ms) from here on; the page's start-up is already done.
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "longtask" });
  });
  const secret = lastListedSecret();
  // The list loads with the first HS* token: time the search on a warm list too.
  for (const round of ["cold", "warm"]) {
    const token = hs(HEADER, `{"round":"${round}"}`, secret);
    const began = await page.evaluate(() => performance.now());
    await paste(page, token);
    await page.waitForFunction(() => document.querySelector("#findings li[data-id=known-secret]"), null, { polling: 5 });
    const took = (await page.evaluate(() => performance.now())) - began;
    t.diagnostic(`${round} list: its last secret found ${took.toFixed(0)} ms after the paste`);
    assert.match(await finding(page).textContent(), new RegExp(`"${secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`));
  }
  const longTasks = await page.evaluate(() => window.longTasks);
  t.diagnostic(`tasks over 50 ms during both searches: ${longTasks.length ? longTasks.map((d) => d.toFixed(0)).join(", ") + " ms" : "none"}`);
  await context.close();
});

test("the single-file build finds the secret from file:// with no request", async () => {
  const { page, context, requests, url } = await app.openSingleFile();
  await paste(page, hs(HEADER, PAYLOAD, "your-256-bit-secret"));
  await finding(page).waitFor();
  await page.locator("#use-known-secret").click();
  assert.equal(await page.locator("#signature-status").getAttribute("data-state"), "valid");
  assert.deepEqual(requests.filter((r) => !r.startsWith("data:")), [url]);
  await context.close();
});
