// Times the signing wasm module as the page runs it (V8, node's or
// Chromium's): making each non-RSA key type and signing with each alg,
// key reading included, fastest of 20 runs. Not a test.
//
//   cargo build -p jwt-lens-sign --release --target wasm32-unknown-unknown
//   wasm-bindgen --target web --no-typescript --out-dir /tmp/sign --out-name sign \
//     $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/jwt_lens_sign.wasm
//   wasm-opt -Oz -o /tmp/sign/sign_bg.wasm /tmp/sign/sign_bg.wasm
//   node sign/timing.mjs /tmp/sign
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { webcrypto } from "node:crypto";

const dir = path.resolve(process.argv[2] ?? "/tmp/sign");
const mod = await import(pathToFileURL(path.join(dir, "sign.js")).href);
await mod.default({ module_or_path: readFileSync(path.join(dir, "sign_bg.wasm")) });

const random = () => Buffer.from(webcrypto.getRandomValues(new Uint8Array(32))).toString("base64url");
const fastest = (label, f) => {
  f();
  let best = Infinity;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${label.padEnd(34)} ${best.toFixed(3).padStart(8)} ms`);
};
const ok = (json) => {
  const v = JSON.parse(json);
  if (!v.ok) throw new Error(v.error);
  return v;
};

const kinds = [["P-256", "ES256"], ["P-384", "ES384"], ["P-521", "ES512"], ["Ed25519", "EdDSA"],
  ["ML-DSA-44", "ML-DSA-44"], ["ML-DSA-65", "ML-DSA-65"], ["ML-DSA-87", "ML-DSA-87"]];
const keys = [];
for (const [kind, alg] of kinds) {
  fastest(`generate ${kind}`, () => ok(mod.generate(kind, random())));
  keys.push([alg, ok(mod.generate(kind, random())).pkcs8_pem]);
}
const rsa = webcrypto.subtle;
for (const bits of [2048, 4096]) {
  const pair = await rsa.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: bits,
    publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "verify"]);
  const der = Buffer.from(await rsa.exportKey("pkcs8", pair.privateKey)).toString("base64");
  const pem = `-----BEGIN PRIVATE KEY-----\n${der.match(/.{1,64}/g).join("\n")}\n-----END PRIVATE KEY-----\n`;
  for (const alg of ["RS256", "PS256", "PS512"]) keys.push([`${alg} (RSA-${bits})`, pem]);
}
const input = `${Buffer.from('{"alg":"x"}').toString("base64url")}.${Buffer.from('{"sub":"t"}').toString("base64url")}`;
for (const [label, pem] of keys) {
  const alg = label.split(" ")[0];
  fastest(`sign ${label}`, () => ok(mod.sign(alg, pem, input, random())));
}
