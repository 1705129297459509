// Shared set-up for the browser tests: serve dist/, launch Debian's Chromium
// through playwright-core, and record every request a page makes.
import { chromium } from "playwright-core";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve } from "../../scripts/serve.mjs";

export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Starts the server and the browser; call `close()` when done. */
export async function start() {
  const server = await serve(DIST, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: FLAGS,
  });
  return {
    origin,
    browser,
    /** Opens `path` in a fresh context; `requests` collects every URL asked for. */
    async open(path = "/", options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const requests = [];
      const errors = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(origin + path);
      // The app marks <body data-ready> once its wasm is running and mounted.
      await page.waitForSelector("body[data-ready]", { state: "attached" });
      return { page, context, requests, errors };
    },
    /** Opens the single-file build from file://, recording requests and errors. */
    async openSingleFile() {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = [];
      const errors = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => errors.push(String(e)));
      const url = pathToFileURL(`${DIST}jwt-lens.html`).href;
      await page.goto(url);
      await page.waitForSelector("body[data-ready]", { state: "attached" });
      return { page, context, requests, errors, url };
    },
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Resolves once a service worker controls `page`, so what it loads next is cached. */
export async function controlledByServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
}

/** Replaces the token textarea's text as a paste would, firing `input`. */
export async function paste(page, text) {
  await page.locator("#token-input").fill(text);
}
