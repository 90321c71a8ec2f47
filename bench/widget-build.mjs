// What the bench scripts share about a release build of the widget (run.mjs, screen-costs.mjs;
// attribute.mjs its brotli): the files a reader gets and their brotli size, the bare page first
// render is timed on, the browser that times it, and the first-render timing itself.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

/** Debian's Chromium, or the one CHROMIUM names. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Headless Chromium as the bench times in it: no background work, garbage collection callable
 *  from the page and exact heap sizes (for the memory rows). */
export const launchBrowser = () => chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});

/** Everything a reader gets once the widget loads: the size budget's files. */
export const WIDGET_FILES = ['roll-routine.js', 'roll-routine-app.js', 'roll-routine-app_bg.wasm', 'roll-routine.css', 'roll-routine-widget.css'];

/** The fixture's files, held against the widget's. */
export const FIXTURE_FILES = ['hello-world.js', 'hello-world_bg.wasm'];

/** The size budget (../shared/spec/widget.md): 1.9 times the fixture, and 8 KB more for the
 *  pictures, which src/core/figure/ draws at run time (their code and pose data are in the
 *  wasm). Bytes, brotli. */
export const sizeBudget = (fixtureBrotli) => 1.9 * fixtureBrotli + 8 * 1024;

/** Brotli at its highest quality, as a static host compresses ahead of time. */
export const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** A file's name in a build of `dir`: the build names code and styles by a hash of their bytes
 *  (scripts/site.mjs), so `roll-routine-app.js` is `roll-routine-app-<12 hex>.js` there. */
export function built(dir, name) {
  const ext = path.extname(name);
  const re = new RegExp(`^${path.basename(name, ext)}-[0-9a-f]{12}\\${ext}$`);
  return fs.readdirSync(dir).find((f) => re.test(f)) || name;
}

/** Raw, gzip and brotli sizes of `files` in `dir`, each and in all. */
export function sizes(dir, files) {
  const rows = files.map((f) => {
    const b = fs.readFileSync(path.join(dir, f));
    return { f, raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length, br: brotli(b) };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }), { raw: 0, gz: 0, br: 0 });
  return { rows, total };
}

/** The page first render is timed on, from a build's index.html. First render compares the
 *  apps, not their pages: the fixture's page holds nothing but the app, so the widget's copy
 *  holds only its stylesheet and mount element, without the standalone page's stylesheet and
 *  app shell (manifest, service worker). */
export function barePage(index) {
  const bare = index
    .replace(/<link href=\.\/page-[0-9a-f]{12}\.css[^>]*>/, '')
    .replace(/<link href=manifest\.webmanifest rel=manifest>/, '')
    .replace(/<script defer src=standalone\.js><\/script>/, '')
    .replace(/<body>[\s\S]*<\/body>/, '<body><div data-roll-routine></div></body>');
  if (bare === index || /page-[0-9a-f]{12}\.css/.test(bare) || bare.includes('standalone.js') || !bare.includes('roll-routine.css')) {
    throw new Error('bench: could not make the bare page from the build\'s index.html');
  }
  return bare;
}

// "Script start" is the app's first fetch of its wasm, which the start-up script issues as it
// begins; "first render" is when the app's first element appears.
const renderProbe = (selector) => {
  window.__start = null; window.__render = null;
  const f = window.fetch;
  window.fetch = (...a) => { if (window.__start === null) window.__start = performance.now(); return f(...a); };
  new MutationObserver((_, obs) => {
    if (document.querySelector(selector)) { window.__render = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
};

/** Milliseconds from the app's first fetch to its first element matching `selector`, in a
 *  fresh browser context (nothing cached, nothing stored). */
export async function firstRender(browser, url, selector) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(renderProbe, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__render !== null);
  const t = await page.evaluate(() => window.__render - window.__start);
  await ctx.close();
  return t;
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
