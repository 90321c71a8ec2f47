// roll-routine embed loader, the one script a page adds (see README, "Embed it"). Tiny on
// purpose: the wasm and its glue load only when a widget comes within a screen of the
// viewport, is touched or focused, or is mounted from script; and, once the page's own load
// is done and the browser is idle, for a widget within ten screens, so that a reader who
// scrolls to it fast finds it drawn (it mounts when it comes within three screens then). Widgets are
// [data-roll-routine] elements (also ones added later) and <roll-routine> elements; a widget
// whose element leaves the page unmounts at once. One global name: RollRoutine.
const here = new URL('.', import.meta.url);
const css = new URL('roll-routine.css', here).href;
if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === css)) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css }));
}

// The widget's own styles come with its code; mounting waits for them (or their failure), so
// the widget never shows unstyled.
const styles = () => new Promise((done) => {
  const href = new URL('roll-routine-widget.css', here).href;
  if ([...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === href)) return done();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href, onload: done, onerror: done });
  document.head.append(link);
});
// The glue, the wasm and the styles are fetched at once, side by side; the wasm compiles
// while it streams in.
let wasm;
const load = () => (wasm ||= (() => {
  const bytes = fetch(new URL('roll-routine-app_bg.wasm', here));
  return Promise.all([import('./roll-routine-app.js'), styles()])
    .then(async ([m]) => { await m.default({ module_or_path: bytes }); return m; });
})());

// Every widget element: FAR until it is near, LOADING while the wasm comes, then its handle.
const live = new Map();
const FAR = 1;
const LOADING = 0;
const mounted = (el) => typeof live.get(el) === 'object';
const near = (e) => start(e.currentTarget);
const io = window.IntersectionObserver &&
  new IntersectionObserver((es) => es.forEach((e) => e.isIntersecting && start(e.target)), { rootMargin: '100% 0px' });
// Once the page's own load is done and the browser is idle, fetching costs the page
// nothing: the code for widgets within ten screens loads then (without mounting them).
let ahead = null;
// From then on a widget also mounts within three screens, so it is drawn before it shows.
let soon = null;
const early = () => {
  ahead = new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) { ahead.disconnect(); load(); } },
    { rootMargin: '1000% 0px' });
  soon = new IntersectionObserver((es) => es.forEach((e) => e.isIntersecting && start(e.target)), { rootMargin: '300% 0px' });
  for (const [el, s] of live) if (s === FAR) { ahead.observe(el); soon.observe(el); }
};
const idle = () => setTimeout(early);
if (io) {
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

function watch(el) {
  if (live.has(el) || el.hasAttribute('data-roll-routine-mounted')) return;
  live.set(el, FAR);
  if (!io) return start(el);
  io.observe(el);
  ahead?.observe(el);
  soon?.observe(el);
  el.addEventListener('pointerdown', near);
  el.addEventListener('focusin', near);
}
function forget(el) {
  io?.unobserve(el);
  ahead?.unobserve(el);
  soon?.unobserve(el);
  el.removeEventListener('pointerdown', near);
  el.removeEventListener('focusin', near);
}
function start(el) {
  if (live.has(el) && live.get(el) !== FAR) return;
  forget(el);
  live.set(el, LOADING);
  load().then((m) => {
    if (live.get(el) !== LOADING) return;
    if (!el.isConnected) return live.delete(el);
    try { live.set(el, m.mount(el)); } catch (e) { live.delete(el); console.error(e); }
  });
}
function release(el) {
  const h = live.get(el);
  live.delete(el);
  forget(el);
  if (typeof h === 'object') { h.unmount(); h.free(); }
}

const scan = (n) => {
  if (n.nodeType !== 1) return;
  if (n.matches('[data-roll-routine]')) watch(n);
  n.querySelectorAll('[data-roll-routine]').forEach(watch);
};
new MutationObserver((records) => {
  let removed = false;
  for (const r of records) {
    r.addedNodes.forEach(scan);
    removed ||= r.removedNodes.length > 0;
  }
  // The host removed elements (a route change, a re-render): widgets that left the page go.
  if (removed) for (const el of [...live.keys()]) if (!el.isConnected) release(el);
}).observe(document, { childList: true, subtree: true });

const NAMES = ['base', 'family', 'storage-key', 'set-url', 'remember'];
customElements.get('roll-routine') || customElements.define('roll-routine', class extends HTMLElement {
  static observedAttributes = NAMES;
  connectedCallback() { watch(this); }
  // Moved within the page (disconnected and connected in one task): the widget stays.
  disconnectedCallback() { queueMicrotask(() => this.isConnected || release(this)); }
  // New options: a fresh widget with them.
  attributeChangedCallback() { if (mounted(this)) { release(this); start(this); } }
});

window.RollRoutine = Object.freeze({
  // Loads the widget's code without mounting anything (it also happens on demand).
  get ready() { return load().then(() => undefined); },
  // A promise of a handle with unmount(); rejects when the element is missing or taken.
  mount: (el, options) => load().then((m) => {
    const h = m.mount(el, options);
    forget(el);
    live.set(el, h);
    return Object.freeze({ unmount: () => live.get(el) === h && release(el) });
  }),
});

scan(document.documentElement);
