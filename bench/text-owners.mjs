// Whose text the wasm's data segments hold. twiggy sees data segments only as `.rodata.N`; this
// reads their bytes and finds in them the string literals of our sources (`src/`, by module)
// and of the dependencies' sources (by crate, from Cargo's registry), and the source paths that
// panic locations name. What no literal explains is tables (numbers, lookup tables, vtables)
// and text from the standard library, whose sources are not installed here.
//   textOwners(wasmBytes, { crates }) -> Map(owner -> bytes), with 'tables and other data'
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leb, sections } from '../scripts/short-names.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OTHER = 'tables and other data';
const MIN = 4;

/** The bytes of every data segment of a wasm module. */
export function dataSegments(wasm) {
  const out = [];
  for (const { id, start, end } of sections(wasm)) {
    if (id === 11) {
      let [count, p] = leb(wasm, start);
      while (count--) {
        let flags;
        [flags, p] = leb(wasm, p);
        if (flags === 2) [, p] = leb(wasm, p);
        // An active segment's offset: one constant (`i32.const`, `i64.const`, a LEB128) or
        // `global.get`, then `end`.
        if (flags !== 1) {
          if (![0x41, 0x42, 0x23].includes(wasm[p])) throw new Error(`text-owners: an offset expression this does not read (0x${wasm[p].toString(16)})`);
          [, p] = leb(wasm, p + 1);
          if (wasm[p++] !== 0x0b) throw new Error('text-owners: an offset expression longer than one instruction');
        }
        let length;
        [length, p] = leb(wasm, p);
        out.push(wasm.subarray(p, p + length));
        p += length;
      }
      if (p !== end) throw new Error('text-owners: the data section did not parse to its end');
    }
  }
  return out;
}

/** The text of a Rust string literal's body, escapes resolved. */
function unescape(body) {
  return body.replace(/\\(?:\r?\n\s*|u\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2})|(.))/g, (m, u, x, c) => {
    if (u) return String.fromCodePoint(parseInt(u, 16));
    if (x) return String.fromCharCode(parseInt(x, 16));
    if (c === undefined) return '';
    return { n: '\n', t: '\t', r: '\r', 0: '\0' }[c] ?? c;
  });
}

/** Every string literal of a Rust source, and the pieces of format strings between `{…}`. */
function literals(source) {
  const out = [];
  // Comments and character literals are matched too, so that a `'"'` or a quote in a comment
  // never starts a string; only the string matches are kept.
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\[^\n]{1,10}?)'|r(#*)"([\s\S]*?)"\1|b?"((?:[^"\\]|\\[\s\S])*)"/g;
  for (const m of source.matchAll(re)) {
    if (m[2] === undefined && m[3] === undefined) continue;
    const text = m[2] !== undefined ? m[2] : unescape(m[3]);
    out.push(text);
    if (text.includes('{')) for (const piece of text.split(/\{[^{}]*\}/)) out.push(piece.replaceAll('{{', '{').replaceAll('}}', '}'));
  }
  return out.filter((t) => Buffer.byteLength(t) >= MIN);
}

function* rustFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* rustFiles(p);
    else if (entry.name.endsWith('.rs')) yield p;
  }
}

/** Our module for a file under src/: two levels at most, as bench/attribute.mjs groups code. */
function ourModule(file) {
  const parts = path.relative(path.join(root, 'src'), file).replace(/\.rs$/, '').split(path.sep)
    .filter((p) => p !== 'mod' && p !== 'lib' && p !== 'main');
  return ['roll_routine', ...parts.slice(0, 2)].join('::');
}

/** The registry folders of the locked packages named in `crates` (crate names, `_` or `-`). */
function crateDirs(crates) {
  const lock = fs.readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const wanted = new Set([...crates].map((c) => c.replaceAll('-', '_')));
  const registry = path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'registry', 'src');
  const indexes = fs.existsSync(registry) ? fs.readdirSync(registry).map((d) => path.join(registry, d)) : [];
  const out = [];
  for (const m of lock.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)) {
    if (!wanted.has(m[1].replaceAll('-', '_'))) continue;
    for (const index of indexes) {
      const dir = path.join(index, `${m[1]}-${m[2]}`, 'src');
      if (fs.existsSync(dir)) out.push([m[1].replaceAll('-', '_'), dir]);
    }
  }
  return out;
}

/** Who a panic location's source path belongs to. */
function pathOwner(text) {
  const lib = /^\/rustc\/[0-9a-f]+\/library\/(\w+)\//.exec(text);
  if (lib) return lib[1];
  const dep = /\/([A-Za-z0-9_-]+?)-\d+\.\d+\.\d+[^/]*\/src\//.exec(text);
  if (dep) return dep[1].replaceAll('-', '_');
  if (/^src\/.*\.rs$/.test(text)) return ourModule(path.join(root, text));
  return null;
}

/** Bytes of the data segments by owner: our modules, dependency crates, `OTHER`. */
export function textOwners(wasm, { crates = [] } = {}) {
  const candidates = new Map();
  const add = (text, owner) => {
    const bytes = Buffer.from(text, 'utf8');
    const key = bytes.subarray(0, MIN).toString('latin1');
    if (!candidates.has(key)) candidates.set(key, []);
    candidates.get(key).push({ bytes, owner });
  };
  for (const file of rustFiles(path.join(root, 'src'))) {
    for (const t of literals(fs.readFileSync(file, 'utf8'))) add(t, ourModule(file));
  }
  for (const [crate, dir] of crateDirs(crates)) {
    for (const file of rustFiles(dir)) for (const t of literals(fs.readFileSync(file, 'utf8'))) add(t, crate);
  }
  // The longest literal first; ours before a dependency's of the same length.
  for (const list of candidates.values()) list.sort((a, b) => b.bytes.length - a.bytes.length);
  const owners = new Map();
  const count = (owner, n) => owners.set(owner, (owners.get(owner) || 0) + n);
  for (const seg of dataSegments(wasm)) {
    let i = 0;
    while (i < seg.length) {
      // A panic location's path: printable bytes up to `.rs`.
      const rs = seg[i] === 0x2f || seg[i] === 0x73 ? /^(?:\/[\x21-\x7e]*?|src\/[\x21-\x7e]*?)\.rs/.exec(seg.subarray(i, i + 200).toString('latin1')) : null;
      const owner = rs && pathOwner(rs[0]);
      if (owner) {
        count(owner, rs[0].length);
        i += rs[0].length;
        continue;
      }
      const hit = (candidates.get(seg.subarray(i, i + MIN).toString('latin1')) || [])
        .find((c) => i + c.bytes.length <= seg.length && seg.subarray(i, i + c.bytes.length).equals(c.bytes));
      if (hit) {
        count(hit.owner, hit.bytes.length);
        i += hit.bytes.length;
      } else {
        count(OTHER, 1);
        i += 1;
      }
    }
  }
  return owners;
}
