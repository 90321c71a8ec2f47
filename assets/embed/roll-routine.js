// roll-routine embed loader: the one script an editor adds to a page.
//   <link rel="stylesheet" href="…/roll-routine.css">
//   <div data-roll-routine></div>
//   <script type="module" src="…/roll-routine.js"></script>
// Every [data-roll-routine] element becomes a widget. `RollRoutine.mount(element, options)`
// mounts one more and returns a handle with `unmount()`. Everything is loaded relative to
// this file, so the bundle works under any path; nothing inline, so it runs under
// script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.
import init, { mount } from './roll-routine-app.js';

const here = new URL('.', import.meta.url);

if (!document.querySelector('link[data-roll-routine-css]')) {
  const css = new URL('roll-routine.css', here).href;
  const present = [...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === css);
  if (!present) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    link.dataset.rollRoutineCss = '';
    document.head.append(link);
  }
}

// The one global name: mounting from script, for pages that add widgets later.
const ready = init({ module_or_path: new URL('roll-routine-app_bg.wasm', here) });
window.RollRoutine = Object.freeze({
  ready: ready.then(() => undefined),
  mount: (element, options) => mount(element, options),
});
await ready;
