// Scratch experiment (not committed): which tag of the snippet Lighthouse's simulation counts.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
const root = path.resolve('out/site');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const long = fs.readFileSync(path.join(root, 'widget/long.html'), 'utf8');
const loader = fs.readFileSync(path.join(root, 'widget/roll-routine.js'), 'utf8');
const cssText = fs.readFileSync(path.join(root, 'widget/roll-routine.css'), 'utf8');
const constructable = loader.replace(/const css = new URL\('roll-routine.css', here\).href;\nif \([^\n]*\n[^\n]*\n\}/, `{ const s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(cssText)}); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }`);
if (constructable === loader) throw new Error('no replace');
fs.writeFileSync(path.join(root, 'widget/roll-routine-c.js'), constructable);
fs.writeFileSync(path.join(root, 'widget/stub.js'), "addEventListener('load', () => import('./roll-routine.js'));\n");
const variants = {
  neither: long.replace(/\s*<link rel="stylesheet" href="roll-routine.css" \/>/, '').replace(/\s*<script type="module" src="roll-routine.js"><\/script>/, ''),
  'stub-no-css': long.replace(/\s*<link rel="stylesheet" href="roll-routine.css" \/>/, '').replace('src="roll-routine.js"', 'src="stub.js"'),
  'stub-with-css': long.replace('src="roll-routine.js"', 'src="stub.js"'),
};
for (const [k, v] of Object.entries(variants)) fs.writeFileSync(path.join(root, `widget/exp-${k}.html`), v);
const server = http.createServer((req, res) => {
  const f = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
  fs.createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
for (const k of Object.keys(variants)) {
  const lcps = [];
  for (let i = 0; i < 3; i++) {
    const r = await lighthouse(`${base}/widget/exp-${k}.html`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    lcps.push(Math.round(r.lhr.audits['largest-contentful-paint'].numericValue));
    if (i === 0) {
      const rb = r.lhr.audits['render-blocking-resources']?.details?.items?.map((x) => x.url.split('/').pop()) || [];
      const crit = Object.keys(r.lhr.audits['critical-request-chains']?.details?.chains || {});
      console.log(k, 'render-blocking:', rb.join(','));
    }
  }
  console.log(k, 'LCP', lcps.join(' / '));
}
await chrome.kill();
server.close();
