// The iframe page (README, "Embed it"): options and theme colours from the query; the page's
// height to the parent, { type: 'roll-routine:height', height }, and with WordPress's secret
// (#?secret=…) its embed protocol too: { message: 'height' | 'link', value, secret }.
const el = document.querySelector('roll-routine');
const query = new URLSearchParams(location.search);
for (const name of ['base', 'family', 'storage-key', 'set-url', 'remember']) {
  if (query.has(name)) el.setAttribute(name, query.get(name));
}
for (const name of ['accent', 'accent-text', 'surface', 'text', 'muted']) {
  const value = query.get(name);
  if (value && CSS.supports('color', value)) el.style.setProperty(`--rr-${name}`, value);
}
const secret = (location.hash.match(/[#?&]secret=([\w-]+)/) || [])[1];

// No storage (a sandboxed frame's opaque origin): a way to the family's own page, which has it.
let stored;
try { stored = !!localStorage; } catch { stored = false; }
if (!stored) {
  const given = query.get('family') || '';
  const family = /^[a-z-]+$/.test(given) ? given : 'lower-back';
  const p = Object.assign(document.createElement('p'), { className: 'frame-own' });
  p.append(Object.assign(document.createElement('a'), {
    href: new URL(`family/${family}.html`, location.href).href,
    textContent: 'To keep your progress, open the routine in its own page',
  }));
  // First in the frame: WordPress clamps a frame to 1000 px, and a routine is longer.
  document.body.prepend(p);
}

// The sandbox blocks navigating the top page: links go to the parent, which follows them.
if (secret) {
  addEventListener('click', (e) => {
    const a = e.target.closest?.('a[href]');
    if (!a || e.button || e.ctrlKey || e.metaKey || e.shiftKey || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (!/^https?:$/.test(url.protocol)) return;
    e.preventDefault();
    parent.postMessage({ message: 'link', value: url.href, secret }, '*');
  }, true);
}

await import('./roll-routine.js');
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  parent.postMessage({ type: 'roll-routine:height', height }, '*');
  if (secret) parent.postMessage({ message: 'height', value: height, secret }, '*');
};
if (parent !== window) {
  new ResizeObserver(post).observe(document.documentElement);
  // WordPress says 'ready' once its script runs; it may have missed the first height.
  addEventListener('message', (e) => {
    if (e.source === parent && e.data?.message === 'ready' && e.data.secret === secret) post();
  });
}
