// End-to-end test of the standalone page as an app, on the release build (dist/, built by
// `trunk build --release --offline`), in Debian's Chromium: the page links a valid manifest
// and registers its service worker; after one visit it loads and runs a session with no
// network at all; an update reaches the next visit; and a page that embeds the widget (the
// demo article) registers no service worker. Screenshots in tests/e2e/out/.
// Run: node tests/e2e/offline.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, here } from './serve.mjs';

const out = path.join(here, 'out');
fs.mkdirSync(out, { recursive: true });

let server, base, browser;
/** The server's state: `down` refuses every request (the network is gone, not only emulated
 * offline in the page); `update` stands for a new build: index.html's title changes. */
const net = { down: false, update: false, served: [] };

before(async () => {
  server = await serve({
    hook: (req, res, file, url) => {
      if (net.down) { req.socket.destroy(); return true; }
      if (!fs.existsSync(file)) return false;
      net.served.push(url.pathname);
      if (net.update && file.endsWith('index.html')) {
        const html = fs.readFileSync(file, 'utf8').replace(/<title>/, '<title>[new build] ');
        res.writeHead(200, { 'content-type': 'text/html', 'last-modified': fs.statSync(file).mtime.toUTCString() }).end(html);
        return true;
      }
      return false;
    },
  });
  base = server.base;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open() {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
const tap = (page, text) => page.locator('.rr button', { hasText: text }).first().click();

test('the standalone page installs, works offline after one visit, and takes updates', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${base}/`);
  await page.locator('.rr-title').waitFor();

  // Installable: a manifest with what a home screen needs.
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(href, `${base}/`).href)).json();
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.background_color);
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, new URL(href, `${base}/`)).href);
    assert.equal(res.status(), 200, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));

  // The worker is active once its install has cached the page's files.
  const scope = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then((r) => r.scope),
    new Promise((resolve) => setTimeout(resolve, 15000, 'no service worker became active in 15 s')),
  ]));
  assert.equal(scope, `${base}/`);
  // Chromium's own verdict on the manifest, the icons and the worker.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A Playwright context is an incognito profile, where Chromium never installs: that is the
  // one error allowed.
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), [],
    'Chromium finds the page installable');
  const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifestErrors, [], 'the manifest parses without warnings');
  const cached = await page.evaluate(async () => {
    const keys = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) keys.push(new URL(r.url).pathname);
    return keys.sort();
  });
  for (const f of ['/', '/index.html', '/roll-routine.css']) {
    assert.ok(cached.includes(f), `${f} is cached: ${cached}`);
  }
  // The code, glue and styles under their content-hashed names (scripts/site.mjs).
  for (const f of [/^\/roll-routine-app-[0-9a-f]{12}\.js$/, /^\/roll-routine-app_bg-[0-9a-f]{12}\.wasm$/, /^\/roll-routine-widget-[0-9a-f]{12}\.css$/]) {
    assert.ok(cached.some((c) => f.test(c)), `${f} is cached: ${cached}`);
  }

  // An update (a new build on the server) is what the next visit gets: network first.
  net.update = true;
  await page.reload();
  await page.locator('.rr-title').waitFor();
  assert.match(await page.title(), /^\[new build\] /, 'the next visit shows the new build');
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the worker');

  // No network at all: the page emulated offline and the server refusing every request.
  await context.setOffline(true);
  net.down = true;
  const before = net.served.length;
  await page.reload();
  await page.locator('.rr-title').waitFor();
  assert.equal(await page.locator('.rr-title').textContent(), 'First, a quick safety check');
  assert.match(await page.title(), /^\[new build\] /, 'offline, the last version seen');
  await shot(page, '30-offline-questions');

  // A session can be started.
  await tap(page, 'None of these');
  await tap(page, 'Longer ago');
  await tap(page, 'Neither');
  await page.locator('.rr-routine').waitFor();
  await shot(page, '31-offline-routine');
  await tap(page, 'Start');
  await page.locator('.rr-player').waitFor();
  assert.equal(await page.locator('.rr-count').textContent(), '0:10');
  await page.waitForTimeout(1200);
  assert.match(await page.locator('.rr-count').textContent(), /^0:0[89]$/, 'the timer runs');
  await shot(page, '32-offline-player');

  // A fresh visit (not a reload) in a new tab, with its options in the query, works too.
  const tab = await context.newPage();
  await tab.goto(`${base}/?from=home-screen`);
  await tab.locator('.rr-title').waitFor();
  await tab.close();

  assert.equal(net.served.length, before, 'nothing reached the server while offline');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  await context.setOffline(false);
  net.down = false;
  net.update = false;
  await context.close();
});

test('a page that embeds the widget registers no service worker', async () => {
  const { context, page, errors } = await open();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base}/demo.html`);
  await page.locator('.rr .rr-title').nth(1).waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  assert.ok(!requests.includes('/standalone.js') && !requests.includes('/sw.js'), requests.join(' '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('on an origin where the standalone page was installed, the worker leaves host pages alone', async () => {
  const { context, page } = await open();
  await page.goto(`${base}/`);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.goto(`${base}/demo.html`);
  await page.locator('.rr .rr-title').nth(1).waitFor();
  const cached = await page.evaluate(async () => {
    const keys = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) keys.push(new URL(r.url).pathname);
    return keys;
  });
  assert.ok(!cached.some((k) => k.startsWith('/demo')), `no host page in the cache: ${cached}`);
  await context.close();
});
