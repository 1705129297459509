// Takes the README's screenshots from the built dist/: node screenshot.mjs
// Not a test; it writes docs/screenshot.png, docs/screenshot-dark.png, docs/keys.png,
// docs/login-flow.png and docs/embed.png.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as jose from "jose";
import { serve } from "../../scripts/serve.mjs";
import { start, paste } from "./harness.mjs";
import { hs, now } from "./tokens.mjs";

const out = (name) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const app = await start();
const t = now();
// Written as text: JSON.stringify would round account_id, which the page keeps exact.
const token = hs(
  '{"alg":"HS256","typ":"JWT"}',
  `{"iss":"https://auth.example.com/","sub":"user-8421","aud":"api://orders","name":"Ada Lovelace",` +
    `"account_id":100002348117421473,"scope":"orders:read orders:write","iat":${t - 300},"exp":${t + 600}}`,
  "test-secret-test-secret-test-secret!",
);
for (const [scheme, file] of [["light", "screenshot.png"], ["dark", "screenshot-dark.png"]]) {
  const { page, context } = await app.open("/", { colorScheme: scheme, viewport: { width: 1360, height: 900 } });
  await paste(page, `Bearer ${token}`);
  await page.locator("#secret-input").fill("test-secret-test-secret-test-secret!");
  await page.screenshot({ path: out(file), fullPage: true });
  await context.close();
}

// An ES256 token checked with its issuer's JWKS (from the checked-in fixtures).
{
  const fixtures = JSON.parse(readFileSync(new URL("../fixtures/keys/tokens.json", import.meta.url), "utf8"));
  const es = fixtures.cases.find((c) => c.alg === "ES256");
  const { page, context } = await app.open("/", { viewport: { width: 1360, height: 900 } });
  await paste(page, es.token);
  await page.locator("#public-key-input").fill(es.jwks);
  await page.waitForFunction(() => document.querySelector("#key-info")?.dataset.state === "used");
  await page.locator(".key-form").screenshot({ path: out("keys.png") });
  await context.close();
}

// A token endpoint's response (OpenID Connect Core §3.1.3.3) pasted whole:
// its three tokens listed, and the checks that tie them together. Signed
// here with npm jose; at_hash with node:crypto (left half of the SHA-256 of
// the access token, §3.1.3.6), not by JWT Lens.
{
  const { privateKey } = await jose.generateKeyPair("RS256");
  const issuer = "https://login.example.com";
  const access = await new jose.SignJWT({ client_id: "orders-web", scope: "openid profile orders:read" })
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: "2026-12" })
    .setIssuer(issuer)
    .setSubject("user-8421")
    .setAudience("https://api.example.com")
    .setJti("at-5f1c9e")
    .setIssuedAt(t)
    .setExpirationTime(t + 3600)
    .sign(privateKey);
  const atHash = createHash("sha256").update(access, "ascii").digest().subarray(0, 16).toString("base64url");
  const id = await new jose.SignJWT({ name: "Ada Lovelace", nonce: "n-0S6_WzA2Mj", at_hash: atHash })
    .setProtectedHeader({ alg: "RS256", kid: "2026-12" })
    .setIssuer(issuer)
    .setSubject("user-8421")
    .setAudience("orders-web")
    .setIssuedAt(t)
    .setExpirationTime(t + 3600)
    .sign(privateKey);
  const response = JSON.stringify(
    { access_token: access, token_type: "Bearer", expires_in: 3600, refresh_token: "8xLOxBtZp8Qh7Fv1R3yN0wKcJd", id_token: id, scope: "openid profile orders:read" },
    null,
    2,
  );
  const { page, context } = await app.open("/", { viewport: { width: 1360, height: 900 } });
  await paste(page, response);
  await page.waitForSelector('#cross-checks li[data-check="at_hash"][data-result="pass"]');
  // The response from its first line; down to the cross-checks and the payload.
  await page.locator("#token-input").evaluate((box) => {
    box.setSelectionRange(0, 0);
    box.scrollTop = 0;
    box.blur();
  });
  const bottom = await page.evaluate(() =>
    Math.max(...["#cross-checks", "#payload-json"].map((id) => document.querySelector(id).closest("section").getBoundingClientRect().bottom)),
  );
  await page.setViewportSize({ width: 1360, height: Math.ceil(bottom) + 16 });
  await page.screenshot({ path: out("login-flow.png") });
  await context.close();
}

// The sample docs page with its three embeds (one fixed, two sized by the
// page's script from the embed's height message), served from a second origin.
const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
const site = mkdtempSync(join(tmpdir(), "jwt-lens-docs-"));
writeFileSync(join(site, "docs.html"), readFileSync(`${examples}docs.html`, "utf8").replaceAll("http://127.0.0.1:8080/", `${app.origin}/`));
const docs = await serve(site, 0);
// Tall enough for all frames: headless Chromium leaves frames outside the
// viewport unpainted in a full-page capture.
const context = await app.browser.newContext({ viewport: { width: 1000, height: 3000 } });
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${docs.address().port}/docs.html`);
await page.frameLocator("iframe").first().locator("#payload-json").waitFor();
await page.frameLocator("iframe").nth(1).locator(".embed-token").first().waitFor();
await page.frameLocator("iframe").nth(2).locator("#payload-json").waitFor();
// Until the auto-sized frames have their height, and then a little longer.
await page.waitForFunction(() => [...document.querySelectorAll("iframe.jwt-lens-auto")].every((f) => f.style.height));
await page.waitForTimeout(300);
// No blank band below the page.
await page.setViewportSize({ width: 1000, height: await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom) + 32) });
await page.screenshot({ path: out("embed.png"), fullPage: true });
await context.close();
docs.close();
rmSync(site, { recursive: true });
await app.close();
console.log("wrote docs/screenshot.png, docs/screenshot-dark.png, docs/keys.png, docs/login-flow.png and docs/embed.png");
