// JWE tokens encrypted by npm `jose` for tests/jwe.rs: every key-management
// algorithm jose implements with every content encryption (ECDH-ES on
// P-256 with every enc, on P-384, P-521 and X25519 with A256GCM), a
// `zip: "DEF"` case, a DEFLATE bomb, and a nested JWT (signed, then
// encrypted). jose 6 no longer encrypts with RSA1_5; RFC 7516 A.2 and
// RFC 7520 §5.1 cover it.
//
//     node tests/jwe/jose_encrypt.mjs            # fresh keys, JSON to stdout
//     node tests/jwe/jose_encrypt.mjs --write    # also tests/fixtures/jwe/jose/tokens.json
//
// Output: { generator,
//   keys: { <id>: { jwk?, pkcs8?, pkcs1?, sec1?, spki?, password?, text? } },
//   tokens: [ { alg, enc, key, token, plaintext, zip?, nested?, bomb? } ] }
// `key` names the entry of `keys` that decrypts the token; `plaintext` is
// what jose decrypted it to (checked here with compactDecrypt).
//
// jose comes from tests/e2e's install (`scripts/setup.sh test`); exit code 3
// with a message on stderr when it is missing.

import { fileURLToPath } from "node:url";
import { writeFileSync, mkdirSync } from "node:fs";
import crypto from "node:crypto";
import path from "node:path";
import { jose, joseVersion } from "../differential/load_jose.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

const ENCS = ["A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM"];
const PLAINTEXT = JSON.stringify({
  sub: "jwe-differential",
  iss: "https://issuer.example",
  aud: "jwt-lens-tests",
  note: "héllo ✓ encrypted by jose",
  iat: 1764000000,
  exp: 4102444800,
});
const encoder = new TextEncoder();
const keys = {};
const tokens = [];

/** Exports a generated key pair in every form JWT Lens reads. */
async function asymmetric(id, alg, options) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true, ...options });
  const jwk = await jose.exportJWK(privateKey);
  const entry = { jwk, pkcs8: await jose.exportPKCS8(privateKey), spki: await jose.exportSPKI(publicKey) };
  const nodeKey = crypto.createPrivateKey({ key: entry.pkcs8, format: "pem" });
  if (jwk.kty === "RSA") entry.pkcs1 = nodeKey.export({ type: "pkcs1", format: "pem" });
  if (jwk.kty === "EC") entry.sec1 = nodeKey.export({ type: "sec1", format: "pem" });
  keys[id] = entry;
  return publicKey;
}

function secret(id, bytes) {
  const k = crypto.randomBytes(bytes);
  keys[id] = { jwk: { kty: "oct", k: jose.base64url.encode(k) }, hex: k.toString("hex") };
  return k;
}

async function encrypt(alg, enc, keyId, encryptionKey, extra = {}) {
  const plaintext = extra.plaintext ?? PLAINTEXT;
  const header = { alg, enc, ...(extra.header ?? {}) };
  const builder = new jose.CompactEncrypt(
    typeof plaintext === "string" ? encoder.encode(plaintext) : plaintext,
  ).setProtectedHeader(header);
  if (extra.p2c) builder.setKeyManagementParameters({ p2c: extra.p2c });
  const token = await builder.encrypt(encryptionKey);
  return { alg, enc, key: keyId, token, plaintext: typeof plaintext === "string" ? plaintext : undefined };
}

/** Decrypts with jose, so the fixture records what jose itself reads. */
async function checked(entry, decryptionKey, options = {}) {
  const { plaintext } = await jose.compactDecrypt(entry.token, decryptionKey, {
    keyManagementAlgorithms: [entry.alg],
    ...options,
  });
  if (entry.plaintext !== undefined && new TextDecoder().decode(plaintext) !== entry.plaintext) {
    throw new Error(`jose does not round-trip ${entry.alg} ${entry.enc}`);
  }
  tokens.push(entry);
}

const rsa = await asymmetric("rsa", "RSA-OAEP-256", { modulusLength: 2048 });
const rsaPrivate = await jose.importJWK(keys.rsa.jwk, "RSA-OAEP-256");
for (const alg of ["RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"]) {
  const pub = await jose.importSPKI(keys.rsa.spki, alg);
  const priv = await jose.importPKCS8(keys.rsa.pkcs8, alg);
  for (const enc of ENCS) await checked(await encrypt(alg, enc, "rsa", pub), priv);
}
void rsa;

const ECDH = ["ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW"];
for (const [id, crv] of [["p256", "P-256"], ["p384", "P-384"], ["p521", "P-521"], ["x25519", "X25519"]]) {
  const pub = await asymmetric(id, "ECDH-ES", { crv });
  const priv = await jose.importJWK(keys[id].jwk, "ECDH-ES");
  for (const alg of ECDH) {
    for (const enc of id === "p256" ? ENCS : ["A256GCM"]) {
      await checked(await encrypt(alg, enc, id, pub), priv);
    }
  }
}

for (const bits of [128, 192, 256]) {
  const kw = secret(`kw${bits}`, bits / 8);
  for (const alg of [`A${bits}KW`, `A${bits}GCMKW`]) {
    for (const enc of ENCS) await checked(await encrypt(alg, enc, `kw${bits}`, kw), kw);
  }
}

for (const enc of ENCS) {
  const bytes = { "A128CBC-HS256": 32, "A192CBC-HS384": 48, "A256CBC-HS512": 64 }[enc] ?? Number(enc.slice(1, 4)) / 8;
  const id = `dir-${enc}`;
  const cek = secret(id, bytes);
  await checked(await encrypt("dir", enc, id, cek), cek);
}

keys.password = { password: "correct horse battery staple ✓" };
const password = encoder.encode(keys.password.password);
for (const alg of ["PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW"]) {
  for (const enc of ENCS) await checked(await encrypt(alg, enc, "password", password, { p2c: 2048 }), password);
}

// zip: "DEF": a payload that compresses well.
const claims = JSON.parse(PLAINTEXT);
const big = JSON.stringify({ ...claims, roles: Array.from({ length: 200 }, (_, i) => `role-${i % 7}`) });
const zipped = await encrypt("RSA-OAEP-256", "A256GCM", "rsa", await jose.importSPKI(keys.rsa.spki, "RSA-OAEP-256"), {
  plaintext: big,
  header: { zip: "DEF" },
});
zipped.zip = true;
await checked(zipped, rsaPrivate);

// A DEFLATE bomb: 3 MiB of zeros, a few kilobytes once compressed. jose
// refuses it with a 2 MiB limit, as JWT Lens must.
const bombKey = keys.kw256 ? Buffer.from(jose.base64url.decode(keys.kw256.jwk.k)) : null;
const bomb = await encrypt("A256KW", "A256GCM", "kw256", bombKey, {
  plaintext: new Uint8Array(3 * 1024 * 1024),
  header: { zip: "DEF" },
});
bomb.bomb = true;
try {
  await jose.compactDecrypt(bomb.token, bombKey, { maxDecompressedLength: 2 * 1024 * 1024 });
  throw new Error("jose inflated the bomb past 2 MiB");
} catch (e) {
  if (!(e instanceof jose.errors.JWEInvalid)) throw e;
}
tokens.push(bomb);

// Nested: a JWT signed with ES256, then encrypted (RFC 7519 §11.2, cty JWT).
const signer = await asymmetric("signer", "ES256", {});
void signer;
const inner = await new jose.SignJWT(claims)
  .setProtectedHeader({ alg: "ES256", typ: "JWT" })
  .sign(await jose.importPKCS8(keys.signer.pkcs8, "ES256"));
const nested = await encrypt("RSA-OAEP-256", "A256GCM", "rsa", await jose.importSPKI(keys.rsa.spki, "RSA-OAEP-256"), {
  plaintext: inner,
  header: { cty: "JWT" },
});
nested.nested = { signer: "signer" };
await checked(nested, rsaPrivate);

const out = {
  generator: `jose ${joseVersion} on node ${process.versions.node} (tests/jwe/jose_encrypt.mjs)`,
  keys,
  tokens,
};
const text = JSON.stringify(out, null, 1) + "\n";
if (process.argv.includes("--write")) {
  const dir = path.join(here, "../fixtures/jwe/jose");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "tokens.json"), text);
}
process.stdout.write(text);
