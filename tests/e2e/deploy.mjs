// End-to-end: a deploy replaces the widget's files while pages or caches hold the old loader.
// Build A is dist/ (the release build), copied to a site folder. Build B is a real release
// build with the widget's styles changed, copied over the same folder the way the README's
// hosting section says to deploy (new files over old, nothing deleted). A page that loaded
// build A's loader before the deploy, a page whose cache hands it build A's loader, and a new
// page must each get a widget whose code and styles match their loader. Run from the repo
// root after `trunk build --release --offline`: node tests/e2e/deploy.mjs (about 30 s: it
// builds once more; cargo has nothing to compile).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, here, dist } from './serve.mjs';
import { HASHED_NAME } from '../../scripts/site.mjs';

const repo = path.resolve(here, '../..');
const STYLES = path.join(repo, 'assets/roll-routine-widget.css');
// Build B's change: a custom property on every widget, so a page shows which styles it got.
const MARK = 'build-b';
const HOST = '<link rel="stylesheet" href="/roll-routine.css">\n<script type="module" src="/roll-routine.js"></script>\n<div id="slot"></div>';

let tmp, siteDir, server, browser;
let oldLoader, oldNames, newNames;

/** The hashed files a loader or page names. */
const named = (text) => [...text.matchAll(/[\w-]+-[0-9a-f]{12}\.(?:js|css|wasm)/g)].map((m) => m[0]).sort();

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-deploy-'));
  siteDir = path.join(tmp, 'site');
  fs.cpSync(dist, siteDir, { recursive: true });
  server = await serve({
    route: (url) => [siteDir, url.pathname],
    hook: (req, res, file, url) => {
      if (url.pathname !== '/host.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host page</title></head><body>${HOST}</body></html>`);
      return true;
    },
  });
  browser = await launch();
  oldLoader = fs.readFileSync(path.join(siteDir, 'roll-routine.js'), 'utf8');
  oldNames = named(oldLoader);
});

after(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function open() {
  const context = await browser.newContext({ viewport: { width: 500, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname.slice(1)));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) errors.push(m.text()); });
  // A missing file fails the test, but for the favicon Chromium asks every page for.
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
  return { context, page, requests, errors };
}
/** Mounts a widget into the host page's slot; resolves to its build's mark ('' for build A). */
async function mount(page) {
  await page.evaluate(() => RollRoutine.mount(document.getElementById('slot'), { family: 'forearms' }));
  await page.locator('.rr .rr-title').waitFor();
  assert.equal(await page.locator('.rr .rr-title').textContent(), 'What are you rolling for?');
  return page.locator('.rr').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--deploy-mark').trim());
}

test('a deploy replaces the widget\'s files while pages or caches hold the old loader: old and new pages both work, never old code with new', async () => {
  // A reader opens a page before the deploy; the widget is not near yet, nothing of it loaded.
  const early = await open();
  await early.page.goto(`${server.base}/host.html`);
  await early.page.waitForFunction(() => window.RollRoutine);
  assert.deepEqual(early.requests.filter((u) => HASHED_NAME.test(u)), [], 'only the loader so far');

  // Build B: the widget's styles change. Then deploy it over build A.
  const saved = fs.readFileSync(STYLES, 'utf8');
  const buildB = path.join(tmp, 'b');
  try {
    fs.writeFileSync(STYLES, `${saved}\n.rr { --deploy-mark: ${MARK}; }\n`);
    execFileSync('trunk', ['build', '--release', '--offline', '--dist', buildB], { cwd: repo, stdio: 'pipe' });
  } finally {
    fs.writeFileSync(STYLES, saved);
  }
  fs.cpSync(buildB, siteDir, { recursive: true, force: true });
  const newLoader = fs.readFileSync(path.join(siteDir, 'roll-routine.js'), 'utf8');
  newNames = named(newLoader);
  assert.notDeepEqual(newNames, oldNames, 'the changed styles have a new name');
  assert.ok(newNames.some((n) => oldNames.includes(n)), 'unchanged code keeps its name (and stays cached)');

  // Every hashed name is the hash of its bytes: a change to any of them is a new name.
  for (const f of fs.readdirSync(siteDir).filter((n) => HASHED_NAME.test(n))) {
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(siteDir, f))).digest('hex').slice(0, 12);
    assert.ok(f.includes(`-${hash}.`), `${f} is named by its content`);
  }
  // The stable pages name only files that exist, and so does the service worker.
  for (const page of ['index.html', 'frame.html', 'builder.html', 'sw.js', 'roll-routine.js']) {
    for (const f of named(fs.readFileSync(path.join(siteDir, page), 'utf8'))) {
      assert.ok(fs.existsSync(path.join(siteDir, f)), `${page} names ${f}`);
    }
  }

  // The early page now meets the widget: build A's code and styles, which are still there.
  assert.equal(await mount(early.page), '', 'the page that held the old loader gets the old styles');
  const got = early.requests.filter((u) => HASHED_NAME.test(u));
  assert.ok(got.length >= 3 && got.every((u) => oldNames.includes(u)), `only build A's files: ${got}`);
  assert.deepEqual(early.errors, []);
  await early.page.screenshot({ path: path.join(here, 'out', '70-deploy-old-page.png') });
  await early.context.close();

  // A cache hands a new page build A's loader: still build A's files throughout.
  const cached = await open();
  await cached.page.route('**/roll-routine.js', (r) => r.fulfill({ body: oldLoader, contentType: 'text/javascript' }));
  await cached.page.goto(`${server.base}/host.html`);
  await cached.page.waitForFunction(() => window.RollRoutine);
  assert.equal(await mount(cached.page), '');
  assert.ok(cached.requests.filter((u) => HASHED_NAME.test(u)).every((u) => oldNames.includes(u)));
  assert.deepEqual(cached.errors, []);
  await cached.context.close();

  // A new page: build B's loader, build B's styles.
  const fresh = await open();
  await fresh.page.goto(`${server.base}/host.html`);
  await fresh.page.waitForFunction(() => window.RollRoutine);
  assert.equal(await mount(fresh.page), MARK, 'the new page gets the new styles');
  const gotB = fresh.requests.filter((u) => HASHED_NAME.test(u));
  assert.ok(gotB.every((u) => newNames.includes(u)), `only build B's files: ${gotB}`);
  assert.deepEqual(fresh.errors, []);
  await fresh.page.screenshot({ path: path.join(here, 'out', '71-deploy-new-page.png') });
  await fresh.context.close();

  // The standalone page and the frame page of build B work too.
  const standalone = await open();
  await standalone.page.goto(`${server.base}/`);
  await standalone.page.locator('.rr .rr-title').waitFor();
  assert.equal(await standalone.page.locator('.rr').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--deploy-mark').trim()), MARK);
  await standalone.page.goto(`${server.base}/frame.html?family=forearms`);
  await standalone.page.locator('.rr .rr-title').waitFor();
  assert.deepEqual(standalone.errors, []);
  await standalone.context.close();
});
