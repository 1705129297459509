// Takes the README's screenshots from the built dist/: node screenshot.mjs
// Not a test; it writes docs/screenshot.png and docs/screenshot-dark.png.
import { fileURLToPath } from "node:url";
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
await app.close();
console.log("wrote docs/screenshot.png and docs/screenshot-dark.png");
