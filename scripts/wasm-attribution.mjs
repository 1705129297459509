// Attributes the page's wasm to crates and modules: which code the first
// visit pays for. A report for deciding what to move out, not a test.
//
//   node scripts/wasm-attribution.mjs               build, then attribute
//   node scripts/wasm-attribution.mjs --wasm F.wasm attribute a wasm that has a name section
//   options: --top N (groups shown, default 28), --functions N (largest functions, default 15),
//            --bin NAME (jwt-lens, the app, by default; jwt-lens-first is the first visit's first paint)
//
// It builds the page's wasm as the release build does (same profile, so the
// compiled crates are reused), runs wasm-bindgen and `wasm-opt -Oz -g` (as
// scripts/post_build.py does, but keeping the function names), and reads the code section
// itself: every function body's size, grouped by the crate or module its
// demangled name belongs to. Gzip is estimated two ways: each group's bodies
// compressed alone, and what leaving the group out takes off the whole
// (gzip of all bodies and data, minus the same without the group), which is
// what moving that code to another module would save. The optimised wasm
// with names is left at target/wasm-attribution/page.wasm, for
// `twiggy paths` or `twiggy dominators` (`scripts/setup.sh measure` installs twiggy).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deflateRawSync } from "node:zlib";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const TOP = Number(option("--top", 28));
const TOP_FUNCTIONS = Number(option("--functions", 15));
const BIN = option("--bin", "jwt-lens");

const wasmPath = option("--wasm") ?? build();
const wasm = readFileSync(wasmPath);
const module = parse(wasm);
if (module.names.size === 0) {
  console.error(`${wasmPath} has no function names: build with the name section kept`);
  process.exit(1);
}
report(module);

/** Builds the page's wasm with names and returns the optimised file. */
function build() {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  const out = join(target, "wasm-attribution");
  mkdirSync(out, { recursive: true });
  // The release profile keeps wasm-ld's name section (it strips only debug
  // info), so this is the very build Trunk makes, reused when it is fresh.
  const messages = execFileSync("nice", ["-n", "10", "cargo", "build", "--release",
    "--target", "wasm32-unknown-unknown", "--bin", BIN, "--message-format=json-render-diagnostics"],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 28 });
  const artifact = messages.split("\n").filter(Boolean).map((l) => JSON.parse(l))
    .find((m) => m.reason === "compiler-artifact" && m.target?.name === BIN);
  const built = artifact?.filenames?.find((f) => f.endsWith(".wasm"));
  if (!built) throw new Error(`cargo reported no ${BIN}.wasm`);
  // Copied at once: a shared target directory may be rebuilt by another checkout.
  copyFileSync(built, join(out, "raw.wasm"));
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", "page",
    join(out, "raw.wasm")], { stdio: "inherit" });
  // The same pass as scripts/post_build.py (unused exports removed, then -Oz), with names kept.
  execFileSync("nice", ["-n", "10", "wasm-opt", "--remove-exports", "--pass-arg=remove-exports@*intounderlying*",
    "-Oz", "-g", "-o", join(out, "page.wasm"), join(out, "page_bg.wasm")], { stdio: "inherit" });
  return join(out, "page.wasm");
}

/** Reads sections, function bodies, data segments and the name section. */
function parse(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const string = () => {
    const n = leb();
    const s = bytes.toString("utf8", pos, pos + n);
    pos += n;
    return s;
  };
  const sections = [];
  const bodies = [];
  const data = [];
  const names = new Map();
  let importedFunctions = 0;
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const start = pos;
    const end = pos + size;
    let name = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start",
      "element", "code", "data", "datacount", "tag"][id] ?? `section ${id}`;
    if (id === 0) name = `custom "${string()}"`;
    sections.push({ id, name, size: end - start + 1 + lebLength(size) });
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        string();
        string();
        const kind = bytes[pos++];
        if (kind === 0) { importedFunctions++; leb(); }
        else if (kind === 1) { pos++; limits(); }
        else if (kind === 2) limits();
        else if (kind === 3) pos += 2;
        else leb();
      }
    } else if (id === 10) {
      let index = importedFunctions;
      for (let n = leb(); n > 0; n--) {
        const bodyStart = pos;
        const len = leb();
        bodies.push({ index: index++, bytes: bytes.subarray(bodyStart, pos + len) });
        pos += len;
      }
    } else if (id === 11) {
      // Active segments (flag 0) only, which is what wasm-ld emits.
      for (let n = leb(); n > 0; n--) {
        const flag = leb();
        if (flag === 0) while (bytes[pos++] !== 0x0b);
        if (flag === 2) { leb(); while (bytes[pos++] !== 0x0b); }
        const len = leb();
        data.push(bytes.subarray(pos, pos + len));
        pos += len;
      }
    } else if (name === 'custom "name"') {
      while (pos < end) {
        const sub = bytes[pos++];
        const len = leb();
        const subEnd = pos + len;
        if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), string());
        pos = subEnd;
      }
    }
    pos = end;
  }
  return { sections, bodies, data, names };

  function limits() {
    const flags = bytes[pos++];
    leb();
    if (flags & 1) leb();
  }
}

function lebLength(n) {
  let length = 1;
  while (n >= 128) { n = Math.floor(n / 128); length++; }
  return length;
}

/** The crate or module a demangled function name belongs to. */
function group(raw) {
  // Crate disambiguators (`core[c5930c85a12de822]`) and hashes say nothing here.
  const name = raw.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "").replace(/^_ZN.*/, "(mangled)");
  if (/^__wbg|^__wbindgen|^wasm_bindgen::|^__externref/.test(name)) return "wasm-bindgen (glue, externref)";
  // Drop glue belongs to the type being dropped.
  const drop = name.match(/^core::ptr::drop_in_place<(.*)>$/);
  if (drop) return pathGroup(drop[1].replace(/^[&*]+(mut |const )?/, ""));
  // `<Type as Trait>::method` belongs to the type, unless the type is a
  // primitive or a reference (then to the trait's crate).
  if (name.startsWith("<")) {
    const { self, trait } = splitQualified(name);
    const type = self.replace(/^[&*]+(mut |const |dyn )?/, "");
    if (type.includes("::") && !type.startsWith("(") && !type.startsWith("[")) return pathGroup(type);
    if (trait) return pathGroup(trait);
    return pathGroup(type);
  }
  return pathGroup(name);
}

/** Splits `<A as B>::rest` at depth one. */
function splitQualified(name) {
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "<") depth++;
    else if (c === ">") {
      depth--;
      if (depth === 0) {
        const inner = name.slice(1, i);
        const at = topLevelAs(inner);
        return at < 0 ? { self: inner, trait: "" } : { self: inner.slice(0, at), trait: inner.slice(at + 4) };
      }
    }
  }
  return { self: name, trait: "" };
}

function topLevelAs(inner) {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "<" || inner[i] === "(" || inner[i] === "[") depth++;
    else if (inner[i] === ">" || inner[i] === ")" || inner[i] === "]") depth--;
    else if (depth === 0 && inner.startsWith(" as ", i)) return i;
  }
  return -1;
}

/** Crate, with modules for our own code and for core/alloc/std. */
function pathGroup(path) {
  const parts = path.split("<")[0].split("::").filter(Boolean);
  const crate = parts[0] ?? "(unnamed)";
  if (/^(dlmalloc|compiler_builtins|memcpy|memset|memmove|memcmp|__rust|rust_|__rdl|__rg)/.test(crate))
    return "allocator, compiler_builtins, mem*";
  if (/^(func|\$)?\d+$/.test(crate) || !/^[A-Za-z_]/.test(crate)) return "(unnamed)";
  if (crate === "jwt_lens") return parts.slice(0, 3).filter((p) => !/^[A-Z{]/.test(p)).join("::");
  // LTO inlines the page's closures into the generic Memo and Signal::derive
  // closures, which keep reactive_graph's name: split those out.
  if (crate === "reactive_graph" && /\{\{closure\}\}/.test(path) && /(ArcMemo|Memo|Signal|ArcSignal)<T>::(new|derive)/.test(path))
    return "reactive_graph: Memo/derive closures (page closures inlined)";
  if (crate === "core" || crate === "alloc" || crate === "std") {
    const sub = parts[1] && /^[a-z_]+$/.test(parts[1]) ? `::${parts[1]}` : "";
    return crate + sub;
  }
  return crate;
}

function report({ sections, bodies, data, names }) {
  const groups = new Map();
  for (const body of bodies) {
    const name = names.get(body.index) ?? `(unnamed ${body.index})`;
    const key = group(name);
    const g = groups.get(key) ?? { key, raw: 0, count: 0, bodies: [] };
    g.raw += body.bytes.length;
    g.count++;
    g.bodies.push(body.bytes);
    groups.set(key, g);
  }
  const dataBytes = Buffer.concat(data);
  const codeRaw = bodies.reduce((n, b) => n + b.bytes.length, 0);
  const shipped = sections.filter((s) => !s.name.startsWith("custom")).reduce((n, s) => n + s.size, 0);
  const gz = (buffers) => deflateRawSync(Buffer.concat(buffers), { level: 9 }).length;
  const allBodies = bodies.map((b) => b.bytes);
  const whole = gz([...allBodies, dataBytes]);
  // Leave-one-out keeps the order of the other bodies, as in the module.
  for (const g of groups.values()) {
    const kept = bodies.filter((b) => group(names.get(b.index) ?? `(unnamed ${b.index})`) !== g.key).map((b) => b.bytes);
    g.alone = gz(g.bodies);
    g.marginal = whole - gz([...kept, dataBytes]);
  }
  // Text literals: runs of printable text with spaces (explanations, messages).
  const texts = [...dataBytes.toString("latin1").matchAll(/[\x20-\x7e\xa0-\xff\n]{24,}/g)]
    .map((m) => m[0]).filter((s) => (s.match(/ /g) ?? []).length >= 3);
  const textBytes = Buffer.from(texts.join(""), "latin1");
  const withoutTexts = Buffer.from(dataBytes.toString("latin1").replace(/[\x20-\x7e\xa0-\xff\n]{24,}/g,
    (s) => ((s.match(/ /g) ?? []).length >= 3 ? "" : s)), "latin1");

  const kb = (n) => (n / 1024).toFixed(1);
  const pct = (n, d) => ((100 * n) / d).toFixed(1) + "%";
  console.log(`page wasm: ${kb(shipped)} KB shipped sections (code ${kb(codeRaw)} KB in ${bodies.length} functions, `
    + `data ${kb(dataBytes.length)} KB); code + data deflated: ${kb(whole)} KB`);
  console.log("sections:", sections.map((s) => `${s.name} ${kb(s.size)} KB`).join(", "));
  console.log("\n| crate or module | functions | raw KB | share of code | gzip alone KB | gzip if left out, KB |");
  console.log("|---|---:|---:|---:|---:|---:|");
  const sorted = [...groups.values()].sort((a, b) => b.raw - a.raw);
  for (const g of sorted.slice(0, TOP)) {
    console.log(`| ${g.key} | ${g.count} | ${kb(g.raw)} | ${pct(g.raw, codeRaw)} | ${kb(g.alone)} | ${kb(g.marginal)} |`);
  }
  const rest = sorted.slice(TOP);
  if (rest.length) {
    const raw = rest.reduce((n, g) => n + g.raw, 0);
    const marginal = whole - gz([...bodies.filter((b) => !rest.some((g) => g.bodies.includes(b.bytes))).map((b) => b.bytes), dataBytes]);
    console.log(`| ${rest.length} other groups | ${rest.reduce((n, g) => n + g.count, 0)} | ${kb(raw)} | ${pct(raw, codeRaw)} | | ${kb(marginal)} |`);
  }
  console.log(`| data segments (all) | | ${kb(dataBytes.length)} | | ${kb(gz([dataBytes]))} | ${kb(whole - gz(allBodies))} |`);
  console.log(`| of which text literals (${texts.length} runs) | | ${kb(textBytes.length)} | | ${kb(gz([textBytes]))} | `
    + `${kb(whole - gz([...allBodies, withoutTexts]))} |`);

  // What each of our UI and core modules drags in, generic view code included:
  // functions whose name mentions the module anywhere (overlapping counts).
  const ours = [...new Set(sorted.map((g) => g.key).filter((k) => k.startsWith("jwt_lens::")))];
  console.log("\n| our module, with the generic code instantiated for it | functions | raw KB | gzip if left out, KB |");
  console.log("|---|---:|---:|---:|");
  const mentions = ours.map((m) => {
    const hit = bodies.filter((b) => (names.get(b.index) ?? "").includes(m + "::"));
    const kept = bodies.filter((b) => !hit.includes(b)).map((b) => b.bytes);
    return { m, count: hit.length, raw: hit.reduce((n, b) => n + b.bytes.length, 0), marginal: whole - gz([...kept, dataBytes]) };
  }).sort((a, b) => b.raw - a.raw);
  for (const r of mentions.slice(0, 16)) console.log(`| ${r.m} | ${r.count} | ${kb(r.raw)} | ${kb(r.marginal)} |`);

  console.log(`\nlargest functions:`);
  for (const b of [...bodies].sort((a, b) => b.bytes.length - a.bytes.length).slice(0, TOP_FUNCTIONS)) {
    const name = (names.get(b.index) ?? `(unnamed ${b.index})`).replace(/::h[0-9a-f]{16}$/, "");
    console.log(`${kb(b.bytes.length).padStart(6)} KB  ${name.length > 150 ? name.slice(0, 147) + "..." : name}`);
  }
}
