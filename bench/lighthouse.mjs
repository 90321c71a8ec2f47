// Lighthouse for the bench: one headless Chromium it drives (also used by
// bench/lcp-variants.mjs), and the figures of bench/run.mjs's section 6: the demo article with
// and without the widget, and the long article with the widget below the first screen, under
// simulated throttling (the default, what PageSpeed Insights shows an editor), under real
// (devtools) throttling, and over HTTP/2.

/** A Chromium for Lighthouse: `run(url, options)` gives Lighthouse's result, `kill()` ends it. */
export async function launchLighthouse(chromePath) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      // Only the bench's own self-signed certificate for 127.0.0.1 (the HTTP/2 rows).
      '--ignore-certificate-errors'],
  });
  return {
    run: (url, options) => lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', ...options }),
    kill: () => chrome.kill(),
  };
}

/** Section 6's rows, through `record` (bench/run.mjs), from `runs` runs of each page. */
export async function lighthouseFigures({ chromePath, base, base2, runs: n, record, median }) {
  const lighthouse = await launchLighthouse(chromePath);
  const lh = async (url, throttlingMethod = 'simulate') => {
    const r = await lighthouse.run(url, { onlyCategories: ['performance', 'accessibility'], throttlingMethod });
    const a = r.lhr.audits;
    return { perf: Math.round(r.lhr.categories.performance.score * 100), a11y: Math.round(r.lhr.categories.accessibility.score * 100),
      cls: a['cumulative-layout-shift'].numericValue, tbt: a['total-blocking-time'].numericValue, lcp: a['largest-contentful-paint'].numericValue };
  };
  const withW = [], without = [];
  for (let i = 0; i < n; i++) {
    without.push(await lh(`${base}/widget/demo-plain.html`));
    withW.push(await lh(`${base}/widget/demo.html`));
  }
  // The long article with the widget below the first screen, against the same article
  // without it: the widget must cost nothing until it is near.
  const longWith = [], longWithout = [];
  for (let i = 0; i < n; i++) {
    longWithout.push(await lh(`${base}/widget/long-plain.html`));
    longWith.push(await lh(`${base}/widget/long.html`));
  }
  // Lighthouse's default (simulated throttling) estimates LCP from a graph of the observed
  // load that holds any script requested before the first paint, even a deferred module that
  // blocks nothing, with the browser task that sent its request (README, "Benchmark";
  // bench/lcp-variants.mjs --graph shows it); the same pages loaded under real (devtools)
  // throttling measure it.
  const longWithD = [], longWithoutD = [];
  for (let i = 0; i < n; i++) {
    longWithoutD.push(await lh(`${base}/widget/long-plain.html`, 'devtools'));
    longWithD.push(await lh(`${base}/widget/long.html`, 'devtools'));
  }
  // The same pair over HTTP/2, as most hosts serve a blog: one connection carries every
  // request (the simulation then gives no request a cold connection of its own).
  const longWith2 = [], longWithout2 = [];
  for (let i = 0; base2 && i < n; i++) {
    longWithout2.push(await lh(`${base2}/widget/long-plain.html`));
    longWith2.push(await lh(`${base2}/widget/long.html`));
  }
  await lighthouse.kill();
  const pick = (rs, k) => median(rs.map((r) => r[k]));
  const within5 = (a, b) => Math.abs(a - b) <= Math.max(0.05 * b, 1);
  const lw = pick(longWith, 'lcp'), ln = pick(longWithout, 'lcp');
  record(`long article, widget below the first screen: Lighthouse LCP, simulated throttling (the default), median of ${n} (with / without)`, `${lw.toFixed(0)} / ${ln.toFixed(0)} ms`,
    'equal within 5 %', within5(lw, ln));
  if (base2) {
    const lw2 = pick(longWith2, 'lcp'), ln2 = pick(longWithout2, 'lcp');
    record(`long article, widget below the first screen: Lighthouse LCP, simulated throttling, served over HTTP/2, median of ${n} (with / without)`,
      `${lw2.toFixed(0)} / ${ln2.toFixed(0)} ms (${((lw2 / ln2 - 1) * 100).toFixed(1)} %)`, 'reported', null);
  } else {
    console.log('     (no HTTP/2 row: scripts/bench found no openssl to make the certificate)');
  }
  const lwd = pick(longWithD, 'lcp'), lnd = pick(longWithoutD, 'lcp');
  record(`long article, widget below the first screen: Lighthouse LCP, devtools (real) throttling, median of ${n} (with / without)`, `${lwd.toFixed(0)} / ${lnd.toFixed(0)} ms`,
    'equal within 5 %', within5(lwd, lnd));
  const tw2 = pick(longWith, 'tbt'), tn2 = pick(longWithout, 'tbt');
  record(`long article, widget below the first screen: Lighthouse TBT, median of ${n} (with / without)`, `${tw2.toFixed(0)} / ${tn2.toFixed(0)} ms`,
    'equal within 5 %', within5(tw2, tn2));
  const pw = pick(withW, 'perf'), pn = pick(without, 'perf');
  record(`Lighthouse performance, median of ${n} (with / without widget)`, `${pw} / ${pn}`, 'unchanged (within 2 points)', pw >= pn - 2,
    `LCP ${pick(withW, 'lcp').toFixed(0)} / ${pick(without, 'lcp').toFixed(0)} ms, TBT ${pick(withW, 'tbt').toFixed(0)} / ${pick(without, 'tbt').toFixed(0)} ms`);
  const cls = Math.max(...withW.map((r) => r.cls));
  record('Lighthouse layout shift with the widget', cls.toFixed(3), '0', cls === 0);
  const a11y = Math.min(...withW.map((r) => r.a11y));
  record('Lighthouse accessibility with the widget', String(a11y), '100', a11y === 100);
}
