// End-to-end test of the release build (dist/, built by `trunk build --release --offline`),
// served over HTTP on 127.0.0.1 and driven in Debian's Chromium as a reader would, with a
// screenshot of each state in tests/e2e/out/. Run: node tests/e2e/run.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const out = path.join(here, 'out');
fs.mkdirSync(out, { recursive: true });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
let server, base, browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ exists: run trunk build --release --offline first');
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page that records every request and console error. */
async function open(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, ...opts });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}

const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
const tap = (page, text) => page.locator('.rr button', { hasText: text }).first().click();

test('a reader answers, reads the routine, runs the session and checks in', async () => {
  const { context, page, requests, errors } = await open();
  await page.goto(`${base}/`);
  await page.locator('.rr-title').waitFor();
  assert.equal(await page.locator('.rr-title').textContent(), 'First, a quick safety check');
  assert.equal(await page.locator('.rr-fallback').count(), 0, 'the fallback link gives way to the widget');
  await shot(page, '1-questions-safety');

  await tap(page, 'None of these');
  await shot(page, '2-questions-onset');
  await tap(page, 'Longer ago');
  await tap(page, 'It builds up when I sit');
  await tap(page, 'stiff first thing');
  await shot(page, '3-questions-extras');
  await tap(page, 'Continue');
  await shot(page, '4-questions-time');
  await tap(page, 'Standard');

  await page.locator('.rr-routine').waitFor();
  assert.deepEqual(await page.locator('[data-routine]').evaluateAll((els) => els.map((e) => e.dataset.routine)),
    ['full-sitting', 'morning']);
  assert.equal(await page.locator('[data-routine="full-sitting"] .rr-step').first().getAttribute('data-muscle'), 'hip-flexors');
  await shot(page, '5-routine');

  // Print gives a one-page card, even for the largest plan (two routines).
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  fs.writeFileSync(path.join(out, '5-routine-print.pdf'), pdf);
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'the printed card fits one page');
  await page.emulateMedia({ media: 'screen' });

  // The share link reproduces the routine (after the opener's own safety check).
  await tap(page, 'Copy share link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#roll-routine=1[0-9a-f]{2}$/);

  await tap(page, 'Start: Full routine');
  await page.locator('.rr-player').waitFor();
  const first = await page.locator('.rr-count').textContent();
  assert.equal(first, '0:10');
  await page.waitForTimeout(2200);
  const later = await page.locator('.rr-count').textContent();
  assert.ok(later === '0:08' || later === '0:07', `the timer runs in real time: ${first} then ${later}`);
  await shot(page, '6-player');
  await tap(page, 'Pause');
  await shot(page, '7-player-paused');
  await tap(page, 'End session');
  await page.locator('.rr-finish').waitFor();
  await shot(page, '8-finish');
  await tap(page, 'Better');
  // Ended at once: the check-in is kept, but the session does not count toward the plan.
  assert.match(await page.locator('.rr-saved').textContent(), /does not count/);
  assert.match(await page.locator('.rr-progress-line').textContent(), /Sessions done: 0 of 14/);
  await shot(page, '9-finish-checked-in');

  const page2 = await context.newPage();
  await page2.goto(link);
  await page2.locator('.rr-title').waitFor();
  await page2.locator('.rr button', { hasText: 'None of these' }).click();
  // S7: the opener says when their own pain started.
  await page2.locator('.rr button', { hasText: 'Longer ago' }).click();
  assert.deepEqual(await page2.locator('[data-routine]').evaluateAll((els) => els.map((e) => e.dataset.routine)),
    ['full-sitting', 'morning']);

  const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

test('a warning sign gives advice and no routine, on a 320 px phone in dark mode', async () => {
  const { context, page, errors } = await open({ viewport: { width: 320, height: 720 }, colorScheme: 'dark' });
  await page.goto(`${base}/`);
  await page.locator('.rr-title').waitFor();
  await shot(page, '10-questions-320-dark');
  await tap(page, 'groin');
  await tap(page, 'Continue');
  await page.locator('.rr-stop').waitFor();
  assert.match(await page.locator('.rr-title').textContent(), /emergency/);
  assert.equal(await page.locator('.rr-step').count(), 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing overflows at 320 px');
  await shot(page, '11-stop-emergency-320-dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop light: routine and player', async () => {
  const { context, page } = await open({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${base}/`);
  await page.locator('.rr-title').waitFor();
  await tap(page, 'None of these');
  await tap(page, 'In the last two days');
  await tap(page, 'Quick');
  await page.locator('.rr-routine').waitFor();
  assert.equal(await page.locator('.rr-step').count(), 1);
  await shot(page, '12-routine-acute-desktop');
  await tap(page, 'Start');
  await page.waitForTimeout(300);
  await shot(page, '13-player-desktop');
  await context.close();
});

// ---- The demo article page: two widgets under a strict CSP (issue 5) ----

/** Records CSP violations and layout shifts from before the page's own scripts run. */
const watch = () => {
  window.__csp = [];
  window.__cls = 0;
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

test('the demo article embeds two independent widgets under a strict CSP', async () => {
  const { context, page, requests, errors } = await open({ viewport: { width: 800, height: 1000 } });
  await page.addInitScript(watch);
  // Served from a sub-path: the bundle loads relative to its own script.
  await page.goto(`${base}/demo.html`);
  const widgets = page.locator('[data-roll-routine-mounted]');
  await page.locator('.rr .rr-title').nth(1).waitFor();
  assert.equal(await widgets.count(), 2);
  const back = widgets.nth(0);
  const hands = widgets.nth(1);
  assert.equal(await back.locator('.rr-title').textContent(), 'First, a quick safety check');
  assert.equal(await hands.locator('.rr-title').textContent(), 'What are you rolling for?');
  await shot(page, '20-demo-loaded');

  // Independent: answering one leaves the other where it was.
  await back.locator('button', { hasText: 'None of these' }).click();
  await back.locator('button', { hasText: 'Longer ago' }).click();
  await back.locator('button', { hasText: 'Neither' }).click();
  await back.locator('button', { hasText: 'Standard' }).click();
  await back.locator('.rr-routine').waitFor();
  assert.equal(await hands.locator('.rr-title').textContent(), 'What are you rolling for?');

  // Host events reach the page, with no answers in them.
  await page.locator('#events li').first().waitFor();
  assert.deepEqual(await page.locator('#events li').allTextContents(),
    ['roll-routine:routine-built {"family":"lower-back"}']);

  // Styles: the host's hot-pink buttons stay out; the widget's styles stay in; theming works.
  const bg = (loc) => loc.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(await bg(back.locator('.rr-start').first()), 'rgb(255, 105, 180)');
  assert.equal(await page.locator('h2').first().evaluate((el) => getComputedStyle(el).color), 'rgb(122, 46, 46)');
  assert.equal(await page.locator('p.byline').evaluate((el) => getComputedStyle(el).textAlign), 'justify');
  assert.notEqual(await back.locator('p.rr-expect').first().evaluate((el) => getComputedStyle(el).textAlign), 'justify',
    'host element rules stay out');
  assert.notEqual(await back.locator('ul.rr-how').first().evaluate((el) => getComputedStyle(el).listStyleType), 'square');
  assert.notEqual(await back.locator('.rr-title').first().evaluate((el) => getComputedStyle(el).fontFamily), await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily));
  await hands.locator('button', { hasText: 'A warm-up' }).click();
  await hands.locator('button', { hasText: 'Standard' }).click();
  assert.equal(await bg(hands.locator('.rr-start').first()), 'rgb(122, 46, 46)', 'themed by --rr-accent');
  await shot(page, '21-demo-both-routines');

  // Start a session in one widget: the timer runs, the other widget is untouched.
  await back.locator('.rr-start').first().click();
  await page.waitForTimeout(1200);
  assert.match(await back.locator('.rr-count').textContent(), /^0:0[89]$/);
  assert.equal(await hands.locator('.rr-player').count(), 0);
  await shot(page, '22-demo-player');

  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.equal(await page.evaluate(() => window.__cls), 0, 'no layout shift');
  const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(errors, []);
  const globals = await page.evaluate(() => {
    const fresh = document.createElement('iframe');
    document.body.append(fresh);
    const added = Object.keys(window).filter((k) => !(k in fresh.contentWindow) && !k.startsWith('__') && !/^\d+$/.test(k));
    fresh.remove();
    return added;
  });
  assert.deepEqual(globals, ['RollRoutine'], 'one global name');
  await context.close();
});

test('RollRoutine.mount mounts with options, refuses a second mount, and unmount restores the element', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${base}/demo.html`);
  const result = await page.evaluate(async () => {
    await window.RollRoutine.ready;
    const el = document.createElement('div');
    el.innerHTML = '<a href="/x">fallback</a>';
    document.body.append(el);
    const warnings = [];
    const warn = console.warn;
    console.warn = (m) => warnings.push(String(m));
    const handle = window.RollRoutine.mount(el, { family: 'forearms', base: 'javascript:alert(1)', colour: 'red' });
    console.warn = warn;
    await new Promise((r) => setTimeout(r, 50));
    const title = el.querySelector('.rr-title')?.textContent;
    let second = null;
    try { window.RollRoutine.mount(el, {}); } catch (e) { second = e.message; }
    let missing = null;
    try { window.RollRoutine.mount(null, {}); } catch (e) { missing = e.message; }
    handle.unmount();
    handle.unmount();
    return { title, second, missing, warnings, after: el.innerHTML, mounted: el.hasAttribute('data-roll-routine-mounted') };
  });
  assert.equal(result.title, 'What are you rolling for?');
  assert.match(result.second, /already holds a widget/);
  assert.match(result.missing, /missing/);
  assert.equal(result.warnings.length, 2, result.warnings.join('\n'));
  assert.equal(result.after, '<a href="/x">fallback</a>');
  assert.equal(result.mounted, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without scripts the reader still gets a plain link to the article', async () => {
  const { context, page } = await open({ javaScriptEnabled: false });
  await page.goto(`${base}/demo.html`);
  const links = page.locator('[data-roll-routine] a');
  assert.equal(await links.count(), 2);
  assert.match(await links.first().getAttribute('href'), /foam-roller-and-lower-back-pain/);
  await shot(page, '23-demo-no-script');
  await context.close();
});
