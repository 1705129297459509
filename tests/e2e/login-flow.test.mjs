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

/** A HAR of at least `bytes` (Chromium's export shape: `log.entries` of
 * requests and responses): every 100th entry a token request whose response
 * brings a new access token, ID token and opaque refresh token, the entries
 * between them API calls with the access token in `Authorization` and a
 * session JWT in a cookie, and kilobytes of JSON in every response body.
 * Returns the HAR's text and the `[data-source, data-role]` the page should
 * list, in the order the tokens first appear. */
async function bigHar(bytes) {
  const { privateKey } = await jose.generateKeyPair("RS256");
  const iat = Math.floor(Date.now() / 1000);
  const expected = [];
  const seen = new Set();
  const note = (value, source, role) => {
    if (!seen.has(value)) {
      seen.add(value);
      expected.push([source, role]);
    }
  };
  const session = await new jose.SignJWT({ sid: "s-1" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("user-1")
    .setIssuedAt(iat)
    .setExpirationTime(iat + 8 * 3600)
    .sign(new TextEncoder().encode("a-session-secret-of-enough-length-0123456789"));
  const header = (name, value) => ({ name, value });
  const filler = (i) =>
    JSON.stringify({
      page: i,
      items: Array.from({ length: 24 }, (_, k) => ({
        id: `${i}-${k}`,
        name: `Item ${k} of page ${i}`,
        description: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.",
        price: { amount: (k * 7.31).toFixed(2), currency: "EUR" },
      })),
    });
  const entries = [];
  let size = 0;
  let access;
  let refresh;
  for (let i = 0; size < bytes; i++) {
    const started = new Date((iat + i) * 1000).toISOString();
    let entry;
    if (i % 100 === 0) {
      const generation = i / 100;
      const form = generation === 0 ? `grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA${i}` : `grant_type=refresh_token&refresh_token=${refresh}`;
      if (generation === 0) note(`SplxlOBeZQQYbYS6WxSbIA${i}`, `har:${i}:request-body`, "opaque");
      access = await new jose.SignJWT({ client_id: "app", scope: "openid profile", generation })
        .setProtectedHeader({ alg: "RS256", typ: "at+jwt" })
        .setIssuer("https://login.example.com")
        .setSubject("user-1")
        .setAudience("https://api.example.com")
        .setJti(`at-${generation}`)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 3600)
        .sign(privateKey);
      const id = await new jose.SignJWT({ at_hash: atHash(access), nonce: `n-${generation}` })
        .setProtectedHeader({ alg: "RS256" })
        .setIssuer("https://login.example.com")
        .setSubject("user-1")
        .setAudience("app")
        .setIssuedAt(iat)
        .setExpirationTime(iat + 3600)
        .sign(privateKey);
      refresh = `rt-${generation}-${"x".repeat(40)}`;
      // Read in HAR order: response headers before the body.
      note(session, `har:${i}:response-header`, null);
      note(access, `har:${i}:response-body`, "access");
      note(refresh, `har:${i}:response-body`, "opaque");
      note(id, `har:${i}:response-body`, "id");
      entry = {
        request: {
          method: "POST",
          url: "https://login.example.com/oauth/token",
          headers: [header("content-type", "application/x-www-form-urlencoded"), header("accept", "application/json")],
          cookies: [],
          postData: { mimeType: "application/x-www-form-urlencoded", text: form },
        },
        response: {
          status: 200,
          headers: [header("content-type", "application/json"), header("set-cookie", `session=${session}; Path=/; Secure; HttpOnly`)],
          cookies: [{ name: "session", value: session, path: "/", httpOnly: true, secure: true }],
          content: {
            mimeType: "application/json",
            text: JSON.stringify({ access_token: access, token_type: "Bearer", expires_in: 3600, refresh_token: refresh, id_token: id }),
          },
        },
      };
    } else {
      const body = filler(i);
      entry = {
        request: {
          method: "GET",
          url: `https://api.example.com/items?page=${i}`,
          headers: [
            header("accept", "application/json"),
            header("authorization", `Bearer ${access}`),
            header("cookie", `theme=dark; session=${session}`),
            header("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
          ],
          cookies: [
            { name: "theme", value: "dark" },
            { name: "session", value: session },
          ],
        },
        response: {
          status: 200,
          headers: [header("content-type", "application/json"), header("content-length", String(body.length))],
          cookies: [],
          content: { size: body.length, mimeType: "application/json", text: body },
        },
      };
    }
    Object.assign(entry, { startedDateTime: started, time: 42, cache: {}, timings: { send: 1, wait: 40, receive: 1 } });
    Object.assign(entry.request, { httpVersion: "h2", queryString: [], headersSize: -1, bodySize: 0 });
    Object.assign(entry.response, { statusText: "", httpVersion: "h2", redirectURL: "", headersSize: -1, bodySize: -1 });
    entries.push(entry);
    size += JSON.stringify(entry).length + 1;
  }
  const har = { log: { version: "1.2", creator: { name: "WebInspector", version: "537.36" }, pages: [], entries } };
  return { text: JSON.stringify(har, null, 2), expected };
}

test("a 5 MB HAR lists its tokens, and the longest main-thread task is reported", async () => {
  const { page, context, errors } = await app.open();
  const { text, expected } = await bigHar(5 * 1024 * 1024);
  assert.ok(text.length >= 5 * 1024 * 1024, `the HAR is ${text.length} bytes`);
  const measured = await page.evaluate(async (text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    await new Promise((ok) => setTimeout(ok, 200));
    const tasks = [];
    const t0 = performance.now();
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= t0) tasks.push([e.startTime - t0, e.duration]);
    });
    observer.observe({ type: "longtask" });
    // In a task of its own, which starts after t0: a long task's
    // startTime is its start, so the paste must not share this one.
    setTimeout(() => {
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      document.querySelector("#token-input").dispatchEvent(event);
    }, 0);
    while (!document.querySelector("#token-list li")) await new Promise((ok) => setTimeout(ok, 5));
    const listed = performance.now() - t0;
    // Whatever runs after the list is painted (cross-checks, the decoder).
    await new Promise((ok) => setTimeout(ok, 1000));
    observer.disconnect();
    const longest = tasks.reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
    return { longest: longest[1], at: longest[0], total: tasks.reduce((a, [, d]) => a + d, 0), count: tasks.length, listed };
  }, text);
  console.log(
    `5 MB HAR (${(text.length / 1048576).toFixed(1)} MiB, ${expected.length} tokens): longest main-thread task ${Math.round(measured.longest)} ms (${Math.round(measured.at)} ms after the paste), ` +
      `${measured.count} long tasks totalling ${Math.round(measured.total)} ms, list shown after ${Math.round(measured.listed)} ms`,
  );
  const listed = await page.locator("#token-list li").evaluateAll((lis) => lis.map((li) => [li.dataset.source, li.dataset.role]));
  assert.deepEqual(
    listed.map(([source]) => source),
    expected.map(([source]) => source),
  );
  for (const [i, [, role]] of expected.entries()) if (role) assert.equal(listed[i][1], role, expected[i][0]);
  assert.match(await page.locator("#paste-note").textContent(), new RegExp(`Found ${expected.length} tokens in a HAR file`));
  assert.equal(await page.locator('#cross-checks li[data-check="at_hash"]').getAttribute("data-result"), "pass");
  // The first JWT found (the session cookie) is decoded.
  assert.equal(await page.locator("#token-role").getAttribute("data-role"), listed[1][1]);
  assert.deepEqual(errors, []);
  await context.close();
});
