// roll-routine embed loader, the one script a page adds (see README, "Embed it"). Tiny on
// purpose: the wasm and its glue load only when a widget comes within about a screen of
// the viewport, is touched or focused, or is mounted from script. Widgets are
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
let wasm;
const load = () => (wasm ||= Promise.all([import('./roll-routine-app.js').then(async (m) => {
  await m.default({ module_or_path: new URL('roll-routine-app_bg.wasm', here) });
  return m;
}), styles()]).then(([m]) => m));

// Every widget element: FAR until it is near, LOADING while the wasm comes, then its handle.
const live = new Map();
const FAR = 1;
const LOADING = 0;
const mounted = (el) => typeof live.get(el) === 'object';
const near = (e) => start(e.currentTarget);
const io = window.IntersectionObserver &&
  new IntersectionObserver((es) => es.forEach((e) => e.isIntersecting && start(e.target)), { rootMargin: '100% 0px' });

function watch(el) {
  if (live.has(el) || el.hasAttribute('data-roll-routine-mounted')) return;
  live.set(el, FAR);
  if (!io) return start(el);
  io.observe(el);
  el.addEventListener('pointerdown', near);
  el.addEventListener('focusin', near);
}
function forget(el) {
  io?.unobserve(el);
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
