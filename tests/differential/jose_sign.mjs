// npm `jose`'s view of what JWT Lens's signing code made, for
// tests/sign_jose.rs: reads a JSON request on stdin and writes the answers
// to stdout.
//
//   request:  { verify:  [ { alg, token, spki_pem, pss_only } ],
//               jwks:    [ <public JWK> ],
//               pems:    [ { spki_pem, alg } ] }
//   answer:   { generator,
//               verify:  [ true | "<jose's error>" ],
//               jwks:    [ { thumbprint, spki_pem } ]   calculateJwkThumbprint,
//                                                       importJWK + exportSPKI
//               pems:    [ <JWK> ] }                    importSPKI + exportJWK
//
// A PSS-only key (id-RSASSA-PSS SubjectPublicKeyInfo) cannot go through
// jose, which takes keys as JWK; node's crypto (OpenSSL) checks those.
// Exit code 3 with a message on stderr when jose is not installed.

import { readFileSync } from "node:fs";
import { constants, createPublicKey, verify as nodeVerify } from "node:crypto";
import { jose, joseVersion } from "./load_jose.mjs";


const request = JSON.parse(readFileSync(0, "utf8"));
const answer = { generator: `jose ${joseVersion} on node ${process.versions.node}`, verify: [], jwks: [], pems: [] };

for (const { alg, token, spki_pem, pss_only } of request.verify ?? []) {
  try {
    if (pss_only) {
      const [h, p, s] = token.split(".");
      const bits = Number(alg.slice(2));
      const ok = nodeVerify(`sha${bits}`, Buffer.from(`${h}.${p}`), {
        key: createPublicKey(spki_pem),
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: bits / 8,
      }, Buffer.from(s, "base64url"));
      answer.verify.push(ok || "node's crypto: signature does not verify");
    } else {
      const key = await jose.importSPKI(spki_pem, alg);
      await jose.compactVerify(token, key, { algorithms: [alg] });
      answer.verify.push(true);
    }
  } catch (e) {
    answer.verify.push(`${e.code ?? e.name}: ${e.message}`);
  }
}

for (const jwk of request.jwks ?? []) {
  const alg = { RSA: "RS256", EC: { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" }[jwk.crv], OKP: "EdDSA" }[jwk.kty];
  const key = await jose.importJWK(jwk, alg, { extractable: true });
  answer.jwks.push({
    thumbprint: await jose.calculateJwkThumbprint(jwk),
    spki_pem: await jose.exportSPKI(key),
  });
}

for (const { spki_pem, alg } of request.pems ?? []) {
  const key = await jose.importSPKI(spki_pem, alg, { extractable: true });
  answer.pems.push(await jose.exportJWK(key));
}

process.stdout.write(JSON.stringify(answer));
