#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer) for the given number of seconds
# (default 60), then prints what it found. Targets: `analyse` (decode +
# analyse + HMAC verify, the default) and `keys` (the public-key box).
#   scripts/fuzz.sh 1800
#   scripts/fuzz.sh 600 keys
# The toolchain here is stable; RUSTC_BOOTSTRAP lets it accept the -Z flags
# that cargo-fuzz passes for sanitizer coverage. Crashes land in
# fuzz/artifacts/analyse/; the corpus grows in fuzz/corpus/analyse/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
target="${2:-analyse}"
if ! command -v cargo-fuzz >/dev/null; then
  cargo install cargo-fuzz --locked
fi
mkdir -p fuzz/corpus/analyse fuzz/corpus/keys
# Seeds: real tokens, so the fuzzer starts from something that decodes.
printf '\0%s\0your-256-bit-secret' 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c' > fuzz/corpus/analyse/seed-jwt-io
printf '\2%s\0AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' > fuzz/corpus/analyse/seed-rfc7515
# Keys: RFC 7515 A.2's JWK, and each fixture's PEM, certificate and JWKS.
printf '\0{"kty":"RSA","kid":"2010-12-29","n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ","e":"AQAB"}' > fuzz/corpus/keys/seed-rfc7515-a2
node -e '
  const f = require("./tests/fixtures/keys/tokens.json");
  f.cases.forEach((c, i) => ["spki_pem", "cert_pem", "jwks", "pkcs1_pem"].forEach((k) => {
    if (c[k]) require("fs").writeFileSync(`fuzz/corpus/keys/seed-${c.alg}-${k}`, Buffer.concat([Buffer.from([i]), Buffer.from(c[k])]));
  }));'
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- \
  -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 2>&1 | tee "fuzz/last-run-$target.log" | tail -25
