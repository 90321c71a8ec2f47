// The iframe page's script. The widget takes its options from the query (and its theme
// colours: ?accent=%23aa3355&surface=…), and the parent hears the page's height whenever it
// changes: { type: 'roll-routine:height', height }. When the address carries WordPress's
// secret (`#?secret=…`, a pasted link turned into an embed), it also speaks WordPress's embed
// protocol: { message: 'height', value, secret } on every size change and after the parent's
// 'ready', and links go out as { message: 'link', value, secret }, since the frame's sandbox
// (allow-scripts only) blocks navigating the top page.
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

// No storage here (a sandboxed frame has an opaque origin): the widget says progress is not
// kept; this offers the family's own page, where it is.
let stored = true;
try { stored = !!window.localStorage; } catch { stored = false; }
if (!stored) {
  const family = /^[a-z-]+$/.test(query.get('family') || '') ? query.get('family') : 'lower-back';
  const p = Object.assign(document.createElement('p'), { className: 'frame-own' });
  p.append(Object.assign(document.createElement('a'), {
    href: new URL(`family/${family}.html`, location.href).href,
    textContent: 'Open the full routine in its own page',
  }));
  document.body.append(p);
}

if (secret) {
  // Capture: the link leaves before the widget or the sandbox sees the click.
  addEventListener('click', (e) => {
    const a = e.target.closest?.('a[href]');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || a.hasAttribute('download')) return;
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
  addEventListener('message', (e) => {
    if (e.source === parent && e.data?.message === 'ready' && e.data.secret === secret) post();
  });
}
