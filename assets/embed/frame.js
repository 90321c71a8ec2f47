// The iframe page's script: the widget takes its options from the query, and the parent
// hears the page's height whenever it changes: { type: 'roll-routine:height', height }.
const el = document.querySelector('roll-routine');
const query = new URLSearchParams(location.search);
for (const name of ['base', 'family', 'storage-key', 'set-url', 'remember']) {
  if (query.has(name)) el.setAttribute(name, query.get(name));
}
await import('./roll-routine.js');
const post = () => parent.postMessage(
  { type: 'roll-routine:height', height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
if (parent !== window) new ResizeObserver(post).observe(document.documentElement);
