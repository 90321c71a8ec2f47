// Where the widget's wasm goes: every item of a release build that keeps its names (built the
// same way as the shipped one: size profile, wasm-bindgen, wasm-opt -Oz with the same flags,
// plus -g), read by `twiggy`, grouped by owner: each module of ours (roll_routine::…), each
// dependency crate, the standard library, and the data segments (text and tables). Raw bytes
// are exact; the brotli column shares the shipped wasm's brotli size out in proportion to
// raw bytes, an estimate (text compresses better than code). The data segments, which twiggy
// names only `.rodata.N`, are then split by whose text they hold (bench/text-owners.mjs).
//   node bench/attribute.mjs NAMED.wasm SHIPPED.wasm [--top N]
import fs from 'node:fs';
import { brotli as brotliSize } from './widget-build.mjs';
import { execFileSync } from 'node:child_process';
import { textOwners, OTHER } from './text-owners.mjs';

const [named, shipped] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const topArg = process.argv.indexOf('--top');
const TOP = topArg > 0 ? Number(process.argv[topArg + 1]) : 10;
if (!named || !shipped) {
  console.error('usage: node bench/attribute.mjs NAMED.wasm SHIPPED.wasm [--top N]');
  process.exit(2);
}

/** One CSV line of twiggy's output into its fields. */
function fields(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', named], { maxBuffer: 64 << 20 }).toString();
const items = csv.trim().split('\n').slice(1).map(fields)
  .map(([name, size]) => ({ name, size: Number(size) }))
  // The names themselves exist only in this build, not in the shipped one.
  .filter((i) => !/^"?(function|local|global|type|data|table|memory|elem|module) names"? subsection$|^custom section '(name|producers|target_features)'/.test(i.name)
    && !i.name.includes('names" subsection'));

/** A path's owner: `roll_routine::a::b` for our modules, the crate name otherwise. */
function ownerOfPath(path) {
  const parts = path.replace(/\[[0-9a-f]+\]/g, '').split('::');
  if (parts[0] === 'roll_routine' || parts[0] === 'roll_routine_app') {
    const mods = parts.slice(1).filter((p) => /^[a-z_][a-z0-9_]*$/.test(p) && !/^h[0-9a-f]{16}$/.test(p));
    // Two levels of module at most (roll_routine::components::routine), never the function.
    return ['roll_routine', ...mods.slice(0, mods.length > 2 ? 2 : Math.max(mods.length - 1, 1))].join('::');
  }
  return parts[0];
}

/** Who an item belongs to, from its demangled name. */
function owner(name) {
  if (/^data segment/.test(name)) return 'data segments (text, tables)';
  if (/^(import |export|table|elem\[|code\[|type|memory|global|code section|wasm magic|custom section)/.test(name)) return 'wasm sections (imports, exports, tables)';
  // Our exports to JavaScript (js_api.rs, main.rs) keep their plain names.
  if (/^(mount|main|rollroutinehandle_\w+|__wbg_rollroutinehandle_\w+)$/.test(name)) return 'roll_routine::js_api';
  if (/^__rustc/.test(name) || /^__externref/.test(name)) return name.startsWith('__rustc') ? 'alloc' : 'wasm_bindgen';
  if (/^(round|roundf|floor|ceil|fmod|memcpy|memset|memmove|memcmp)f?$/.test(name)) return 'core';
  if (/->\s*Externref|^Closure\(|^(Ref|RefMut|F64|I64|U64|String|Option)/.test(name)) return 'wasm_bindgen';
  // `<Type as Trait>::f`: the type's owner when the type is a path, else the trait's.
  const impl = /^<+(?:&(?:mut )?|dyn )?([A-Za-z_][\w:[\]]*)[^ ]*? as ([A-Za-z_][\w:[\]]*)/.exec(name);
  if (impl) {
    const [, type, trait] = impl;
    return ownerOfPath(type.includes('::') ? type : trait);
  }
  // `<Type>::f`, an inherent method.
  const inherent = /^<([A-Za-z_][\w:[\]]*)/.exec(name);
  if (inherent) return ownerOfPath(inherent[1]);
  // Generic glue (`drop_in_place<T>`, `Scope<T>::callback`) goes to its type parameter's owner
  // when that is ours.
  const ours = /roll_routine::[\w:]+/.exec(name);
  if (/^core::ptr::drop_in_place/.test(name) && ours) return ownerOfPath(ours[0]);
  const path = /^([A-Za-z_][\w:[\]]*)/.exec(name);
  return path ? ownerOfPath(path[1]) : 'other';
}

const raw = items.reduce((n, i) => n + i.size, 0);
const brotli = brotliSize(fs.readFileSync(shipped));
const groups = new Map();
for (const i of items) {
  const o = owner(i.name);
  groups.set(o, (groups.get(o) || 0) + i.size);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [...groups].sort((a, b) => b[1] - a[1]);
console.log(`  where the wasm goes (${kb(raw)} raw without names; shipped ${kb(brotli)} brotli; brotli shared out by raw bytes):`);
console.log('  | owner | raw | brotli (est.) | share |');
console.log('  |---|---:|---:|---:|');
for (const [o, n] of rows) {
  if (n / raw < 0.002) continue;
  console.log(`  | ${o} | ${kb(n)} | ${kb((n * brotli) / raw)} | ${((100 * n) / raw).toFixed(1)} % |`);
}
const small = rows.filter(([, n]) => n / raw < 0.002).reduce((s, [, n]) => s + n, 0);
console.log(`  | (${rows.filter(([, n]) => n / raw < 0.002).length} smaller owners) | ${kb(small)} | ${kb((small * brotli) / raw)} | ${((100 * small) / raw).toFixed(1)} % |`);
// The data segments by whose text they hold (bench/text-owners.mjs): twiggy only names them
// `.rodata.N`. web-sys's and js-sys's literals name JavaScript members, which live in the glue,
// so they are left out rather than matched by chance.
const dataTotal = groups.get('data segments (text, tables)') || 0;
const text = textOwners(fs.readFileSync(named), { crates: [...groups.keys()].filter((o) => !/^(roll_routine|web_sys|js_sys)/.test(o)) });
const textBytes = [...text.values()].reduce((s, n) => s + n, 0);
console.log(`  the data segments (${kb(dataTotal)} raw), by whose string literals or source paths they hold:`);
console.log('  | text of | raw | brotli (est.) |');
console.log('  |---|---:|---:|');
const textRows = [...text].sort((a, b) => b[1] - a[1]);
const shown = textRows.filter(([o, n]) => o === OTHER || n / textBytes >= 0.01);
for (const [o, n] of shown) {
  const share = (n * dataTotal) / textBytes;
  console.log(`  | ${o === OTHER ? `${OTHER} (numbers such as the pictures' poses, the pointers and lengths of content tables, lookup tables, the standard library's messages)` : o} | ${kb(share)} | ${kb((share * brotli) / raw)} |`);
}
const rest = textRows.filter((r) => !shown.includes(r)).reduce((s, [, n]) => s + n, 0);
console.log(`  | (${textRows.length - shown.length} smaller owners) | ${kb((rest * dataTotal) / textBytes)} | ${kb((((rest * dataTotal) / textBytes) * brotli) / raw)} |`);
const ourTotal = rows.filter(([o]) => o.startsWith('roll_routine')).reduce((s, [, n]) => s + n, 0);
console.log(`  ours in all: ${kb(ourTotal)} raw (${((100 * ourTotal) / raw).toFixed(1)} %)`);
console.log(`  the ${TOP} largest items:`);
console.log('  | item | raw |');
console.log('  |---|---:|');
for (const i of [...items].sort((a, b) => b.size - a.size).slice(0, TOP)) {
  console.log(`  | ${i.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, '').replace(/\|/g, '\\|').slice(0, 110)} | ${kb(i.size)} |`);
}
