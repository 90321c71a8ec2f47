// End-to-end test of the release build (dist/, built by `trunk build --release --offline`),
// served over HTTP on 127.0.0.1 and driven in Debian's Chromium as a reader would, with a
// screenshot of each state in tests/e2e/out/. Host pages (tests/e2e/hosts/) use npm packages
// from tests/e2e/node_modules (npm ci there first). Run: node tests/e2e/run.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, here, dist } from './serve.mjs';

const out = path.join(here, 'out');
const hosts = path.join(here, 'hosts');
const npm = path.join(here, 'node_modules');
fs.mkdirSync(out, { recursive: true });

let server, base, browser;

before(async () => {
  // dist/ at the root; the host pages under /hosts/ and their npm stylesheets and
  // libraries under /npm/, so every page shares the widget's origin.
  server = await serve({
    route: (url) => (url.pathname.startsWith('/hosts/') ? [hosts, url.pathname.slice(7)]
      : url.pathname.startsWith('/npm/') ? [npm, url.pathname.slice(5)] : [dist, url.pathname]),
  });
  base = server.base;
  browser = await launch();
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
  // Hip flexors first (sitting): 20 s to get face down.
  assert.equal(first, '0:20');
  await page.waitForTimeout(2200);
  const later = await page.locator('.rr-count').textContent();
  assert.ok(later === '0:18' || later === '0:17', `the timer runs in real time: ${first} then ${later}`);
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
    const handle = await window.RollRoutine.mount(el, { family: 'forearms', base: 'javascript:alert(1)', colour: 'red' });
    console.warn = warn;
    await new Promise((r) => setTimeout(r, 50));
    const title = el.querySelector('.rr-title')?.textContent;
    let second = null;
    try { await window.RollRoutine.mount(el, {}); } catch (e) { second = e.message; }
    let missing = null;
    try { await window.RollRoutine.mount(null, {}); } catch (e) { missing = e.message; }
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

// ---- Embeds that hold up on real blogs ----

/** Every element of each widget on the page: font size, line height and box, relative to
 *  the widget's root; and the size of every button. */
const measure = (page) => page.evaluate(() => [...document.querySelectorAll('.rr')].map((root) => {
  const r0 = root.getBoundingClientRect();
  const els = [root, ...root.querySelectorAll('*')];
  return els.map((el) => {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const round = (v) => Math.round(v * 2) / 2;
    return {
      what: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''),
      font: `${cs.fontSize} / ${cs.lineHeight} ${cs.fontWeight}`,
      // Hidden elements have no box (and a rectangle at the viewport's origin).
      box: r.width || r.height ? [round(r.x - r0.x), round(r.y - r0.y), round(r.width), round(r.height)].join(' ') : 'none',
    };
  });
}));

const mountedOn = async (page, n) => {
  await page.waitForFunction((n) => document.querySelectorAll('.rr .rr-title').length >= n, n);
  await page.evaluate(() => document.fonts.ready);
};

/** The widgets' first screens, then the first widget's routine and its paused player. */
async function screens(page, name) {
  await mountedOn(page, 2);
  const first = await measure(page);
  await shot(page, `31-host-${name}`);
  const w = page.locator('[data-roll-routine]');
  for (const t of ['None of these', 'Longer ago', 'Neither']) await w.locator('button', { hasText: t }).first().click();
  await w.locator('.rr-routine').waitFor();
  const routine = await measure(page);
  await w.locator('.rr-start').first().click();
  await w.locator('button', { hasText: 'Pause' }).click();
  await w.locator('.rr-player[data-paused]').waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  const player = await measure(page);
  await shot(page, `32-host-${name}-player`);
  return [first, routine, player];
}

test('host stylesheets (Bootstrap, Bulma, Pico, water.css, a 62.5% root) leave the widget as on a plain page', async () => {
  const { context, page, errors } = await open({ viewport: { width: 1000, height: 1600 } });
  await page.goto(`${base}/hosts/plain.html`);
  const plainScreens = await screens(page, 'plain');
  const plain = plainScreens[0];
  const buttons = plain.flat().filter((e) => e.what.startsWith('button'));
  assert.ok(buttons.length >= 10, 'the widgets show their buttons');
  assert.equal(plain[0][0].font.split(' ')[0], '16px', 'the widget text is the reader\'s default size');
  for (const host of ['bootstrap', 'bulma', 'pico', 'water', 'root62']) {
    // Each host page starts as a first visit: the last one's answers are remembered.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/hosts/${host}.html`);
    const got = await screens(page, host);
    for (const [n, screen] of got.entries()) {
      assert.equal(screen.length, 2, host);
      for (const [w, widget] of screen.entries()) {
        const want = plainScreens[n][w];
        assert.equal(widget.length, want.length, `${host}: same elements`);
        // The first element that differs, deepest first: its container differs because of it.
        const diff = widget.map((e, i) => [e, want[i], i]).filter(([e, x]) => JSON.stringify(e) !== JSON.stringify(x));
        const [e, x, i] = diff.find(([a]) => !a.box.startsWith('0 0 ') && a.what !== 'details') ?? diff[0] ?? [];
        if (diff.length) fs.writeFileSync(path.join(out, `host-${host}-diff.json`), JSON.stringify(diff, null, 1));
        if (e) assert.deepEqual(e, x, `${host}, screen ${n + 1}, widget ${w + 1}, element ${i} (${e.what}); ${diff.length} differ`);
      }
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget follows the reader\'s default text size, not the host\'s root', async () => {
  // Chromium's default font size setting stands in for the reader's: 20 px instead of 16.
  const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20, fixed: 16 } });
  await page.goto(`${base}/hosts/root62.html`);
  await mountedOn(page, 2);
  const size = await page.locator('.rr').first().evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(size, '20px');
  await context.close();
});

/** Before any page script: counts timers that fire, wake locks, audio contexts, spoken cues
 *  and document/window listeners, so a test can see what a widget leaves behind. */
const instrument = () => {
  const t = (window.__rr = { fired: [], locks: 0, released: 0, audio: [], listeners: new Set(), cancels: 0 });
  for (const name of ['setTimeout', 'setInterval']) {
    const orig = window[name];
    window[name] = (fn, ms, ...rest) => orig((...a) => { t.fired.push([name, performance.now(), ms]); return typeof fn === 'function' ? fn(...a) : undefined; }, ms, ...rest);
  }
  Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: async () => {
    t.locks++;
    return { released: false, release() { if (!this.released) { this.released = true; t.released++; } return Promise.resolve(); }, addEventListener() {} };
  } } });
  const Audio = window.AudioContext;
  window.AudioContext = class extends Audio { constructor(...a) { super(...a); t.audio.push(this); } };
  if (window.speechSynthesis) {
    const cancel = speechSynthesis.cancel.bind(speechSynthesis);
    speechSynthesis.cancel = () => { t.cancels++; cancel(); };
  }
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const key = (target, type, fn) => (target === window || target === document) && `${target === window ? 'window' : 'document'}:${type}:${t.ids.get(fn) ?? t.ids.set(fn, t.ids.size).get(fn)}`;
  t.ids = new Map();
  EventTarget.prototype.addEventListener = function (type, fn, o) { const k = key(this, type, fn); if (k) t.listeners.add(k); return add.call(this, type, fn, o); };
  EventTarget.prototype.removeEventListener = function (type, fn, o) { const k = key(this, type, fn); if (k) t.listeners.delete(k); return remove.call(this, type, fn, o); };
};
const leftovers = (page) => page.evaluate(() => ({
  listeners: [...window.__rr.listeners].sort(),
  locks: window.__rr.locks,
  released: window.__rr.released,
  audioOpen: window.__rr.audio.filter((a) => a.state !== 'closed').length,
}));

async function runSession(page, root) {
  const w = page.locator(root);
  await w.locator('.rr-title').waitFor();
  const click = (text) => w.locator('button', { hasText: text }).first().click();
  if (root.includes('roll-routine[')) {
    await click('A warm-up');
  } else {
    await click('None of these'); await click('Longer ago'); await click('Neither');
  }
  await w.locator('.rr-start').first().click();
  await w.locator('.rr-player').waitFor();
  await page.waitForTimeout(1200);
}

test('a single-page app adds and removes widgets: each one mounts by itself and leaves nothing running', async () => {
  const { context, page, errors } = await open({ viewport: { width: 800, height: 1000 } });
  await page.addInitScript(instrument);
  await page.goto(`${base}/hosts/spa.html`);
  await page.waitForFunction(() => window.RollRoutine);
  const idle = await leftovers(page);
  const report = [];
  for (const [route, root] of [['#/back', '[data-roll-routine]'], ['#/hands', 'roll-routine[family]']]) {
    await page.evaluate((r) => { location.hash = r; }, route);
    await runSession(page, root);
    const running = await page.evaluate(() => window.__rr.fired.length);
    const cancelsBefore = await page.evaluate(() => window.__rr.cancels);
    assert.ok(running > 0, 'the session runs on timers');
    await shot(page, `40-spa-${route.slice(2)}-running`);
    // The route changes: the router replaces the markup, the widget's element leaves.
    const removedAt = await page.evaluate(() => { location.hash = '#/about'; return performance.now(); });
    await page.waitForTimeout(3000);
    const late = await page.evaluate((t) => window.__rr.fired.filter(([, at]) => at > t + 50), removedAt);
    const now = await leftovers(page);
    const cancels = await page.evaluate(() => window.__rr.cancels);
    report.push({ route, timersBeforeRemoval: running, timersAfterRemoval: late.length, speechCancelled: cancels > cancelsBefore, ...now });
    assert.ok(cancels > cancelsBefore, `${route}: any spoken cue is cancelled`);
    assert.deepEqual(late, [], `${route}: no timer fires after the widget left`);
    assert.equal(now.released, now.locks, `${route}: every wake lock is released`);
    assert.ok(now.locks > 0, 'a wake lock was taken while running');
    assert.equal(now.audioOpen, 0, `${route}: no audio context left open`);
    assert.deepEqual(now.listeners, idle.listeners, `${route}: no document or window listener left`);
  }
  fs.writeFileSync(path.join(out, 'spa-leftovers.json'), JSON.stringify(report, null, 2));
  // And back again: a new widget in the new markup.
  await page.evaluate(() => { location.hash = '#/back'; });
  await page.locator('[data-roll-routine] .rr-title').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page rendered by Preact: the widget follows the framework\'s renders', async () => {
  const { context, page, errors } = await open({ viewport: { width: 800, height: 1000 } });
  await page.addInitScript(instrument);
  await page.goto(`${base}/hosts/preact.html`);
  const title = () => page.locator('.rr .rr-title').textContent();
  await page.locator('roll-routine .rr-title').waitFor();
  assert.equal(await title(), 'First, a quick safety check');
  await shot(page, '41-preact');
  // Preact changes the attribute: the widget remounts with the new option.
  await page.evaluate(() => window.app.setFamily('forearms'));
  await page.waitForFunction(() => document.querySelector('.rr .rr-title')?.textContent === 'What are you rolling for?');
  assert.equal(await page.locator('.rr').count(), 1, 'one widget, remounted');
  assert.equal(await page.locator('roll-routine > a').count(), 0, 'the fallback link Preact rendered waits aside');
  // A render of the same element leaves the widget alone, and no stray fallback appears.
  await page.evaluate(() => window.app.rerender());
  await page.locator('text=renders: 1').waitFor();
  assert.equal(await page.locator('roll-routine > a').count(), 0);
  await runSession(page, 'roll-routine[family]');
  // Preact removes the element: nothing keeps running.
  const removedAt = await page.evaluate(() => { window.app.setShown(false); return performance.now(); });
  await page.waitForTimeout(2500);
  assert.deepEqual(await page.evaluate((t) => window.__rr.fired.filter(([, at]) => at > t + 50), removedAt), []);
  const now = await leftovers(page);
  assert.equal(now.released, now.locks);
  assert.equal(now.audioOpen, 0);
  // The data-attribute form, rendered by Preact too.
  await page.evaluate(() => { window.app.setKind('div'); window.app.setShown(true); });
  await page.locator('[data-roll-routine] .rr-title').waitFor();
  assert.equal(await title(), 'What are you rolling for?');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long article: nothing heavy before the page has loaded, the code early after it, the widget drawn before it shows, and nothing shifts', async () => {
  const { context, page, requests, errors } = await open({ viewport: { width: 800, height: 900 } });
  await page.addInitScript(watch);
  let loaded = false;
  const early = [];
  page.on('load', () => { loaded = true; });
  page.on('request', (r) => { if (!loaded && /roll-routine-app|\.wasm/.test(r.url())) early.push(r.url()); });
  await page.goto(`${base}/hosts/long.html`);
  await page.waitForTimeout(1500);
  // Before the page's own load is done: the loader and its stylesheet only (LCP, TBT).
  assert.deepEqual(early, [], 'no glue or wasm before the page has loaded');
  const top = await page.locator('#widget').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top > 4 * 900, `the widget starts far below the first screen (${top} px)`);
  // After it, the code for a widget within ten screens comes while the browser is idle...
  const heavy = () => requests.filter((u) => /roll-routine-app|\.wasm/.test(u));
  assert.equal(heavy().filter((u) => u.endsWith('.wasm')).length, 1, 'the code came early');
  // ...but the widget is not drawn while it is more than three screens away.
  assert.equal(await page.locator('.rr').count(), 0);
  // Within three screens: drawn before the reader gets there.
  await page.evaluate((y) => window.scrollTo(0, y), top - 3.5 * 900);
  await page.locator('.rr .rr-title').waitFor();
  assert.equal(heavy().filter((u) => u.endsWith('.wasm')).length, 1);
  await page.locator('#widget').scrollIntoViewIfNeeded();
  await shot(page, '42-long-article');
  assert.equal(await page.evaluate(() => window.__cls), 0, 'no layout shift');
  assert.deepEqual(errors, []);
  await context.close();
});

test('touching or focusing a far widget loads it', async () => {
  const { context, page, requests } = await open({ viewport: { width: 800, height: 900 } });
  await page.goto(`${base}/hosts/long.html`);
  await page.waitForTimeout(500);
  // Tab to the fallback link without scrolling the page's observer into play.
  await page.locator('#widget a').focus({ preventScroll: true });
  await page.locator('.rr .rr-title').waitFor();
  assert.ok(requests.some((u) => u.endsWith('.wasm')));
  await context.close();
});

test('the iframe embed sizes its frame through postMessage', async () => {
  const { context, page, errors } = await open({ viewport: { width: 500, height: 900 } });
  await page.goto(`${base}/hosts/iframe.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.rr-title').waitFor();
  const height = () => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
  const inner = () => page.locator('iframe').evaluate((f) => f.contentDocument.documentElement.getBoundingClientRect().height);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height !== 300);
  assert.ok(Math.abs((await height()) - (await inner())) <= 1, 'the frame is as tall as its page');
  const first = await height();
  assert.equal(await frame.locator('.rr-title').textContent(), 'What are you rolling for?', 'options from the query');
  await frame.locator('button', { hasText: 'A warm-up' }).click();
  await frame.locator('.rr-routine').waitFor();
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height !== h, first);
  assert.ok(Math.abs((await height()) - (await inner())) <= 1, 'and follows it when it grows');
  await shot(page, '43-iframe');
  assert.deepEqual(errors, []);
  await context.close();
});
