#!/usr/bin/env bash
# Fuzzes the core's decode + analyse + verify path with cargo-fuzz (libFuzzer)
# for the given number of seconds (default 60), then prints what it found.
#   scripts/fuzz.sh 1800
# The toolchain here is stable; RUSTC_BOOTSTRAP lets it accept the -Z flags
# that cargo-fuzz passes for sanitizer coverage. Crashes land in
# fuzz/artifacts/analyse/; the corpus grows in fuzz/corpus/analyse/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! command -v cargo-fuzz >/dev/null; then
  cargo install cargo-fuzz --locked
fi
mkdir -p fuzz/corpus/analyse
# Seeds: real tokens, so the fuzzer starts from something that decodes.
printf '\0%s\0your-256-bit-secret' 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c' > fuzz/corpus/analyse/seed-jwt-io
printf '\2%s\0AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' > fuzz/corpus/analyse/seed-rfc7515
RUSTC_BOOTSTRAP=1 cargo fuzz run analyse fuzz/corpus/analyse -- \
  -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 2>&1 | tee fuzz/last-run.log | tail -25
