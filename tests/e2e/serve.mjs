// What the end-to-end tests share: the release build served over HTTP on 127.0.0.1, and
// Debian's Chromium launched headless. Each test file adds its own routes through `route`.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { headersFor } from '../../scripts/headers.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const dist = path.resolve(here, '../../dist');

/** Serves `dist/` (or what `route(url)` maps a path to: `[root, relative path]`) with the
 * headers scripts/serve sends (scripts/headers.mjs); `hook(req, res, file, url)` may answer a
 * request itself by returning true. Resolves to `{ base, close }`. */
export async function serve({ route = (url) => [dist, url.pathname], hook } = {}) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/ is missing: run trunk build --release --offline first');
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const [root, rel] = route(url);
    let file = path.join(root, decodeURIComponent(rel));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (hook?.(req, res, file, url)) return;
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, headersFor(file));
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Debian's Chromium, headless, with nothing of its own on the network. */
export const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** One server and one browser for a test file: started before its tests (`ready` gets
 * `{ base, browser }`) and closed after them. */
export function shared(ready, opts) {
  let server, browser;
  before(async () => {
    server = await serve(opts);
    browser = await launch();
    ready({ base: server.base, browser });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

/** Taps the widget's first button with this text, and lets it render. */
export const tap = async (page, text) => {
  await page.locator('.rr button', { hasText: text }).first().click();
  await page.waitForTimeout(30);
};
