// Scratch (not committed): section 2c of run.mjs alone, on ../dist.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';
const cache = new Map();
const br = (f) => cache.get(f) || (cache.set(f, zlib.brotliCompressSync(fs.readFileSync(f))), cache.get(f));
const dist = path.resolve('../dist');
const long = fs.readFileSync('../tests/e2e/hosts/long.html', 'utf8').replace(/"\/roll-routine\./g, '"roll-routine.');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/widget/, '');
  if (p === '/long.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(long); }
  const f = p === '/long.css' ? path.resolve('../tests/e2e/hosts/long.css') : path.join(dist, p);
  if (!fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream', 'content-encoding': 'br' });
  res.end(br(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const quick = false;
const record = (f, v) => console.log(f, v);
  let speed4 = false;
  const emptyFor = async (screensPerSecond) => {
    speed4 = screensPerSecond === 4;
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await ctx.newPage();
    page.on('console', (m) => speed4 && console.log(m.text()));
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
        if (seen === null && es.some((e) => e.isIntersecting)) { seen = performance.now(); if (drawn()) done(0); }
      }).observe(box);
      const began = performance.now();
      let last = began;
      const step = (t) => {
        window.scrollBy(0, (innerHeight * speed * (t - last)) / 1000);
        last = t;
        if (seen !== null && drawn()) { const r = performance.getEntriesByType('resource').filter((e) => /roll-routine/.test(e.name)).map((e) => `${e.name.split('/').pop().slice(0, 24)} ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)}`); console.log(JSON.stringify({ load: performance.getEntriesByType('navigation')[0].loadEventEnd.toFixed(0), seen: seen.toFixed(0), drawn: performance.now().toFixed(0), r })); return done(Math.max(0, performance.now() - seen)); }
        if (performance.now() - began > 30000) return done(Infinity);
        requestAnimationFrame(step);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(step); });
    }), screensPerSecond);
    await ctx.close();
    return ms;
  };
for (const speed of [1, 2, 4]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await emptyFor(speed));
  console.log(speed, 'screens/s: empty', runs.map((r) => r.toFixed(0)).join(', '), 'ms');
}
await browser.close();
server.close();
