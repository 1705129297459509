// Differential mutation cases for tests/differential.rs: valid JWS tokens for
// every algorithm JWT Lens verifies, structurally mutated with a seeded PRNG,
// each with npm `jose`'s `compactVerify` verdict.
//
// Tokens: the RS/PS/ES/EdDSA tokens and SPKI keys of
// tests/fixtures/keys/tokens.json (signed by jose), plus HS256/384/512 tokens
// that jose signs here with SECRET (HMAC is deterministic, so they are the
// same on every run). With the same seed and fixtures the output is the same
// byte for byte.
//
//     node tests/differential/jose_mutations.mjs [--seed N] [--per-alg N]
//
// Writes JSON to stdout:
//   { generator, seed, per_alg,
//     keys:  { <alg>: { kind: "secret" | "spki", text } },
//     cases: [ { alg, kind, token, jose: true | false, why, jose_stripped } ] }
//   (jose_stripped: jose's verdict on the token with its whitespace removed)
// `kind` is "original" for the unmodified token, else the mutation applied
// ("+" joins two). `why` is jose's error for a rejected case.
//
// jose comes from tests/e2e's install (`scripts/setup.sh test`); exit code 3
// with a message on stderr when it is missing.

import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import path from "node:path";
import { jose, joseVersion } from "./load_jose.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SEED = option("--seed", 20261211);
const PER_ALG = option("--per-alg", 300);

// 64 bytes: long enough for HS512 (RFC 7518 §3.2 wants a key as long as the hash).
const SECRET = "jwt-lens differential secret: sixty-four bytes for HS512 use ok";
const CLAIMS = {
  sub: "differential",
  iss: "https://issuer.example",
  aud: "jwt-lens-tests",
  iat: 1764000000,
  exp: 4102444800,
};

// sfc32: a small seeded PRNG, so the mutations are reproducible.
function sfc32(a, b, c, d) {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const random = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, SEED >>> 0);
for (let i = 0; i < 20; i++) random();
const below = (n) => Math.floor(random() * n);
const pick = (items) => items[below(items.length)];

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const randomSegment = (n) => Array.from({ length: n }, () => pick(B64URL)).join("");

/** Applies `fn` to one randomly chosen segment of the token. */
function onSegment(token, fn, filter = () => true) {
  const segments = token.split(".");
  const candidates = segments.map((s, i) => i).filter((i) => filter(segments[i]));
  if (candidates.length === 0) return null;
  const i = pick(candidates);
  segments[i] = fn(segments[i]);
  return segments.join(".");
}

// Each mutation returns the new token, or null when it does not apply.
const MUTATIONS = {
  add_segment(t) {
    const segments = t.split(".");
    segments.splice(below(segments.length + 1), 0, randomSegment(below(40)));
    return segments.join(".");
  },
  drop_segment(t) {
    const segments = t.split(".");
    segments.splice(below(segments.length), 1);
    return segments.join(".");
  },
  duplicate_segment(t) {
    const segments = t.split(".");
    const i = below(segments.length);
    segments.splice(i, 0, segments[i]);
    return segments.join(".");
  },
  swap_segments(t) {
    const segments = t.split(".");
    if (segments.length < 2) return null;
    const i = below(segments.length);
    const j = (i + 1 + below(segments.length - 1)) % segments.length;
    [segments[i], segments[j]] = [segments[j], segments[i]];
    return segments.join(".");
  },
  append_dot: (t) => `${t}.`,
  append_junk: (t) => `${t}.${pick(["junk", randomSegment(1 + below(12)), "e30", ""])}`,
  add_padding: (t) => onSegment(t, (s) => s + pick(["=", "==", "==="])),
  standard_alphabet: (t) =>
    onSegment(
      t,
      (s) => (random() < 0.5 ? s.replace(/-/g, "+").replace(/_/g, "/") : s.replace(/[-_]/, (c) => (c === "-" ? "+" : "/"))),
      (s) => /[-_]/.test(s),
    ),
  whitespace(t) {
    if (t.length < 3) return null;
    const at = 1 + below(t.length - 2);
    return t.slice(0, at) + pick([" ", "\n", "\t", "\r\n", "  "]) + t.slice(at);
  },
  truncate_segment: (t) =>
    onSegment(t, (s) => s.slice(0, Math.max(0, s.length - 1 - below(4))), (s) => s.length > 0),
  lengthen_segment: (t) => onSegment(t, (s) => s + randomSegment(1 + below(4))),
  flip_character: (t) =>
    onSegment(
      t,
      (s) => {
        const i = below(s.length);
        let c = pick(B64URL);
        while (c === s[i]) c = pick(B64URL);
        return s.slice(0, i) + c + s.slice(i + 1);
      },
      (s) => s.length > 0,
    ),
};
const KINDS = Object.keys(MUTATIONS);

/** One mutation (a fifth of the time two), different from the token. */
function mutate(token) {
  for (;;) {
    const kinds = random() < 0.2 ? [pick(KINDS), pick(KINDS)] : [pick(KINDS)];
    let t = token;
    for (const kind of kinds) t = t === null ? null : MUTATIONS[kind](t);
    if (t !== null && t !== token) return { kind: kinds.join("+"), token: t };
  }
}

async function josesVerdict(token, key, alg) {
  try {
    await jose.compactVerify(token, key, { algorithms: [alg] });
    return { jose: true };
  } catch (e) {
    return { jose: false, why: e.code ?? e.name };
  }
}

const fixtures = JSON.parse(readFileSync(path.join(here, "../fixtures/keys/tokens.json"), "utf8"));
const secretKey = new TextEncoder().encode(SECRET);
const subjects = [];
for (const alg of ["HS256", "HS384", "HS512"]) {
  const token = await new jose.SignJWT(CLAIMS).setProtectedHeader({ alg, typ: "JWT" }).sign(secretKey);
  subjects.push({ alg, token, key: secretKey, credential: { kind: "secret", text: SECRET } });
}
for (const c of fixtures.cases) {
  subjects.push({
    alg: c.alg,
    token: c.token,
    key: await jose.importSPKI(c.spki_pem, c.alg),
    credential: { kind: "spki", text: c.spki_pem },
  });
}

const keys = {};
const cases = [];
for (const s of subjects) {
  keys[s.alg] = s.credential;
  const original = await josesVerdict(s.token, s.key, s.alg);
  if (!original.jose) throw new Error(`jose rejects its own ${s.alg} token: ${original.why}`);
  cases.push({ alg: s.alg, kind: "original", token: s.token, ...original });
  for (let n = 0; n < PER_ALG; n++) {
    const { kind, token } = mutate(s.token);
    const verdict = await josesVerdict(token, s.key, s.alg);
    // JWT Lens removes whitespace from a paste, says so, and checks what is
    // left: jose's verdict on that text is the one to compare it with.
    const stripped = token.replace(/\s+/g, "");
    const strippedVerdict = stripped === token ? verdict : await josesVerdict(stripped, s.key, s.alg);
    cases.push({ alg: s.alg, kind, token, ...verdict, jose_stripped: strippedVerdict.jose });
  }
}

process.stdout.write(
  JSON.stringify({
    generator: `jose ${joseVersion} on node ${process.version.replace(/^v/, "")}`,
    seed: SEED,
    per_alg: PER_ALG,
    keys,
    cases,
  }),
);
