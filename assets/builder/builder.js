// The embed builder: the options in the form make a live widget and the code of each embed
// form. Nothing leaves the page: the snippets are built here, from this page's own address.
import './roll-routine.js';

const site = new URL('.', location.href).href;
const DEFAULT_BASE = 'https://321strong.com';
const ARTICLE = '/blog/foam-roller-and-lower-back-pain-what-actually-works';
const COLOURS = ['accent', 'accent-text', 'surface', 'text', 'muted'];
const $ = (id) => document.getElementById(id);
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The options as the form gives them; only what differs from the widget's defaults. */
function read() {
  const base = $('base').value.trim().replace(/\/+$/, '');
  let baseOk = base === '';
  try { baseOk ||= /^https?:$/.test(new URL(base).protocol); } catch { baseOk = false; }
  $('base-error').hidden = baseOk;
  if (baseOk) $('base').removeAttribute('aria-invalid');
  else $('base').setAttribute('aria-invalid', 'true');
  const colours = COLOURS.map((name) => [name, $(name).value])
    .filter(([name, value]) => value.toLowerCase() !== $(name).dataset.default);
  return {
    family: $('family').value,
    base: baseOk && base && base !== DEFAULT_BASE ? base : '',
    key: $('storage-key').value.trim(),
    colours,
  };
}

// WCAG contrast of two #rrggbb colours: text on a background should reach 4.5 to 1.
const luminance = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  .reduce((t, c, i) => t + c * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const PAIRS = [['accent-text', 'accent', 'button text on buttons'], ['text', 'surface', 'text on the background'],
  ['muted', 'surface', 'quiet text on the background']];
function checkContrast() {
  const hard = PAIRS.map(([fg, bg, what]) => [what, contrast($(fg).value, $(bg).value)]).filter(([, r]) => r < 4.5);
  $('contrast').textContent = hard.length
    ? `Hard to read: ${hard.map(([what, r]) => `${what} (${r.toFixed(1)} to 1)`).join(', ')}. Aim for 4.5 to 1 or more.`
    : '';
}

const style = (o) => o.colours.map(([name, value]) => `--rr-${name}: ${value}`).join('; ');
const attrs = (o, prefix) => [['family', o.family], ['base', o.base], ['storage-key', o.key]]
  .filter(([, v]) => v).map(([n, v]) => ` ${prefix}${n}="${esc(v)}"`).join('') + (o.colours.length ? ` style="${esc(style(o))}"` : '');
const fallback = (o) => `  <a href="${esc((o.base || DEFAULT_BASE) + ARTICLE)}">Read the guide</a>`;
const head = `<link rel="stylesheet" href="${site}roll-routine.css">\n<script type="module" src="${site}roll-routine.js"></script>\n`;

/** The code of each embed form. */
function snippets(o) {
  const query = new URLSearchParams([['family', o.family], ['base', o.base], ['storage-key', o.key], ...o.colours]
    .filter(([, v]) => v));
  return {
    element: `${head}<roll-routine${attrs(o, '')}>\n${fallback(o)}\n</roll-routine>`,
    data: `${head}<div data-roll-routine${attrs(o, 'data-')}>\n${fallback(o)}\n</div>`,
    iframe: `<iframe src="${esc(`${site}frame.html?${query}`)}" title="Your foam-rolling routine" loading="lazy"
  style="width:100%;height:40em;border:0" allow="screen-wake-lock; clipboard-write"></iframe>
<script>
  addEventListener('message', (e) => {
    if (e.data?.type !== 'roll-routine:height') return;
    for (const f of document.querySelectorAll('iframe'))
      if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  });
</script>`,
    link: `${site}family/${o.family}.html`,
  };
}

let shown = '';
let later;
function update() {
  const o = read();
  checkContrast();
  const code = snippets(o);
  for (const box of document.querySelectorAll('.b-snippet')) box.querySelector('textarea').value = code[box.dataset.form];
  // A new widget once the options rest (typing a key remounts once, not at every letter).
  clearTimeout(later);
  later = setTimeout(preview, 300, o);
}
function preview(o) {
  const key = JSON.stringify(o);
  if (key === shown) return;
  shown = key;
  const el = document.createElement('roll-routine');
  for (const [name, value] of [['family', o.family], ['base', o.base], ['storage-key', o.key]]) if (value) el.setAttribute(name, value);
  for (const [name, value] of o.colours) el.style.setProperty(`--rr-${name}`, value);
  el.innerHTML = fallback(o);
  $('preview').replaceChildren(el);
}

$('options').addEventListener('input', update);
$('options').addEventListener('change', update);
$('options').addEventListener('submit', (e) => e.preventDefault());
$('reset-colours').addEventListener('click', () => {
  for (const name of COLOURS) $(name).value = $(name).dataset.default;
  update();
});
for (const box of document.querySelectorAll('.b-snippet')) {
  box.querySelector('.b-copy').addEventListener('click', async () => {
    const area = box.querySelector('textarea');
    const name = box.querySelector('h3').textContent;
    try {
      await navigator.clipboard.writeText(area.value);
      $('copied').textContent = `Copied: ${name}.`;
    } catch {
      // No clipboard (an old browser, a refused permission): select it for the reader to copy.
      area.focus();
      area.select();
      $('copied').textContent = `Selected: ${name}. Press Ctrl+C or Command+C to copy it.`;
    }
  });
}
update();
