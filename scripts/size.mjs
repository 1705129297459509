// Prints what a first visit downloads from dist/: each file raw and gzipped
// (level 9), and the total against the 100 KB gzip budget. A report, not a test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const BUDGET = 100 * 1024;
// What index.html loads on a first visit; other files (such as a single-file
// build) are listed apart.
const html = readFileSync(join(dir, "index.html"), "utf8");
const loaded = new Set(["index.html"]);
for (const m of html.matchAll(/(?:src|href)=["']?\.\/([^"' >]+)/g)) loaded.add(m[1]);

let total = { raw: 0, gzip: 0, brotli: 0 };
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !loaded.has(name)) continue;
  const data = readFileSync(path);
  const row = { name, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli: brotliCompressSync(data).length };
  rows.push(row);
  for (const k of Object.keys(total)) total[k] += row[k];
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log("first visit".padEnd(36) + "raw".padStart(10) + "gzip".padStart(11) + "brotli".padStart(11));
for (const r of rows) console.log(r.name.padEnd(36) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
console.log("total".padEnd(36) + kb(total.raw) + kb(total.gzip) + kb(total.brotli));
console.log(`budget: ${kb(BUDGET).trim()} gzip; ${total.gzip <= BUDGET ? "within" : "OVER"} by ${kb(Math.abs(BUDGET - total.gzip)).trim()}`);

// Loaded later, only when needed: the public-key verifier (keys/), fetched
// the first time a token with an RS, PS, ES or EdDSA alg gets a key, the
// decryption module (jwe/), fetched the first time a JWE gets a key, and the
// known-secret list, fetched the first time an HS256/384/512 token is decoded.
const lazy = readdirSync(dir).filter((n) => /^jwt-lens-[a-z]+-[0-9a-f]+\.js$/.test(n));
for (const name of lazy) {
  const data = readFileSync(join(dir, name));
  console.log(`\nloaded on demand`.padEnd(37) + "raw".padStart(10) + "gzip".padStart(11) + "brotli".padStart(11));
  console.log(name.padEnd(36) + kb(data.length) + kb(gzipSync(data, { level: 9 }).length) + kb(brotliCompressSync(data).length));
}
