#!/usr/bin/env node
// Trunk's post-build hook (Trunk.toml, [[hooks]]): finishes the build in Trunk's staging
// folder before Trunk moves it to dist/. Also a module: the end-to-end tests import it.
//
// 1. Content hashes. The widget's code, glue and styles get a name with a hash of their
//    bytes (`roll-routine-app-<hash>.js`); the files with stable names (the loader
//    `roll-routine.js`, `frame.html`, `index.html`, `sw.js`, the host's `roll-routine.css`)
//    are rewritten to name them. A cached loader thus always asks for the code it was built
//    with, and a deploy that keeps the earlier hashed files never pairs old code with new
//    (README, "Hosting"). Trunk's integrity attributes in index.html are made again from
//    the bytes each hashed name holds (a glue that names its renamed wasm has new bytes).
// 2. The builder page (assets/builder/), hashed the same way.
// 3. A page per routine family that an editor pastes as a link (`family/<id>.html`), with
//    oEmbed discovery in its head and a static oEmbed response (`oembed/<id>.json`). Their
//    absolute addresses come from the build setting ROLL_ROUTINE_SITE: the address where
//    dist/ is served, for example https://cdn.example.com/widgets/roll-routine/ (default
//    http://127.0.0.1:8080/, where scripts/serve serves it).
// Before all that, the wasm's and the glue's hashed import and export names are shortened
// (scripts/short-names.mjs), so the content hashes are those of the bytes shipped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { refreshIntegrity, shortenDir } from './short-names.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The routine families (src/core/content/families.rs) an editor can paste as a link. */
export const FAMILIES = [
  { id: 'lower-back', title: 'Foam rolling for a sore lower back', lede: 'A few quick questions, then a routine you can follow from the floor.' },
  { id: 'forearms', title: 'Foam rolling for forearms and hands', lede: 'A few quick questions, then a routine for tired hands and forearms.' },
];
const ARTICLE = 'https://321strong.com/blog/foam-roller-and-lower-back-pain-what-actually-works';

/** Files that get a content hash in their name, and the stable files that name them. */
export const HASHED = ['roll-routine-app_bg.wasm', 'roll-routine-app.js', 'roll-routine-widget.css', 'page.css',
  'frame.js', 'frame.css', 'builder.js', 'builder.css'];
const NAMING = ['index.html', 'roll-routine.js', 'sw.js', 'frame.html', 'builder.html'];
/** What a hashed name looks like (scripts/headers.mjs caches these for a year). */
export const HASHED_NAME = /-[0-9a-f]{12}\.(?:js|css|wasm)$/;

/** The oEmbed size: WordPress then sizes the frame from its height messages. */
export const FRAME = { width: 600, height: 640 };

const hashOf = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const exact = (name) => new RegExp(`(?<![\\w.-])${name.replace(/[.]/g, '\\.')}(?![\\w-])`, 'g');

/** The loader as host pages fetch it, without its whole-line comments and indentation: about
 * 0.6 KB less brotli on every page that embeds the widget, and less to parse before the page's
 * first paint (blank lines go too). A template literal could span lines, which this would change: it refuses one. */
export function compact(js) {
  if (js.includes('`')) throw new Error('site.mjs: the loader holds a template literal, which compact() could change');
  return js.split('\n').map((line) => line.trimStart()).filter((line) => line && !line.startsWith('//')).join('\n') + '\n';
}

/** Renames every file of HASHED in `dir` to its hashed name and rewrites the stable files;
 * returns the map from stable to hashed name. */
export function hashFiles(dir) {
  const names = {};
  for (const name of HASHED) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new Error(`site.mjs: ${name} is missing from the build`);
    const ext = path.extname(name);
    let bytes = fs.readFileSync(file);
    if (ext !== '.wasm') {
      // The glue names its wasm (its default address): renamed files are named by their new names.
      let text = bytes.toString('utf8');
      for (const [from, to] of Object.entries(names)) text = text.replace(exact(from), to);
      bytes = Buffer.from(text);
    }
    const hashed = `${path.basename(name, ext)}-${hashOf(bytes)}${ext}`;
    fs.writeFileSync(path.join(dir, hashed), bytes);
    fs.rmSync(file);
    names[name] = hashed;
  }
  for (const name of NAMING) {
    const file = path.join(dir, name);
    let text = fs.readFileSync(file, 'utf8');
    for (const [from, to] of Object.entries(names)) text = text.replace(exact(from), to);
    // Trunk's integrity attributes (index.html) vouch for the bytes now under each name.
    if (name.endsWith('.html')) text = refreshIntegrity(text, dir, Object.values(names));
    if (name === 'roll-routine.js') text = compact(text);
    if (name === 'sw.js') {
      // A new build is a new cache: the worker drops the one that holds the old files.
      text = text.replace("'roll-routine-app-v1'", `'roll-routine-app-${hashOf(Object.values(names).join())}'`);
    }
    fs.writeFileSync(file, text);
  }
  return names;
}

/** The family page and its oEmbed response, for a site served at `site` (ends with /). */
export function familyFiles(family, site, pageCss) {
  const page = `${site}family/${family.id}.html`;
  const json = `${site}oembed/${family.id}.json`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(family.title)}</title>
<link rel="alternate" type="application/json+oembed" href="${escape(json)}" title="${escape(family.title)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escape(family.lede)}">
<link rel="canonical" href="${escape(page)}">
<link rel="icon" href="../favicon.svg">
<link rel="stylesheet" href="../${pageCss}">
<link rel="stylesheet" href="../roll-routine.css">
<script type="module" src="../roll-routine.js"></script>
</head>
<body>
<main class="page">
<h1 class="page-title">${escape(family.title)}</h1>
<p class="page-lede">${escape(family.lede)}</p>
<roll-routine family="${family.id}"><p class="rr-fallback"><a href="${ARTICLE}">Read our guide to foam rolling</a></p></roll-routine>
</main>
</body>
</html>
`;
  // What WordPress keeps of a rich embed: an iframe with src, width, height, title and
  // frameborder (it adds sandbox="allow-scripts" and the secret itself).
  const src = `${site}frame.html?family=${family.id}`;
  const oembed = {
    version: '1.0',
    type: 'rich',
    title: family.title,
    provider_name: 'roll-routine',
    provider_url: site,
    html: `<iframe src="${escape(src)}" width="${FRAME.width}" height="${FRAME.height}" title="${escape(family.title)}" frameborder="0"></iframe>`,
    width: FRAME.width,
    height: FRAME.height,
    cache_age: 86400,
  };
  return { html, json: `${JSON.stringify(oembed, null, 2)}\n` };
}

/** Writes every family page and oEmbed response into `dir`. */
export function writeFamilies(dir, site, pageCss) {
  fs.mkdirSync(path.join(dir, 'family'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'oembed'), { recursive: true });
  for (const family of FAMILIES) {
    const { html, json } = familyFiles(family, site, pageCss);
    fs.writeFileSync(path.join(dir, 'family', `${family.id}.html`), html);
    fs.writeFileSync(path.join(dir, 'oembed', `${family.id}.json`), json);
  }
}

/** The site's address from the build setting: absolute http(s), ending with a slash. */
export function siteUrl(value = process.env.ROLL_ROUTINE_SITE || 'http://127.0.0.1:8080/') {
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol)) throw new Error(`ROLL_ROUTINE_SITE must be http(s): ${value}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The whole step, on Trunk's staging folder. */
export function finish(dir, site = siteUrl()) {
  for (const name of ['builder.html', 'builder.js', 'builder.css']) {
    fs.copyFileSync(path.join(root, 'assets/builder', name), path.join(dir, name));
  }
  shortenDir(dir);
  const names = hashFiles(dir);
  writeFamilies(dir, site, names['page.css']);
  return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!dir) throw new Error('usage: TRUNK_STAGING_DIR=<dir> node scripts/site.mjs (Trunk runs it)');
  const site = siteUrl();
  const names = finish(dir, site);
  console.log(`site.mjs: ${Object.keys(names).length} files hashed; family pages and oEmbed for ${site}`);
}
