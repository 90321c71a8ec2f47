// The bench's file server, for bench/run.mjs and bench/lcp-variants.mjs: serves a folder over
// HTTP/1.1 and, where scripts/bench has made its self-signed certificate (bench/out/tls), the
// same folder over HTTP/2 with TLS, as most hosts serve a blog.
//   const { base, base2, close } = await serveSite(root, { compress: true });
// `base` is the HTTP/1.1 address; `base2` the HTTP/2 one, or null without a certificate.
// With `compress`, code, styles and pages go out brotli-compressed, compressed once ahead of
// time as a static host does, so Lighthouse sees real transfer sizes and no request waits for
// compression; without it they go out as they are.
import http from 'node:http';
import http2 from 'node:http2';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TLS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out', 'tls');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

export async function serveSite(root, { compress }) {
  const cache = new Map();
  const compressed = (file) => {
    if (!cache.has(file)) cache.set(file, zlib.brotliCompressSync(fs.readFileSync(file)));
    return cache.get(file);
  };
  const serve = (req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    if (compress && /br/.test(req.headers['accept-encoding'] || '') && /\.(js|wasm|css|html)$/.test(file)) {
      headers['content-encoding'] = 'br';
      res.writeHead(200, headers); res.end(compressed(file));
    } else {
      res.writeHead(200, headers); res.end(fs.readFileSync(file));
    }
  };
  const server = http.createServer(serve);
  const server2 = fs.existsSync(path.join(TLS, 'cert.pem'))
    ? http2.createSecureServer({ key: fs.readFileSync(path.join(TLS, 'key.pem')), cert: fs.readFileSync(path.join(TLS, 'cert.pem')), allowHTTP1: true }, serve)
    : null;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  if (server2) await new Promise((r) => server2.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    base2: server2 && `https://127.0.0.1:${server2.address().port}`,
    close: () => { server.close(); server2?.close(); },
  };
}
