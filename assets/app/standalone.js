// Makes the standalone page an installable app that works offline: registers sw.js.
// Loaded only by index.html, never by the embed loader, so pages that embed the widget never
// get a service worker from us. An external file, not an inline script, so the page runs
// under script-src 'self' 'wasm-unsafe-eval'.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // No service worker (private mode, file://, an old browser): the page works online.
    });
  });
}
