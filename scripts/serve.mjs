// A tiny static file server for dist/, with the right MIME types and no
// dependencies. Usage: node scripts/serve.mjs [dir] [port]  (port 0 = any free port)
// Imported by the browser tests, which start it on a free port.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Starts serving `dir` on 127.0.0.1:`port` (0: any free port) under the URL
 * path `prefix` (such as "/tools/jwt/"); resolves to the listening server.
 */
export function serve(dir, port = 0, prefix = "/") {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
      if (!full.startsWith(prefix)) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      const path = "/" + full.slice(prefix.length);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve(dir, port);
  console.log(`JWT Lens is served at http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
