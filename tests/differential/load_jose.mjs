// npm `jose` from tests/e2e's install (`scripts/setup.sh test`), for the node
// scripts the native tests run (jose_mutations.mjs, jose_sign.mjs,
// tests/jwe/jose_encrypt.mjs). Exits with code 3 and a message on stderr
// when it is not installed, which the Rust side reads as "skip or fail".
import { createRequire } from "node:module";
import { pathToFileURL, fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const e2eRequire = createRequire(path.join(here, "../e2e/package.json"));
let loaded;
let version;
try {
  loaded = await import(pathToFileURL(e2eRequire.resolve("jose")).href);
  version = JSON.parse(readFileSync(e2eRequire.resolve("jose/package.json"), "utf8")).version;
} catch (e) {
  process.stderr.write(
    `jose is not installed in tests/e2e/node_modules (${e.message}): run scripts/setup.sh test\n`,
  );
  process.exit(3);
}
export const jose = loaded;
export const joseVersion = version;
