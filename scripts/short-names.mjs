#!/usr/bin/env node
// Short names for the wasm's imports and exports that wasm-bindgen names with a hash
// (`__wbg_addEventListener_5c4e0918581b9c75`, `wasm_bindgen__convert__closures_____invoke__h…`).
// Each hash is 16 hex digits that brotli cannot shrink, written twice: once in the wasm's
// import or export section and once in the JS glue. Renamed to `a`, `b`, … in both, the
// widget's wasm and glue weigh about 4.5 KB less brotli (the hello-world fixture, built the
// same way, about 1.9 KB less). Names without a hash (`mount`, `memory`, `__wbindgen_start`)
// and the import's module name stay as they are; the code and data sections are copied
// byte for byte.
//
// Run on a build folder after Trunk has written it (Trunk's post-build hook: scripts/site.mjs
// for the widget, bench/hello-world/Trunk.toml for the fixture):
//   node scripts/short-names.mjs DIR     (or TRUNK_STAGING_DIR=DIR)
// It rewrites DIR's one `*_bg.wasm` and its glue, and the integrity attributes of DIR's HTML
// files that name them. `node scripts/short-names.mjs WASM GLUE` rewrites just those two files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A name wasm-bindgen made unique with a hash. */
export const HASHED = /(?:_|__h)[0-9a-f]{16}$/;

/** Reads an unsigned LEB128 at `at`: [value, the offset after it]. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** Each section of a wasm module: its id, where it starts (`at`), where its body starts and
 * ends. */
export function* sections(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const [size, start] = leb(wasm, at + 1);
    yield { id: wasm[at], at, start, end: start + size };
    at = start + size;
  }
}

/** Writes an unsigned LEB128. */
function uleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/** Reads a name at `at`: [string, the offset after it]. */
function readName(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

const writeName = (name) => {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([uleb(bytes.length), bytes]);
};

/** The offset after an import's description (function, table, memory, global or tag). */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  if (kind === 0) return leb(bytes, at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  if (kind === 4) return leb(bytes, at + 1)[1];
  throw new Error(`short-names: unknown import kind ${kind}`);
}

/** Words JavaScript reserves (or that strict mode and modules do), never a fresh name. */
const RESERVED = new Set(('await break case catch class const continue debugger default delete do else enum export '
  + 'extends false finally for function if implements import in instanceof interface let new null package private '
  + 'protected public return static super switch this throw true try typeof var void while with yield arguments eval')
  .split(' '));

/** `a`, `b`, … `z`, `aa`, `ab`, …, skipping reserved words and every name in `avoid`. */
function* shortNames(avoid) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; ; i++) {
    let name = '';
    for (let n = i; n >= 0; n = Math.floor(n / 26) - 1) name = letters[n % 26] + name;
    if (!RESERVED.has(name) && !avoid.has(name)) yield name;
  }
}

/** Looser than HASHED: a run of hex digits that no hand-written name has. A name that still
 * holds one after renaming means wasm-bindgen changed its naming, which must stop the build
 * rather than ship the long names unnoticed. */
const HEX_RUN = /[0-9a-f]{12,}/;

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The wasm and glue with every hashed import and export name shortened, and the map used. */
export function shorten(wasm, glue) {
  const mod = new WebAssembly.Module(wasm);
  const names = [...WebAssembly.Module.imports(mod), ...WebAssembly.Module.exports(mod)].map((i) => i.name);
  // A fresh name must not be a name the wasm keeps, nor any identifier the glue already uses:
  // wasm-bindgen's glue calls some exports by bare name (a closure's invoker), where a
  // minified local of the same name would shadow it.
  const avoid = new Set([...names.filter((n) => !HASHED.test(n)), ...(glue.match(/[A-Za-z_$][\w$]*/g) || [])]);
  const fresh = shortNames(avoid);
  const map = new Map();
  const rename = (name) => {
    if (!HASHED.test(name)) return name;
    if (!map.has(name)) map.set(name, fresh.next().value);
    return map.get(name);
  };
  const out = [wasm.subarray(0, 8)];
  for (const { id, at, start, end } of sections(wasm)) {
    if (id === 2 || id === 7) {
      // The import section (module, name, description) or the export section (name, kind, index).
      let [count, p] = leb(wasm, start);
      const parts = [uleb(count)];
      while (count--) {
        let module;
        if (id === 2) [module, p] = readName(wasm, p);
        let name;
        [name, p] = readName(wasm, p);
        const descStart = p;
        p = id === 2 ? skipImportDesc(wasm, p) : leb(wasm, p + 1)[1];
        if (id === 2) parts.push(writeName(module));
        parts.push(writeName(rename(name)), wasm.subarray(descStart, p));
      }
      if (p !== end) throw new Error(`short-names: section ${id} did not parse to its end`);
      const body = Buffer.concat(parts);
      out.push(Buffer.from([id]), uleb(body.length), body);
    } else {
      out.push(wasm.subarray(at, end));
    }
  }
  const left = names.filter((n) => !map.has(n) && HEX_RUN.test(n));
  if (left.length) throw new Error(`short-names: ${left.length} names look hashed but do not match HASHED (${left[0]}): has wasm-bindgen changed its names?`);
  let text = glue;
  for (const [name, short] of map) {
    const exact = new RegExp(`(?<![\\w$])${escapeRe(name)}(?![\\w$])`, 'g');
    if (!exact.test(text)) throw new Error(`short-names: the glue never names ${name}`);
    text = text.replace(exact, short);
  }
  return { wasm: Buffer.concat(out), glue: text, map };
}

/** Shortens the names in a wasm file and its glue, in place; returns how many it renamed. */
export function shortenFiles(wasmFile, glueFile) {
  const out = shorten(fs.readFileSync(wasmFile), fs.readFileSync(glueFile, 'utf8'));
  if (!out.map.size) throw new Error(`short-names: no hashed name in ${wasmFile}: renamed already, or wasm-bindgen changed its names`);
  new WebAssembly.Module(out.wasm);
  fs.writeFileSync(wasmFile, out.wasm);
  fs.writeFileSync(glueFile, out.glue);
  return out.map.size;
}

/** `html` with the integrity attribute of each tag that names one of `files` (base names)
 * made again from that file's bytes now, with the attribute's own algorithm. */
export function refreshIntegrity(html, dir, files) {
  return html.replace(/<[^>]+>/g, (tag) => {
    const file = files.find((f) => new RegExp(`["'=/]${f.replace(/[.]/g, '\\.')}["' >]`).test(tag));
    if (!file) return tag;
    return tag.replace(/(integrity=["']?)(sha(256|384|512))-[A-Za-z0-9+/=]+/, (m, attr, algo) =>
      `${attr}${algo}-${crypto.createHash(algo).update(fs.readFileSync(path.join(dir, file))).digest('base64')}`);
  });
}

/** Shortens the names of the one wasm-bindgen build in `dir` (`NAME_bg.wasm` and `NAME.js`),
 * and the integrity attributes of `dir`'s HTML files that vouch for them; returns how many
 * names it renamed. */
export function shortenDir(dir) {
  const wasmFiles = fs.readdirSync(dir).filter((f) => f.endsWith('_bg.wasm'));
  if (wasmFiles.length !== 1) throw new Error(`short-names: expected one *_bg.wasm in ${dir}, found ${wasmFiles.length}`);
  const files = [wasmFiles[0], wasmFiles[0].replace(/_bg\.wasm$/, '.js')];
  const renamed = shortenFiles(path.join(dir, files[0]), path.join(dir, files[1]));
  // Trunk's integrity attributes follow the bytes they vouch for.
  for (const page of fs.readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const file = path.join(dir, page);
    const html = fs.readFileSync(file, 'utf8');
    const changed = refreshIntegrity(html, dir, files);
    if (changed !== html) fs.writeFileSync(file, changed);
  }
  return renamed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [a, b] = process.argv.slice(2);
  const dir = a || process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/short-names.mjs DIR (or TRUNK_STAGING_DIR=DIR), or WASM GLUE');
  const renamed = b ? shortenFiles(a, b) : shortenDir(dir);
  console.log(`short-names: ${renamed} hashed import and export names shortened`);
}
