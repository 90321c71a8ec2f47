#!/usr/bin/env node
// Serves a built folder with the headers of scripts/headers.mjs (what the README documents).
//   node scripts/serve-dist.mjs <folder> <port>      (scripts/serve runs it on dist/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { headersFor } from './headers.mjs';

const dir = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8080);

http.createServer((req, res) => {
  const url = new URL(`http://x${req.url}`);
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(dir, rel);
  if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('not found\n');
    return;
  }
  res.writeHead(200, headersFor(rel));
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1');
