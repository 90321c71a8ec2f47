// End-to-end: where blogs live. A pasted link turned into an embed as WordPress does it (a
// sandboxed frame), and the embed builder, on the release build (dist/) served with the headers
// of scripts/serve (scripts/headers.mjs). The widget's site and the host pages are two
// origins, as a blog and a CDN are. Run: node tests/e2e/embed.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, here, dist } from './serve.mjs';
import { writeFamilies, compact } from '../../scripts/site.mjs';
import { headersFor } from '../../scripts/headers.mjs';

const out = path.join(here, 'out');
const hosts = path.join(here, 'hosts');
fs.mkdirSync(out, { recursive: true });

let site, host, browser, oembed;
/** Pages the tests write: /paste/<name>.html on the host's origin holds a pasted snippet. */
const pastes = new Map();

before(async () => {
  // The family pages and their oEmbed responses for this server's address (the build wrote
  // them for ROLL_ROUTINE_SITE); everything else as built.
  oembed = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-oembed-'));
  site = await serve({
    route: (url) => (/^\/(family|oembed)\//.test(url.pathname) ? [oembed, url.pathname] : [dist, url.pathname]),
  });
  const pageCss = fs.readdirSync(dist).find((f) => /^page-[0-9a-f]{12}\.css$/.test(f));
  writeFamilies(oembed, `${site.base}/`, pageCss);
  host = await serve({
    route: (url) => (url.pathname.startsWith('/hosts/') ? [hosts, url.pathname.slice(7)] : [dist, url.pathname]),
    hook: (req, res, file, url) => {
      const name = url.pathname.match(/^\/paste\/([\w-]+)\.html$/)?.[1];
      if (!name) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A fresh page: ${name}</title></head>\n<body>\n${pastes.get(name)}\n</body></html>`);
      return true;
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.close();
  host?.close();
  fs.rmSync(oembed, { recursive: true, force: true });
});

async function open(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 700, height: 900 }, ...opts });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // A missing file fails the test, but for the favicon Chromium asks every page for.
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
  return { context, page, requests, errors: { get list() { return errors.filter((e) => !/^Failed to load resource/.test(e)); } } };
}
const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });

/** The WordPress-style host page with `url` pasted, once its frame's widget shows. */
async function pasted(page, url) {
  await page.goto(`${host.base}/hosts/wordpress.html?url=${encodeURIComponent(url)}`);
  await page.waitForFunction(() => window.wp.steps.includes('inserted') || window.wp.error);
  const wp = await page.evaluate(() => window.wp);
  assert.equal(wp.error, null, 'discovery, the oEmbed response and its iframe all pass');
  const frame = page.frameLocator('iframe.wp-embedded-content');
  await frame.locator('.rr-title').waitFor();
  const inner = page.frames().find((f) => f.url().includes('/frame.html'));
  return { wp, frame, inner };
}

/** The frame's element height and its page's height, once WordPress has sized it. */
async function sized(page, inner) {
  const want = await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const clamped = Math.min(1000, Math.max(200, want));
  await page.waitForFunction((h) => Number(document.querySelector('iframe.wp-embedded-content').height) === h, clamped);
  return { want, height: await page.locator('iframe.wp-embedded-content').evaluate((f) => f.getBoundingClientRect().height) };
}

test('a sandboxed frame: a pasted family link becomes an embed (discovery, oEmbed JSON, allow-scripts and a secret) that WordPress sizes to its full height, and a session starts', async () => {
  const { context, page, errors } = await open();
  const link = `${site.base}/family/lower-back.html`;
  const { wp, frame, inner } = await pasted(page, link);
  assert.ok(wp.discoveryAt > 0 && wp.discoveryAt < 1024, `the discovery link is in the page's first KB (${wp.discoveryAt})`);
  assert.deepEqual(Object.keys(wp.oembed).sort(),
    ['cache_age', 'height', 'html', 'provider_name', 'provider_url', 'title', 'type', 'version', 'width'].sort());
  assert.equal(wp.oembed.provider_url, `${site.base}/`);
  assert.ok(wp.oembed.width > 0 && wp.oembed.height > 0);
  assert.equal(wp.oembed.html,
    `<iframe src="${site.base}/frame.html?family=lower-back" width="600" height="640" title="Foam rolling for a sore lower back" frameborder="0"></iframe>`);
  assert.equal(await page.locator('iframe.wp-embedded-content').getAttribute('sandbox'), 'allow-scripts');
  assert.equal(await inner.evaluate(() => self.origin), 'null', 'the frame runs in an opaque origin');

  // Sized from the height messages, at the widget's full height: nothing to scroll inside.
  let { want, height } = await sized(page, inner);
  assert.ok(want < 1000 && Math.abs(height - want) <= 1, `the frame is as tall as its page (${height} vs ${want})`);
  assert.equal(await frame.locator('.rr-title').textContent(), 'First, a quick safety check');
  await shot(page, '60-wordpress-questions');

  for (const answer of ['None of these', 'Longer ago', 'It builds up when I sit', 'Continue']) {
    await frame.locator('.rr button', { hasText: answer }).first().click();
  }
  await frame.locator('.rr-routine').waitFor();
  ({ want, height } = await sized(page, inner));
  assert.ok(want > 1000 && height === 1000, `a long routine is clamped to 1000 px as WordPress does (${want})`);
  assert.ok(wp.heights !== undefined && (await page.evaluate(() => window.wp.heights.length)) >= 2, 'a message on every change');

  await frame.locator('.rr button', { hasText: /^Start/ }).first().click();
  await frame.locator('.rr-player').waitFor();
  const first = await frame.locator('.rr-count').textContent();
  await page.waitForTimeout(1300);
  assert.notEqual(await frame.locator('.rr-count').textContent(), first, 'the session runs inside the sandbox');
  ({ want, height } = await sized(page, inner));
  assert.ok(Math.abs(height - Math.min(1000, want)) <= 1, 'the player is sized too');
  await shot(page, '61-wordpress-player');
  // The sandbox refuses the wake lock (no allow attribute): the session runs without it.
  assert.deepEqual(errors.list.filter((e) => !/screen-wake-lock is not allowed/.test(e)), [], 'no other console error');
  await context.close();
});

test('a sandboxed frame: links go out as WordPress link messages, and the full routine opens in its own page', async () => {
  const { context, page } = await open();
  const { frame, inner } = await pasted(page, `${site.base}/family/lower-back.html`);
  // An article link: posted with the secret; WordPress follows only links to the frame's host.
  await routine(frame);
  const guide = frame.locator('.rr-guides a.rr-more').first();
  const article = await guide.evaluate((a) => a.href);
  assert.match(article, /^https:\/\/321strong\.com\//);
  await guide.click();
  await page.waitForFunction((a) => window.wp.links.includes(a), article);
  assert.equal(page.url().startsWith(host.base), true, 'another host\'s link is left to the reader');
  assert.ok(await inner.evaluate(() => location.pathname === '/frame.html'), 'the frame did not navigate either');
  // The way out of the sandbox: the family's own page, where progress is kept.
  const own = frame.locator('.frame-own a');
  assert.equal(await own.textContent(), 'To keep your progress, open the routine in its own page');
  await own.click();
  await page.waitForURL(`${site.base}/family/lower-back.html`);
  await page.locator('.rr .rr-title').waitFor();
  assert.equal(await page.locator('.rr .rr-title').textContent(), 'First, a quick safety check');
  assert.equal(await page.evaluate(() => { localStorage.setItem('rr-probe', '1'); return localStorage.getItem('rr-probe'); }), '1',
    'its own page has storage');
  await context.close();
});

test('a sandboxed frame: served without the CORS header, nothing of the widget loads in it (what the headers are for)', async () => {
  // The same files and headers but Access-Control-Allow-Origin: the frame's opaque origin
  // (Origin: null) may not run its own module scripts.
  const bare = await serve({
    hook: (req, res, file) => {
      if (!fs.existsSync(file)) return false;
      const { 'access-control-allow-origin': _, ...headers } = headersFor(file);
      res.writeHead(200, headers);
      fs.createReadStream(file).pipe(res);
      return true;
    },
  });
  try {
    pastes.set('sandboxed', `<iframe sandbox="allow-scripts" src="${bare.base}/frame.html#?secret=abc" width="600" height="400" title="x"></iframe>`);
    const { context, page } = await open();
    await page.goto(`${host.base}/paste/sandboxed.html`);
    const frame = page.frameLocator('iframe');
    await frame.locator('roll-routine a').waitFor();
    await page.waitForTimeout(1500);
    assert.equal(await frame.locator('.rr').count(), 0, 'no widget without CORS');
    await context.close();
  } finally {
    bare.close();
  }
});

// The widget's own line where storage is blocked (src/components/progress.rs).
test('a sandboxed frame: the reader is told progress is not kept here', async () => {
  const { context, page } = await open();
  const { frame } = await pasted(page, `${site.base}/family/lower-back.html`);
  // Said by the time the reader has a plan to keep (the routine, with its progress).
  await routine(frame);
  await frame.getByText(/not kept/).first().waitFor({ timeout: 5000 });
  assert.ok(await frame.getByText(/not kept/).first().isVisible());
  await shot(page, '64-wordpress-routine-not-kept');
  await context.close();
});

// ---- The embed builder ----

const COLOUR = '#aa3355';
const RGB = 'rgb(170, 51, 85)';
const BASE = 'https://blog.example.org';
/** What the builder test copied, for the test that pastes it. */
let copied;

/** What a widget shows, wherever it is (`scope` is a page or a frame locator). */
async function widget(scope) {
  await scope.locator('.rr .rr-title').waitFor();
  return {
    title: await scope.locator('.rr .rr-title').textContent(),
    accent: await scope.locator('.rr .rr-primary').first().evaluate((b) => getComputedStyle(b).backgroundColor),
  };
}
/** Through the lower-back questions to the routine: its article links and the stored keys. */
async function routine(scope, evaluate) {
  for (const answer of ['None of these', 'Longer ago', 'It builds up when I sit', 'Continue']) {
    await scope.locator('.rr button', { hasText: answer }).first().click();
  }
  await scope.locator('.rr-routine').waitFor();
  const links = await scope.locator('.rr a.rr-more').evaluateAll((as) => as.map((a) => a.href));
  return { links, keys: evaluate && await evaluate(() => Object.keys(localStorage)) };
}

test('the embed builder: each option changes the live widget and each snippet; keyboard, screen reader and axe; no request off the page', async () => {
  const { context, page, requests, errors } = await open({ viewport: { width: 900, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
  await page.goto(`${site.base}/builder.html`);
  const preview = page.locator('#preview');
  const code = async () => Object.fromEntries(await page.locator('.b-snippet').evaluateAll(
    (boxes) => boxes.map((b) => [b.dataset.form, b.querySelector('textarea').value])));
  assert.equal((await widget(preview)).title, 'First, a quick safety check');
  const before = await code();
  assert.equal(before.link, `${site.base}/family/lower-back.html`);
  await shot(page, '62-builder');
  // Evaluated, not added as a script tag, which the page's own CSP would refuse.
  await page.evaluate(fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const axe = (p) => p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`));
  assert.deepEqual(await axe(page), [], 'axe-core finds nothing on the builder, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axe(page), [], 'nor dark (the widget\'s own colours)');
  await page.screenshot({ path: path.join(out, '65-builder-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  // A wide screen: the preview beside the options, kept in view.
  await page.setViewportSize({ width: 1400, height: 900 });
  assert.deepEqual(await axe(page), [], 'nor on a wide screen');
  await page.screenshot({ path: path.join(out, '66-builder-wide.png') });
  await page.setViewportSize({ width: 900, height: 1000 });

  // Family, by keyboard: the first control in the tab order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'family');
  await page.locator('#family').selectOption('forearms');
  await preview.locator('.rr .rr-title', { hasText: 'What are you rolling for?' }).waitFor();
  let now = await code();
  assert.match(now.element, /<roll-routine family="forearms">/);
  assert.match(now.data, /<div data-roll-routine data-family="forearms">/);
  assert.match(now.iframe, /frame\.html\?family=forearms"/);
  assert.equal(now.link, `${site.base}/family/forearms.html`);
  const forearmsLink = now.link;
  await page.locator('#family').selectOption('lower-back');
  await preview.locator('.rr .rr-title', { hasText: 'First, a quick safety check' }).waitFor();
  now = await code();
  assert.match(now.element, /<roll-routine family="lower-back">/);
  assert.equal(now.link, `${site.base}/family/lower-back.html`);

  // Link base: a bad one says so and keeps the default; a good one goes everywhere but the link.
  await page.locator('#base').fill('javascript:alert(1)');
  assert.equal(await page.locator('#base-error').isVisible(), true);
  assert.equal(await page.locator('#base').getAttribute('aria-invalid'), 'true');
  assert.doesNotMatch((await code()).element, /javascript/);
  await page.locator('#base').fill(BASE);
  assert.equal(await page.locator('#base-error').isVisible(), false);
  assert.equal(await page.locator('#base').getAttribute('aria-invalid'), null);
  await page.waitForFunction((b) => document.querySelector('#preview roll-routine')?.getAttribute('base') === b, BASE);
  now = await code();
  assert.match(now.element, / base="https:\/\/blog\.example\.org"/);
  assert.match(now.data, / data-base="https:\/\/blog\.example\.org"/);
  assert.match(now.iframe, /&amp;base=https%3A%2F%2Fblog\.example\.org/);
  assert.equal(now.link, `${site.base}/family/lower-back.html`, 'a link carries the family only');

  // Storage key.
  await page.locator('#storage-key').fill('our-hands');
  await page.waitForFunction(() => document.querySelector('#preview roll-routine')?.getAttribute('storage-key') === 'our-hands');
  now = await code();
  assert.match(now.element, / storage-key="our-hands"/);
  assert.match(now.data, / data-storage-key="our-hands"/);
  assert.match(now.iframe, /storage-key=our-hands/);

  // Colours that make text hard to read are named, with their contrast.
  assert.equal(await page.locator('#contrast').textContent(), '');
  await page.locator('#accent-text').fill('#a0c0b0');
  assert.equal(await page.locator('#contrast').textContent(),
    'Hard to read: button text on buttons (3.1 to 1). Aim for 4.5 to 1 or more.');
  await page.locator('#accent-text').fill('#ffffff');
  assert.equal(await page.locator('#contrast').textContent(), '');
  // A theme colour: the live widget's buttons and every snippet but the link.
  await page.locator('#accent').fill(COLOUR);
  await page.waitForFunction((rgb) => {
    const b = document.querySelector('#preview .rr .rr-primary');
    return b && getComputedStyle(b).backgroundColor === rgb;
  }, RGB);
  now = await code();
  assert.match(now.element, / style="--rr-accent: #aa3355"/);
  assert.match(now.data, / style="--rr-accent: #aa3355"/);
  assert.match(now.iframe, /accent=%23aa3355/);
  const live = await routine(preview, (f) => page.evaluate(f));
  assert.ok(live.links.length > 0 && live.links.every((h) => h.startsWith(BASE)), live.links.join(' '));
  assert.ok(live.keys.includes('our-hands'), `the live widget keeps progress under the key (${live.keys})`);

  // By keyboard: Enter on a copy button copies.
  await page.locator('.b-snippet[data-form="link"] .b-copy').focus();
  await page.keyboard.press('Enter');
  await page.locator('#copied', { hasText: 'Copied: Link.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), now.link);
  // Each copy button puts its snippet on the clipboard and says so.
  for (const form of ['element', 'data', 'iframe', 'link']) {
    await page.locator(`.b-snippet[data-form="${form}"] .b-copy`).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), now[form]);
    assert.match(await page.locator('#copied').textContent(), /^Copied: /);
  }
  await page.locator('#preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, '63-builder-set.png') });

  assert.deepEqual(await axe(page), [], 'axe-core finds nothing on the builder, with the colours set');
  const outside = requests.filter((u) => !u.startsWith(site.base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'no request leaves the page\'s own site');
  assert.deepEqual(errors.list, []);
  copied = { ...now, forearmsLink };
  fs.writeFileSync(path.join(out, 'builder-snippets.json'), JSON.stringify(copied, null, 2));
  await context.close();
});

test('the embed builder: each copied snippet, pasted into a fresh page on another site, gives that widget', async () => {
  assert.ok(copied, 'the snippets the builder test copied (it runs first)');
  const snippets = copied;
  for (const form of ['element', 'data']) {
    pastes.set(form, snippets[form]);
    const { context, page, errors } = await open();
    await page.goto(`${host.base}/paste/${form}.html`);
    const w = await widget(page);
    assert.deepEqual(w, { title: 'First, a quick safety check', accent: RGB }, form);
    const r = await routine(page, (f) => page.evaluate(f));
    assert.ok(r.links.length > 0 && r.links.every((h) => h.startsWith(BASE)), `${form}: ${r.links}`);
    assert.ok(r.keys.includes('our-hands'), `${form}: ${r.keys}`);
    assert.deepEqual(errors.list, [], form);
    await context.close();
  }
  {
    pastes.set('iframe', snippets.iframe);
    const { context, page, errors } = await open();
    await page.goto(`${host.base}/paste/iframe.html`);
    const frame = page.frameLocator('iframe');
    assert.deepEqual(await widget(frame), { title: 'First, a quick safety check', accent: RGB }, 'iframe');
    const inner = page.frames().find((f) => f.url().includes('/frame.html'));
    const r = await routine(frame, (f) => inner.evaluate(f));
    assert.ok(r.links.length > 0 && r.links.every((h) => h.startsWith(BASE)), `iframe: ${r.links}`);
    assert.ok(r.keys.includes('our-hands'), `iframe: ${r.keys}`);
    await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 700);
    assert.deepEqual(errors.list, [], 'iframe');
    await context.close();
  }
  {
    // The links, pasted into the WordPress-style page: each family's widget.
    const { context, page } = await open();
    let { frame } = await pasted(page, snippets.link);
    assert.equal(await frame.locator('.rr-title').textContent(), 'First, a quick safety check');
    ({ frame } = await pasted(page, snippets.forearmsLink));
    assert.equal(await frame.locator('.rr-title').textContent(), 'What are you rolling for?');
    await context.close();
  }
});

test('page cost before the widget is near: the loader as host pages fetch it has no comment lines or indentation, fewer bytes, and a template literal is refused', () => {
  const source = fs.readFileSync(path.join(here, '../../assets/embed/roll-routine.js'), 'utf8');
  const built = fs.readFileSync(path.join(dist, 'roll-routine.js'), 'utf8');
  const lines = built.split('\n').filter(Boolean);
  assert.deepEqual(lines.filter((l) => /^\s|^\/\//.test(l)), [], 'every line starts with code');
  assert.ok(built.length < 0.75 * source.length, `built ${built.length} bytes against ${source.length} in the source`);
  // The same statements: only the hashed names differ from compacting the source.
  assert.equal(built.replace(/-[0-9a-f]{12}\./g, '.'), compact(source));
  assert.throws(() => compact('const a = `one\n// two`;\n'), /template literal/);
});
