// Which part of the embed snippet Lighthouse's simulated throttling counts against the long
// article's LCP (issue: the editor's PageSpeed figure). Runs Lighthouse (simulated, the
// default) three times on variants of bench/out/site/widget/long.html, which scripts/bench
// writes: without the widget; with both tags; without the stylesheet; without the loader; a
// loader that carries the reserved box's styles itself (no stylesheet request); a one-line
// module that loads the real loader only after the page's load event; an empty module (any
// script at all); an empty classic script, deferred, async or at the end of the body; and the
// iframe form, lazy, with nothing else of the widget in the page, and as the builder gives it
// (with its inline height script). With --h2 the pages are served over HTTP/2 (TLS, with the
// certificate scripts/bench makes in bench/out/tls), as most hosts serve them. With --graph
// it prints, for each variant's first run, what the simulated LCP counted
// (bench/lantern-graph.mjs). With --only TEXT it measures the page without the widget and the
// variants whose name holds TEXT. With --shift it then loads the snippet's page and each frame
// variant in a phone-sized page, jumps to the widget (the harshest scroll: nothing of it drawn
// before its box is in view) and says how far the page shifted as the widget took the
// routine's height (the layout shift score, as Lighthouse counts it: shifts without input).
//   node bench/lcp-variants.mjs [--h2] [--graph] [--only TEXT] [--shift]   (after scripts/bench)
import fs from 'node:fs';
import path from 'node:path';
import { serveSite } from './site-server.mjs';
import { launchLighthouse } from './lighthouse.mjs';
import { chromium } from 'playwright-core';
import { clearGraphs, lcpGraph, printGraph } from './lantern-graph.mjs';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'out/site');
const long = fs.readFileSync(path.join(root, 'widget/long.html'), 'utf8');
const loader = fs.readFileSync(path.join(root, 'widget/roll-routine.js'), 'utf8');
const cssText = fs.readFileSync(path.join(root, 'widget/roll-routine.css'), 'utf8');
const own = loader.replace(/const css = new URL\('roll-routine.css', here\).href;\nif \([^\n]*\n[^\n]*\n\}/,
  `{ const s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(cssText)}); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }`);
if (own === loader) throw new Error('lcp-variants: the loader no longer adds its stylesheet the way this expects');
fs.writeFileSync(path.join(root, 'widget/roll-routine-own-css.js'), own);
fs.writeFileSync(path.join(root, 'widget/stub.js'), "addEventListener('load', () => import('./roll-routine.js'));\n");
fs.writeFileSync(path.join(root, 'widget/empty.js'), '\n');
fs.writeFileSync(path.join(root, 'widget/empty-classic.js'), 'void 0;\n');
/** The builder's frame form (assets/builder/builder.js, `snippets`), pointing at `src`. */
function builderFrame(src) {
  const js = fs.readFileSync(path.resolve(root, '../../../assets/builder/builder.js'), 'utf8');
  const m = /\n {4}iframe: `([\s\S]*?)`,\n/.exec(js);
  const code = m && m[1].replace('${esc(`${site}frame.html?${query}`)}', src);
  if (!code || code.includes('${')) throw new Error('lcp-variants: the builder no longer writes its frame form the way this expects');
  return code;
}
const noCss = (h) => h.replace(/\s*<link rel="stylesheet" href="roll-routine.css" \/>/, '');
const noLoader = (h) => h.replace(/\s*<script type="module" src="roll-routine.js"><\/script>/, '');
const variants = {
  'without the widget': noLoader(noCss(long)),
  'both tags (the snippet)': long,
  'the loader alone': noCss(long),
  'the stylesheet alone': noLoader(long),
  'the loader carrying its styles, no stylesheet': noCss(long).replace('src="roll-routine.js"', 'src="roll-routine-own-css.js"'),
  'a one-line module that loads the loader after the load event': noCss(long).replace('src="roll-routine.js"', 'src="stub.js"'),
  'an empty module script': noCss(long).replace('src="roll-routine.js"', 'src="empty.js"'),
  'an empty classic script, deferred': noCss(long).replace('type="module" src="roll-routine.js"', 'defer src="empty-classic.js"'),
  'an empty classic script, async': noCss(long).replace('type="module" src="roll-routine.js"', 'async src="empty-classic.js"'),
  'an empty classic script at the end of the body': noLoader(noCss(long))
    .replace('</body>', '<script src="empty-classic.js"></script></body>'),
  // The iframe form (README, "Embed it"), lazy, with no script and no stylesheet in the page.
  'the lazy iframe form, nothing else in the page': noLoader(noCss(long)).replace(/<div data-roll-routine[\s\S]*?<\/div>/,
    '<iframe src="frame.html?storage-key=long" title="Your foam-rolling routine" loading="lazy" width="100%" height="640"></iframe>'),
  // The frame form as the builder gives it, read from the builder (its `snippets`).
  'the frame form as the builder gives it, with its inline height script': noLoader(noCss(long)).replace(/<div data-roll-routine[\s\S]*?<\/div>/,
    builderFrame('frame.html?storage-key=long')),
};
for (const [k, v] of Object.entries(variants)) {
  if (k !== 'without the widget' && v === variants['without the widget']) throw new Error(`lcp-variants: "${k}" came out as the page without the widget`);
}
// Each variant's page, named after it.
const page = (k) => `exp-${k.replace(/\W+/g, '-')}.html`;
for (const [k, v] of Object.entries(variants)) fs.writeFileSync(path.join(root, 'widget', page(k)), v);
// Served as they are, not compressed (bench/site-server.mjs).
const h2 = process.argv.includes('--h2');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : null;
const graph = process.argv.includes('--graph');
const site = await serveSite(root, { compress: false });
if (h2 && !site.base2) throw new Error('lcp-variants: --h2 needs the certificate scripts/bench makes in bench/out/tls');
const base = h2 ? site.base2 : site.base;
const lighthouse = await launchLighthouse(process.env.CHROMIUM || '/usr/bin/chromium');
for (const k of Object.keys(variants).filter((k) => !only || k === 'without the widget' || k.includes(only))) {
  const lcps = [];
  for (let i = 0; i < 3; i++) {
    clearGraphs();
    const r = await lighthouse.run(`${base}/widget/${page(k)}`, { onlyCategories: ['performance'] });
    lcps.push(Math.round(r.lhr.audits['largest-contentful-paint'].numericValue));
    if (i === 0) {
      const rb = r.lhr.audits['render-blocking-resources']?.details?.items?.map((x) => x.url.split('/').pop()) || [];
      console.log(`${k}: render-blocking ${rb.join(', ') || 'none'}`);
      if (graph) printGraph(lcpGraph());
    }
  }
  console.log(`${k}: LCP ${lcps.join(' / ')} ms`);
}
await lighthouse.kill();

if (process.argv.includes('--shift')) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors'] });
  const shown = (k) => k === 'both tags (the snippet)' || k.includes('frame form');
  for (const k of Object.keys(variants).filter((k) => shown(k) && (!only || k.includes(only) || !k.includes('frame')))) {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const p = await ctx.newPage();
    await p.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await p.goto(`${base}/widget/${page(k)}`, { waitUntil: 'load' });
    const box = 'iframe, [data-roll-routine]';
    const before = await p.evaluate((b) => document.querySelector(b).getBoundingClientRect().height, box);
    await p.evaluate((b) => document.querySelector(b).scrollIntoView({ block: 'center' }), box);
    await p.waitForTimeout(4000);
    const r = await p.evaluate((b) => ({ shift: window.__shift, height: document.querySelector(b).getBoundingClientRect().height }), box);
    console.log(`${k}: layout shift ${r.shift.toFixed(3)} (its box ${Math.round(before)} px tall, then ${Math.round(r.height)} px)`);
    await ctx.close();
  }
  await browser.close();
}
site.close();
