// The benchmark: prints every figure of the budgets table in ../shared/spec/widget.md, with
// its budget and whether it holds, from one run. It expects both release builds in place
// (scripts/bench makes them): ../dist (the widget) and hello-world/dist (the fixture).
// Figures are ratios to the fixture measured in the same run, where the budget is a ratio.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionNames } from './names.mjs';
import { HASHED } from '../scripts/short-names.mjs';
import { serveSite } from './site-server.mjs';
import { lighthouseFigures } from './lighthouse.mjs';
import { CHROMIUM, FIXTURE_FILES, WIDGET_FILES, barePage, brotli, built as builtIn, firstRender as renderIn, kb, launchBrowser, median, sizeBudget, sizes } from './widget-build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const widgetDist = path.resolve(here, '../dist');
const helloDist = path.join(here, 'hello-world/dist');
const out = path.join(here, 'out');
const site = path.join(out, 'site');
const quick = process.argv.includes('--quick');
const results = [];

function record(figure, value, budget, holds, note = '') {
  results.push({ figure, value, budget, holds, note });
  console.log(`  ${holds === null ? '  ' : holds ? 'ok' : '!!'} ${figure}: ${value}  (budget: ${budget})${note ? `  ${note}` : ''}`);
}

// ---- both apps built the same way: the same wasm-opt level and flags, and both with their
// hashed import and export names shortened (scripts/short-names.mjs) ----
const wasmOpt = (file) => {
  const html = fs.readFileSync(file, 'utf8');
  const level = /data-wasm-opt="([^"]*)"/.exec(html);
  const params = /data-wasm-opt-params="([^"]*)"/.exec(html);
  if (!level || !params) throw new Error(`${file}: no data-wasm-opt / data-wasm-opt-params`);
  return `${level[1]} ${params[1]}`;
};
const optWidget = wasmOpt(path.resolve(here, '../index.html'));
const optHello = wasmOpt(path.join(here, 'hello-world/index.html'));
if (optWidget !== optHello) {
  throw new Error(`the widget and the fixture must be built the same way:\n  widget:  ${optWidget}\n  fixture: ${optHello}`);
}
for (const dir of [widgetDist, helloDist]) {
  const file = fs.readdirSync(dir).find((f) => /_bg(-[0-9a-f]{12})?\.wasm$/.test(f));
  const mod = new WebAssembly.Module(fs.readFileSync(path.join(dir, file)));
  const hashed = [...WebAssembly.Module.imports(mod), ...WebAssembly.Module.exports(mod)].filter((i) => HASHED.test(i.name));
  if (hashed.length) throw new Error(`${dir}/${file}: ${hashed.length} hashed names left (${hashed[0].name}); both builds shorten them`);
}

// ---- a site with both builds and a widget-free copy of the demo page ----
fs.rmSync(site, { recursive: true, force: true });
fs.cpSync(widgetDist, path.join(site, 'widget'), { recursive: true });
fs.cpSync(helloDist, path.join(site, 'hello'), { recursive: true });
// The build names the widget's code and styles by a hash of their bytes (scripts/site.mjs):
// `built('roll-routine-app.js')` is the file's name in this build.
const built = (name) => builtIn(widgetDist, name);
const demo = fs.readFileSync(path.join(widgetDist, 'demo.html'), 'utf8');
const plain = demo
  .replace(/\s*<link rel="stylesheet" href="roll-routine.css" \/>/, '')
  .replace(/\s*<script type="module" src="roll-routine.js"><\/script>/, '');
fs.writeFileSync(path.join(site, 'widget', 'demo-plain.html'), plain);
// The long article of the end-to-end test, with the widget below the first screen, and the
// same article without the widget: the page cost before the widget is near.
const hostsDir = path.resolve(here, '../tests/e2e/hosts');
const long = fs.readFileSync(path.join(hostsDir, 'long.html'), 'utf8').replace(/"\/roll-routine\./g, '"roll-routine.');
fs.copyFileSync(path.join(hostsDir, 'long.css'), path.join(site, 'widget', 'long.css'));
fs.writeFileSync(path.join(site, 'widget', 'long.html'), long);
const longPlain = long
  .replace(/\s*<link rel="stylesheet" href="roll-routine.css" \/>/, '')
  .replace(/\s*<script type="module" src="roll-routine.js"><\/script>/, '');
if (longPlain === long || long.includes('"/roll-routine')) throw new Error('bench: could not make the long article pages');
fs.writeFileSync(path.join(site, 'widget', 'long-plain.html'), longPlain);
// First render is timed on a page that holds only the app (bench/widget-build.mjs, barePage).
const bare = barePage(fs.readFileSync(path.join(widgetDist, 'index.html'), 'utf8'));
fs.writeFileSync(path.join(site, 'widget', 'bare.html'), bare);

// Served over HTTP/1.1, and over HTTP/2 for the row that loads the long article as most hosts
// serve it (bench/site-server.mjs), brotli-compressed as a host would.
const { base, base2, close } = await serveSite(site, { compress: true });

// ---- 1. transfer size ----
console.log('\n1. Transfer size (release builds)');
const w = sizes(widgetDist, WIDGET_FILES.map(built));
const h = sizes(helloDist, FIXTURE_FILES);
for (const [name, s] of [['widget', w], ['hello-world', h]]) {
  for (const r of s.rows) console.log(`     ${name.padEnd(11)} ${r.f.padEnd(28)} raw ${kb(r.raw).padStart(9)}  gzip ${kb(r.gz).padStart(8)}  brotli ${kb(r.br).padStart(8)}`);
  console.log(`     ${name.padEnd(11)} ${'total'.padEnd(28)} raw ${kb(s.total.raw).padStart(9)}  gzip ${kb(s.total.gz).padStart(8)}  brotli ${kb(s.total.br).padStart(8)}`);
}
// The budget: wasm + JS + CSS at most 1.9 times the fixture's, and the pictures at most 8 KB
// more in all. The pictures are drawn at run time by src/core/figure/, so their drawing code
// and pose data are inside the wasm: the widget's total is held against 1.9 x fixture + 8 KB.
const sizeRatio = w.total.br / h.total.br;
record('transfer size, brotli, widget / hello-world', `${kb(w.total.br)} / ${kb(h.total.br)} = ${sizeRatio.toFixed(2)}`,
  `<= 1.9 x hello-world + 8 KB = ${kb(sizeBudget(h.total.br))}`, w.total.br <= sizeBudget(h.total.br));
// The pictures' own cost, measured: the SVG markup of every picture the widget can draw
// (figure::ALL, written out by `cargo run --example figures`, which scripts/bench runs),
// brotli-compressed together as one file. This is what the pictures would weigh inlined or
// fetched; the widget never transfers this markup, it draws it, and the code that draws it
// is counted in the wasm above.
{
  const figs = path.join(out, 'figs');
  const files = fs.existsSync(figs) ? fs.readdirSync(figs).filter((f) => f.endsWith('.svg')).sort() : [];
  if (!files.length) throw new Error(`bench: no pictures in ${figs}; scripts/bench draws them (cargo run --example figures -- DIR)`);
  const svgs = files.map((f) => fs.readFileSync(path.join(figs, f)));
  const all = Buffer.concat(svgs);
  const together = brotli(all);
  const apart = svgs.reduce((t, b) => t + brotli(b), 0);
  console.log(`     pictures    ${files.length} SVG files, raw ${kb(all.length)}; brotli each on its own, summed: ${kb(apart)}`);
  record(`pictures: drawn SVG markup of all ${files.length}, brotli together`, `${kb(together)} (raw ${kb(all.length)})`, '<= 8 KB', together <= 8 * 1024,
    'markup only; the drawing code is in the wasm');
}

// What every article page pays while no widget is near the screen: the loader and the
// stylesheet, nothing else.
const before = sizes(widgetDist, ['roll-routine.js', 'roll-routine.css']);
record('page cost before the widget is near: loader + CSS, brotli', `${kb(before.rows[0].br)} + ${kb(before.rows[1].br)} = ${kb(before.total.br)}`,
  '<= 4 KB', before.total.br <= 4096);

const browser = await launchBrowser();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- 2. first render ----
console.log('\n2. First render after the script starts (headless Chromium)');
const firstRender = (url, selector) => renderIn(browser, url, selector);
// Start-up times on these machines vary by a third from run to run; the budget asks for the
// median of at least 21 interleaved pairs. --quick runs fewer and says its verdict does not
// meet that rule.
const PAIRS = 21;
const runs = quick ? 5 : PAIRS;
const tw = [], th = [];
for (let i = 0; i < runs; i++) {
  th.push(await firstRender(`${base}/hello/`, '.hello'));
  tw.push(await firstRender(`${base}/widget/bare.html`, '.rr-title'));
}
const renderRatio = median(tw) / median(th);
record(`first render, widget / hello-world, median of ${runs}${runs < PAIRS ? ' (--quick: fewer pairs than the rule asks)' : ''}`,
  `${median(tw).toFixed(1)} ms / ${median(th).toFixed(1)} ms = ${renderRatio.toFixed(2)}`, '<= 1.3', renderRatio <= 1.3,
  runs < PAIRS ? `(--quick: ${runs} pairs, fewer than the ${PAIRS} the budget asks for; this verdict does not meet the rule)` : '');

// ---- 2a. wasm bytes compiled before the first screen, from a trace ----
// V8 compiles a wasm function on its first call (lazy compilation, Liftoff). With the trace
// category disabled-by-default-v8.wasm.detailed, Chromium emits one wasm.CompileBaseline
// event per function compiled, with its funcIndex and bodySize (and v8.wasm's
// wasm.CompileLazy with func_index). The figure is the sum of the body sizes of the distinct
// functions compiled from the page's first request for the wasm until the first screen is
// in the DOM. Yew inserts an element empty and then its children, and after the screen's
// last insertion the apps go on to effects and timers whose order from run to run varies;
// so the window ends at the last DOM insertion made before a MutationObserver first sees
// the app's first element (each insertion is marked in the trace with console.timeStamp).
// That window holds the whole first screen and nothing after it, and it counts code, not
// time: the figure is the same from run to run. The body sizes are checked against the
// wasm's own code section, parsed here.
console.log('\n2a. Wasm bytes compiled before the first screen (headless Chromium, trace)');
function codeBodySizes(file) {
  const buf = fs.readFileSync(file);
  // Functions are indexed imports first; the code section holds the module's own ones.
  const imported = WebAssembly.Module.imports(new WebAssembly.Module(buf)).filter((i) => i.kind === 'function').length;
  let p = 8;
  const leb = () => { let r = 0, sh = 0, b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** sh; sh += 7; } while (b & 0x80); return r; };
  while (p < buf.length) {
    const id = buf[p++], len = leb(), end = p + len;
    if (id === 10) {
      const sizes = new Map();
      const n = leb();
      for (let i = 0; i < n; i++) { const size = leb(); sizes.set(imported + i, size); p += size; }
      return sizes;
    }
    p = end;
  }
  throw new Error(`${file}: no code section`);
}
const domProbe = (selector) => {
  window.__shown = false;
  const mark = () => { if (!window.__shown) console.timeStamp('bench:dom'); };
  const wrap = (proto, name) => {
    const f = proto[name];
    if (typeof f === 'function') proto[name] = function (...a) { const r = f.apply(this, a); if (this.isConnected) mark(); return r; };
  };
  for (const n of ['appendChild', 'insertBefore', 'replaceChild']) wrap(Node.prototype, n);
  for (const n of ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren', 'insertAdjacentElement', 'insertAdjacentHTML']) wrap(Element.prototype, n);
  const inner = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  Object.defineProperty(Element.prototype, 'innerHTML', { ...inner, set(v) { inner.set.call(this, v); if (this.isConnected) mark(); } });
  new MutationObserver((_, obs) => {
    if (document.querySelector(selector)) { console.timeStamp('bench:seen'); window.__shown = true; obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
};
const wasmCats = ['devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'];
async function compiledBeforeRender(url, selector, bodySizes) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(domProbe, selector);
  await browser.startTracing(page, { categories: wasmCats });
  await page.goto(url);
  await page.waitForFunction(() => window.__shown);
  const events = JSON.parse(await browser.stopTracing()).traceEvents;
  await ctx.close();
  const stamp = (m) => events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === m).map((e) => e.ts);
  const start = events.find((e) => e.name === 'ResourceSendRequest' && /\.wasm$/.test(e.args?.data?.url || ''))?.ts;
  const seen = stamp('bench:seen')[0];
  const end = stamp('bench:dom').filter((t) => t <= seen).pop();
  if (start === undefined || seen === undefined || end === undefined) throw new Error(`bench: trace of ${url} has no wasm request or no first-screen marks`);
  const compiled = (until) => {
    const baseline = new Map(), lazy = new Set();
    for (const e of events) {
      if (e.ts < start || e.ts > until) continue;
      if (e.name === 'wasm.CompileBaseline') baseline.set(e.args.funcIndex, e.args.bodySize);
      if (e.name === 'wasm.CompileLazy') lazy.add(e.args.func_index);
    }
    if (baseline.size) {
      const bytes = [...baseline.values()].reduce((a, b) => a + b, 0);
      const mismatched = [...baseline].filter(([i, n]) => bodySizes.get(i) !== n).length;
      return { bytes, functions: baseline.size, source: 'wasm.CompileBaseline bodySize', mismatched, indices: baseline };
    }
    // No per-function size in the trace: the lazily compiled functions' indices, sized from
    // the code section.
    if (lazy.size) return { bytes: [...lazy].reduce((t, i) => t + (bodySizes.get(i) ?? 0), 0), functions: lazy.size, source: 'wasm.CompileLazy func_index + code section', mismatched: 0 };
    return null;
  };
  const r = compiled(end);
  return r && { ...r, seenBytes: compiled(seen).bytes };
}
{
  const sizesW = codeBodySizes(path.join(widgetDist, built('roll-routine-app_bg.wasm')));
  const sizesH = codeBodySizes(path.join(helloDist, 'hello-world_bg.wasm'));
  const cw = [], ch = [];
  // Three interleaved runs each: the figure should not move; if it does, the output says so.
  for (let i = 0; i < 3; i++) {
    ch.push(await compiledBeforeRender(`${base}/hello/`, '.hello', sizesH));
    cw.push(await compiledBeforeRender(`${base}/widget/bare.html`, '.rr-title', sizesW));
  }
  if (cw.some((r) => !r) || ch.some((r) => !r)) {
    record('wasm compiled before the first screen, widget / hello-world (trace)',
      'not measured: this Chromium emitted no per-function wasm compile event (wasm.CompileBaseline / wasm.CompileLazy)', '<= 1.25', null);
  } else {
    const range = (xs) => Math.min(...xs) === Math.max(...xs) ? kb(xs[0]) : `${kb(Math.min(...xs))} to ${kb(Math.max(...xs))}`;
    const steady = (rs) => new Set(rs.map((r) => r.bytes)).size === 1;
    for (const [name, rs, sizes] of [['widget', cw, sizesW], ['hello-world', ch, sizesH]]) {
      const r = rs[0];
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      console.log(`     ${name.padEnd(11)} ${r.functions} of ${sizes.size} functions compiled, ${range(rs.map((x) => x.bytes))} of ${kb(total)} of code` +
        ` (${steady(rs) ? 'same in all 3 runs' : 'NOT the same in all 3 runs'}; from ${r.source}` +
        `${r.mismatched ? `, ${r.mismatched} body sizes differ from the code section` : ', body sizes agree with the code section'});` +
        ` by the time an observer sees the screen: ${range(rs.map((x) => x.seenBytes))}`);
    }
    const bw = median(cw.map((r) => r.bytes)), bh = median(ch.map((r) => r.bytes));
    const ratio = bw / bh;
    record('wasm compiled before the first screen, widget / hello-world (trace)', `${kb(bw)} / ${kb(bh)} = ${ratio.toFixed(2)}`, '<= 1.25', ratio <= 1.25,
      steady(cw) && steady(ch) ? '' : '(not the same in all 3 runs: median shown)');
    // What to defer when this is over budget: the largest of those functions by name, from
    // the build that keeps its names (scripts/bench makes it first), when its code matches.
    const namedFile = path.join(here, 'out/names/named.wasm');
    if (fs.existsSync(namedFile) && cw[0].indices) {
      const sizesN = codeBodySizes(namedFile);
      const same = sizesN.size === sizesW.size && [...cw[0].indices.keys()].every((i) => sizesN.get(i) === sizesW.get(i));
      if (!same) console.log('     (the build with names differs from the shipped one: functions not named)');
      else {
        const names = functionNames(namedFile);
        console.log('     the widget\'s largest functions compiled before the first screen:');
        for (const [i, size] of [...cw[0].indices].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
          console.log(`     ${String(size).padStart(7)}  ${(names.get(i) ?? `#${i}`).replace(/::h[0-9a-f]{16}$/, '').slice(0, 140)}`);
        }
      }
    }
  }
}

// ---- 2b. nothing heavy before the widget is near ----
{
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  const requests = [];
  let loaded = false;
  page.on('load', () => { loaded = true; });
  page.on('request', (r) => requests.push({ url: r.url(), early: !loaded }));
  await page.goto(`${base}/widget/long.html`);
  await sleep(2000);
  // Before the page's own load is done, nothing of the widget but its loader and stylesheet;
  // after it, the loader may fetch the code for a widget within ten screens (2c).
  const heavy = requests.filter((r) => r.early && /roll-routine-app|\.wasm$/.test(r.url)).map((r) => r.url);
  record('long article, widget below the first screen: glue and wasm fetched before the page\'s load event', heavy.length ? heavy.join(', ') : 'none',
    'none', heavy.length === 0);
  await ctx.close();
}

// ---- 2c. the reserved box seen empty while scrolling to the widget ----
// Lighthouse's mobile profile (4x CPU slowdown, 150 ms round trips, 1.6 Mbps down), the long
// article; after the page's load event the reader scrolls at a steady speed (screens a
// second) from the top. The figure is how long the widget's box is on screen before the
// widget has drawn itself in it.
{
  const emptyFor = async (screensPerSecond) => {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${base}/widget/long.html`, { waitUntil: 'load' });
    const ms = await page.evaluate((speed) => new Promise((done) => {
      const box = document.querySelector('[data-roll-routine]');
      let seen = null;
      const drawn = () => box.querySelector('.rr-app') !== null;
      new IntersectionObserver((es) => {
        if (seen === null && es.some((e) => e.isIntersecting)) {
          seen = performance.now();
          // Drawn before its box came into view: never seen empty.
          if (drawn()) done(0);
        }
      }).observe(box);
      const began = performance.now();
      let last = began;
      const step = (t) => {
        window.scrollBy(0, (innerHeight * speed * (t - last)) / 1000);
        last = t;
        if (seen !== null && drawn()) return done(Math.max(0, performance.now() - seen));
        if (performance.now() - began > 30000) return done(Infinity);
        requestAnimationFrame(step);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(step); });
    }), screensPerSecond);
    await ctx.close();
    return ms;
  };
  console.log('\n2c. The reserved box seen empty while scrolling to it (mobile profile: 4x CPU, 150 ms RTT, 1.6 Mbps)');
  for (const [speed, budget] of [[1, 0], [2, null], [4, 300]]) {
    const runs = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) runs.push(await emptyFor(speed));
    const m = median(runs);
    record(`long article, scrolling at ${speed} screen${speed > 1 ? 's' : ''} a second: the widget's box seen empty, median of ${runs.length}`,
      `${m.toFixed(0)} ms (${runs.map((r) => r.toFixed(0)).join(', ')})`, budget === null ? 'reported' : budget === 0 ? 'none' : `<= ${budget} ms`,
      budget === null ? null : m <= Math.max(budget, 0) && m >= 0);
  }
}

// ---- 3. timing: end-of-step error and wake-ups ----
console.log('\n3. Timer accuracy and wake-ups (real player, real clock)');
const timingProbe = () => {
  window.__t0 = null; window.__changes = []; window.__wakes = 0;
  addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('.rr-start')) window.__t0 = performance.now();
  }, true);
  const st = window.setTimeout, si = window.setInterval, raf = window.requestAnimationFrame;
  window.setTimeout = (f, ...a) => st((...x) => { window.__wakes++; f(...x); }, ...a);
  window.setInterval = (f, ...a) => si((...x) => { window.__wakes++; f(...x); }, ...a);
  window.requestAnimationFrame = (f) => raf((t) => { window.__wakes++; f(t); });
  new MutationObserver(() => {
    const count = document.querySelector('.rr-count');
    const phase = document.querySelector('.rr-phase');
    if (!count) return;
    const now = performance.now();
    const text = `${phase?.textContent}|${count.textContent}`;
    const last = window.__changes[window.__changes.length - 1];
    if (!last || last.text !== text) window.__changes.push({ t: now, text });
  }).observe(document, { childList: true, subtree: true, characterData: true });
};
async function toRoutine(page) {
  const tap = (t) => page.locator('.rr button', { hasText: t }).first().click();
  await page.locator('.rr-title').waitFor();
  await tap('None of these'); await tap('Longer ago'); await tap('Neither');
  await page.locator('.rr-start').first().waitFor();
}
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(timingProbe);
  await page.goto(`${base}/widget/`);
  await toRoutine(page);
  await sleep(300);
  const idle0 = await page.evaluate(() => window.__wakes);
  await sleep(5000);
  const idle = (await page.evaluate(() => window.__wakes)) - idle0;
  record('timer wake-ups while idle (routine shown, 5 s)', `${(idle / 5).toFixed(1)} per second`, '0', idle === 0);
  await page.locator('.rr-start').first().click();
  await sleep(12500);
  const r = await page.evaluate(() => ({ t0: window.__t0, changes: window.__changes, wakes: window.__wakes }));
  const roll = r.changes.find((c) => c.text.startsWith('ROLL|'));
  const stepErr = roll.t - (r.t0 + 10000);
  record('end of a step, visible page: rendered vs wall clock', `${stepErr.toFixed(1)} ms`, '<= 17 ms (one frame)', stepErr >= 0 && stepErr <= 17);
  // Every countdown change should land on a whole second after the segment start.
  const ticks = r.changes.filter((c) => c.t > r.t0 + 500).map((c) => {
    const since = c.t - r.t0;
    return since - Math.round(since / 1000) * 1000;
  });
  const worst = Math.max(...ticks.map(Math.abs));
  record('countdown changes, visible page: worst offset from the whole second', `${worst.toFixed(1)} ms over ${ticks.length} changes`, '<= 17 ms', worst <= 17);
  const w0 = await page.evaluate(() => window.__wakes);
  await sleep(5000);
  const running = (await page.evaluate(() => window.__wakes)) - w0;
  record('timer wake-ups while running (5 s)', `${(running / 5).toFixed(1)} per second`, 'about 1', running >= 4 && running <= 6);

  // A page frozen while a step ends (as a hidden tab or a sleeping phone): the display is
  // right on return, and the countdown is back on whole seconds.
  await page.locator('.rr button', { hasText: 'End session' }).click();
  await page.locator('.rr button', { hasText: 'About the same' }).click();
  await page.locator('.rr button', { hasText: 'Back to my routine' }).click();
  await page.evaluate(() => { window.__changes = []; });
  await page.locator('.rr-start').first().click();
  await sleep(2000);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await sleep(12000);
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await sleep(2600);
  const f = await page.evaluate(() => ({ t0: window.__t0, changes: window.__changes }));
  const back = f.changes.find((c) => c.t > f.t0 + 13500);
  const expectedLeft = Math.ceil((f.t0 + 10000 + 90000 - back.t) / 1000);
  const shown = back.text;
  const expectedText = `ROLL|${Math.floor(expectedLeft / 60)}:${String(expectedLeft % 60).padStart(2, '0')}`;
  const after = f.changes.filter((c) => c.t > back.t + 1).map((c) => {
    const since = c.t - f.t0;
    return since - Math.round(since / 1000) * 1000;
  });
  const worstAfter = Math.max(...after.map(Math.abs));
  record('step that ended while the page was frozen: shown on return', `"${shown}" (expected "${expectedText}")`, 'exact', shown === expectedText);
  record('countdown after return: worst offset from the whole second', `${worstAfter.toFixed(1)} ms over ${after.length} changes`, '<= 17 ms', after.length > 0 && worstAfter <= 17);
  await ctx.close();
}

// ---- 4. memory over mount/unmount cycles ----
console.log('\n4. Memory after 100 mount/unmount cycles');
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/widget/demo.html`);
  const m = await page.evaluate(async (glue) => {
    await window.RollRoutine.ready;
    const wasm = await (await import(`./${glue}`)).default();
    // By the JS API (mount, then unmount), or by the host removing the element.
    const cycle = async (n, remove) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement('div');
        document.body.append(el);
        const h = await window.RollRoutine.mount(el, { storageKey: 'bench', remember: 'off' });
        await new Promise((r) => setTimeout(r, 0));
        if (!remove) h.unmount();
        el.remove();
      }
      await new Promise((r) => setTimeout(r, 50));
      window.gc();
      return { heap: performance.memory.usedJSHeapSize, wasm: wasm.memory.buffer.byteLength };
    };
    // One cycle, then 100 more, as the budget states it.
    const one = await cycle(1);
    const hundred = await cycle(100);
    const removed = await cycle(100, true);
    return { one, hundred, removed };
  }, built('roll-routine-app.js'));
  const heapGrowth = m.hundred.heap - m.one.heap;
  record('JS heap, after 101 cycles vs after 1', `${kb(m.hundred.heap)} vs ${kb(m.one.heap)} (${heapGrowth >= 0 ? '+' : ''}${kb(heapGrowth)})`,
    'growth <= 256 KB', heapGrowth <= 256 * 1024);
  record('wasm memory, after 101 cycles vs after 1', `${kb(m.hundred.wasm)} vs ${kb(m.one.wasm)}`, 'no growth', m.hundred.wasm === m.one.wasm);
  const removedGrowth = m.removed.heap - m.hundred.heap;
  record('JS heap, 100 more cycles by removing the element', `${kb(m.removed.heap)} vs ${kb(m.hundred.heap)} (${removedGrowth >= 0 ? '+' : ''}${kb(removedGrowth)})`,
    'growth <= 256 KB', removedGrowth <= 256 * 1024);
  record('wasm memory, 100 more cycles by removing the element', `${kb(m.removed.wasm)} vs ${kb(m.hundred.wasm)}`, 'no growth', m.removed.wasm === m.hundred.wasm);
  await ctx.close();
}

// ---- 5. axe-core in every state ----
console.log('\n5. Accessibility: axe-core violations in each state');
{
  const axePath = path.join(here, 'node_modules/axe-core/axe.min.js');
  for (const scheme of ['light', 'dark']) {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 420, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/widget/`);
    await page.addScriptTag({ path: axePath });
    const check = async (state) => {
      const v = await page.evaluate(async () => {
        const r = await window.axe.run(document.querySelector('.rr'), { resultTypes: ['violations'] });
        return r.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes[0]?.target?.join(' ')}`);
      });
      record(`axe-core, ${state}, ${scheme}`, `${v.length} violations${v.length ? ': ' + v.join('; ') : ''}`, '0', v.length === 0);
    };
    const tap = (t) => page.locator('.rr button', { hasText: t }).first().click();
    await page.locator('.rr-title').waitFor();
    await check('questions');
    await tap('None of these'); await tap('Longer ago'); await tap('Neither');
    await check('routine');
    await tap('Start');
    await check('player');
    await tap('End session');
    await check('finish');
    await ctx.close();
  }
}

await browser.close();

// ---- 6. Lighthouse on the demo article, with and without the widget ----
console.log('\n6. Lighthouse on the demo article page, widget embedded vs not');
await lighthouseFigures({ chromePath: CHROMIUM, base, base2, runs: quick ? 1 : 3, record, median });

close();
const failed = results.filter((r) => r.holds === false);
const budgets = results.filter((r) => r.holds !== null).length;
console.log(`\nSummary: ${budgets - failed.length} of ${budgets} budgets hold (and ${results.length - budgets} figures reported).`);
if (failed.length) console.log('Not holding:\n' + failed.map((r) => `  - ${r.figure}: ${r.value} (budget ${r.budget})`).join('\n'));
fs.writeFileSync(path.join(out, 'figures.json'), JSON.stringify(results, null, 2));
const table = ['| figure | measured | budget | holds |', '|---|---|---|---|',
  ...results.map((r) => `| ${r.figure} | ${String(r.value).replace(/\|/g, '/')} | ${r.budget} | ${r.holds === null ? '(reported)' : r.holds ? 'yes' : '**no**'} |`)].join('\n');
fs.writeFileSync(path.join(out, 'figures.md'), table + '\n');
console.log(`\nTable for the README: bench/out/figures.md`);
process.exitCode = failed.length ? 1 : 0;
