// Tokens for the browser tests, made with Node's own crypto: an independent
// implementation, so the page is checked against something other than itself.
import { createHmac } from "node:crypto";

export const b64url = (data) => Buffer.from(data).toString("base64url");

/** A JWS over `header` and `payload` text exactly as given. */
export function hs(headerText, payloadText, secret, hash = "sha256") {
  const input = `${b64url(headerText)}.${b64url(payloadText)}`;
  const sig = createHmac(hash, secret).update(input).digest("base64url");
  return `${input}.${sig}`;
}

export const now = () => Math.floor(Date.now() / 1000);

/** An HS256 token with the given claims object, signed with `secret`. */
export function claims(payload, secret = "test-secret-test-secret-test-secret!") {
  return hs(JSON.stringify({ alg: "HS256", typ: "JWT" }), JSON.stringify(payload), secret);
}

export const JWT_IO =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
export const RFC7515_A1 =
  "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
export const RFC7515_A1_KEY =
  "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
