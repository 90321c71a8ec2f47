// What WordPress does with a pasted link (?url=…), in the browser instead of on its server:
// oEmbed discovery in the linked page's head, the JSON fetched and checked, its iframe kept
// (the attributes WordPress's filter keeps), sandbox="allow-scripts" and a secret added, the
// frame sized from { message: 'height' } clamped to 200..1000 px, and { message: 'link' }
// followed when it points at the frame's own host (wp-embed.js). window.wp reports each step.
const wp = (window.wp = { steps: [], heights: [], links: [], error: null });
const fail = (msg) => { wp.error = msg; throw new Error(msg); };

async function embed(url) {
  const page = await (await fetch(url)).text();
  const head = page.slice(0, page.search(/<\/head>/i));
  const doc = new DOMParser().parseFromString(page, 'text/html');
  const link = doc.head.querySelector('link[rel~="alternate"][type="application/json+oembed"]');
  if (!link) fail('no oEmbed discovery link in the head');
  wp.steps.push('discovered');
  wp.discoveryAt = page.indexOf('application/json+oembed');
  wp.headBytes = head.length;
  const json = await (await fetch(new URL(link.getAttribute('href'), url))).json();
  for (const [key, type] of [['version', 'string'], ['type', 'string'], ['html', 'string'], ['width', 'number'], ['height', 'number'],
    ['title', 'string'], ['provider_name', 'string'], ['provider_url', 'string']]) {
    if (typeof json[key] !== type) fail(`oEmbed field ${key} is not a ${type}`);
  }
  if (json.version !== '1.0' || json.type !== 'rich') fail('not a rich oEmbed 1.0 response');
  wp.oembed = json;
  wp.steps.push('validated');
  // wp_filter_oembed_result: only the iframe and these attributes survive.
  const given = new DOMParser().parseFromString(json.html, 'text/html').querySelector('iframe');
  if (!given) fail('no iframe in the html');
  const frame = document.createElement('iframe');
  for (const name of ['src', 'width', 'height', 'frameborder', 'title']) {
    if (given.hasAttribute(name)) frame.setAttribute(name, given.getAttribute(name));
  }
  const secret = Math.random().toString(36).slice(2, 12);
  frame.src = `${frame.getAttribute('src')}#?secret=${secret}`;
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('security', 'restricted');
  frame.dataset.secret = secret;
  frame.className = 'wp-embedded-content';
  frame.addEventListener('load', () => frame.contentWindow.postMessage({ message: 'ready', secret }, '*'));
  document.getElementById('embed').append(frame);
  wp.steps.push('inserted');
}

// wp-embed.js: the message must carry the secret of the frame it comes from.
addEventListener('message', (e) => {
  const data = e.data;
  if (!data || !data.secret || !data.message) return;
  for (const frame of document.querySelectorAll(`iframe[data-secret="${CSS.escape(data.secret)}"]`)) {
    if (frame.contentWindow !== e.source) continue;
    if (data.message === 'height') {
      const height = Math.min(1000, Math.max(200, parseInt(data.value, 10) || 0));
      wp.heights.push(Number(data.value));
      frame.height = String(height);
    }
    if (data.message === 'link') {
      wp.links.push(data.value);
      const to = new URL(data.value);
      if (to.host === new URL(frame.src).host && document.activeElement === frame) top.location.href = data.value;
    }
  }
});

embed(new URLSearchParams(location.search).get('url')).catch((e) => { wp.error ||= String(e); });
