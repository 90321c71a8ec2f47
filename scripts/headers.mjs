// The response headers the widget's files need, in one place: scripts/serve sends them, the
// end-to-end tests serve with them, and the README's hosting section lists them.
//   - CORS for everything: pages on other sites load the loader as a module and fetch the
//     wasm, and a frame with sandbox="allow-scripts" has an opaque origin (it sends
//     `Origin: null`), so even the frame's own module scripts need it.
//   - The wasm as application/wasm (streaming compilation needs it).
//   - Hashed names (scripts/site.mjs) never change: cached for a year, immutable. Stable names
//     (the loader, frame.html, the pages, roll-routine.css, sw.js) for five minutes, so a
//     deploy reaches readers soon.
import { HASHED_NAME } from './site.mjs';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.ics': 'text/calendar',
};
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300';

/** The headers for a file of the build, by its path. */
export function headersFor(pathname) {
  const ext = (pathname.match(/\.[a-z0-9]+$/i) || [''])[0].toLowerCase();
  return {
    'content-type': TYPES[ext] || 'application/octet-stream',
    'access-control-allow-origin': '*',
    'cache-control': HASHED_NAME.test(pathname) ? IMMUTABLE : SHORT,
    'x-content-type-options': 'nosniff',
  };
}
