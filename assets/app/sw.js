// Service worker of the standalone page (registered by standalone.js, from index.html only).
//
// Strategy: network first, cache as fallback, for the standalone page and its own files only.
// Every visit with a network gets the current build (revalidated past the HTTP cache), so an
// update takes effect on the next visit and nothing stale is served while online; every
// successful response refreshes the cache, which is what a visit with no network gets. The
// build (scripts/site.mjs) writes the code's content-hashed names into FILES and a build hash
// into CACHE, so a new build is a new worker with its own cache, and the old cache goes when
// it takes over. On a network that hangs, the cached copy is served after a few seconds (and
// the cache still takes the late answer).
//
// Any other request (the demo page, pages that embed the widget on this origin, anything not
// listed) is left alone: no respondWith, straight to the network.

const CACHE = 'roll-routine-app-v1';
const SLOW_MS = 4000;
const FILES = [
  './',
  'index.html',
  'roll-routine-app.js',
  'roll-routine-app_bg.wasm',
  'page.css',
  'roll-routine.css',
  'roll-routine-widget.css',
  'favicon.svg',
  'manifest.webmanifest',
  'standalone.js',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/icon-maskable-512.png',
];
const scope = new URL(self.registration.scope);
const ours = new Set(FILES.map((f) => new URL(f, scope).href));
const page = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  // The first visit was not served through this worker: fetch everything once, so that the
  // next visit works with no network. One missing file fails the install (retried next visit).
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, scope), { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('roll-routine-app-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  // The page's own options ride in the query and the hash: one cached copy serves them all.
  const key = url.origin + url.pathname;
  if (!ours.has(key)) return;
  let storing = Promise.resolve();
  const network = fetch(req, { cache: 'no-cache' }).then((res) => {
    if (res.ok && res.type === 'basic') {
      const copy = res.clone();
      storing = caches.open(CACHE).then((cache) => cache.put(key, copy));
    }
    return res;
  });
  // Keeps the worker alive until the cache has the answer, even one that came too late.
  event.waitUntil(network.then(() => storing, () => undefined));
  event.respondWith(networkFirst(network, req, key));
});

async function networkFirst(network, req, key) {
  const cached = async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(key)) || (req.mode === 'navigate' ? cache.match(page) : undefined);
  };
  const slow = new Promise((resolve) => setTimeout(resolve, SLOW_MS, 'slow'));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== 'slow') return first;
    return (await cached()) || (await network);
  } catch (err) {
    const hit = await cached();
    if (hit) return hit;
    throw err;
  }
}
