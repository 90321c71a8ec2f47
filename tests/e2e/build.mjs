// The release build's files, checked before any browser opens them (../shared/spec/widget.md:
// the budgets' "everything a reader gets", hosting, the bad-input table's deploy row): the wasm
// and its glue with short import and export names (scripts/short-names.mjs), and every
// integrity attribute of the standalone page vouching for the bytes shipped.
// Run from the repo root after `trunk build --release --offline`: node tests/e2e/build.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist } from './serve.mjs';
import { shorten } from '../../scripts/short-names.mjs';

const file = (re) => {
  const name = fs.readdirSync(dist).find((f) => re.test(f));
  assert.ok(name, `dist/ holds a file like ${re}`);
  return path.join(dist, name);
};

test('budgets, everything a reader gets: the shipped wasm keeps no hashed name, its glue provides every import, and calls only exports', async () => {
  const mod = new WebAssembly.Module(fs.readFileSync(file(/^roll-routine-app_bg-[0-9a-f]{12}\.wasm$/)));
  const imports = WebAssembly.Module.imports(mod);
  const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
  assert.ok(imports.length > 100, `the widget's wasm asks for its imports (${imports.length})`);
  // Looser than the pattern short-names renames by: any long run of hex digits.
  assert.deepEqual([...imports.map((i) => i.name), ...exports].filter((n) => /[0-9a-f]{12,}/.test(n)), []);
  // The glue's own import object, from a copy that also exports the function that builds it.
  const glue = fs.readFileSync(file(/^roll-routine-app-[0-9a-f]{12}\.js$/), 'utf8');
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rr-glue-')), 'glue.mjs');
  fs.writeFileSync(copy, `${glue}\nexport { __wbg_get_imports };\n`);
  const given = (await import(pathToFileURL(copy).href)).__wbg_get_imports();
  for (const { module, name, kind } of imports) {
    if (kind === 'function') assert.equal(typeof given[module]?.[name], 'function', `the glue provides ${module} ${name}`);
  }
  const called = new Set([...glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  assert.ok(called.size > 10, `the glue calls the wasm (${called.size} names)`);
  for (const name of called) assert.ok(exports.includes(name), `the wasm exports ${name}, which the glue calls`);
});

test('budgets, everything a reader gets: short-names renames an import and an export in the wasm and the glue alike, and nothing else', () => {
  // A module importing `m.__wbg_log_0123456789abcdef` and `m.keep`, exporting
  // `f__h0123456789abcdef` and `memory`: the hashed names become short, the others stay, and
  // no fresh name is one the glue already uses (`a` here: a local that would shadow it).
  const str = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  const module = (imported) => Buffer.from([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [2, ...str('m'), ...str(imported), 0, 0, ...str('m'), ...str('keep'), 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...str('f__h0123456789abcdef'), 0, 2, ...str('memory'), 2, 0]),
    ...section(10, [1, 2, 0, 0x0b]),
  ]);
  const glue = 'function g(a){return a}x={m:{__wbg_log_0123456789abcdef:function(){},keep:function(){}}};wasm.f__h0123456789abcdef();wasm.memory';
  const out = shorten(module('__wbg_log_0123456789abcdef'), glue);
  const mod = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(mod).map((i) => i.name), ['b', 'keep']);
  assert.deepEqual(WebAssembly.Module.exports(mod).map((e) => e.name), ['c', 'memory']);
  assert.equal(out.glue, 'function g(a){return a}x={m:{b:function(){},keep:function(){}}};wasm.c();wasm.memory');
  assert.throws(() => shorten(module('__wbg_log_0123456789abcdef'), 'x={m:{}}'), /never names __wbg_log_0123456789abcdef/);
  // A name that looks hashed in a way the pattern does not know stops the build.
  assert.throws(() => shorten(module('__wbg_log_0123456789abcdef0'), glue), /look hashed/);
});

test('hosting, and the deploy row of the bad-input table (never old code with new): every integrity attribute of the standalone page matches the file it names', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const found = [...html.matchAll(/href="?\.?\/?([\w.-]+)"? [^>]*?integrity="?(sha(?:256|384|512))-([\w+/=]+)/g)];
  assert.equal(found.length, (html.match(/integrity=/g) || []).length, 'every integrity attribute is read');
  assert.ok(found.some(([, name]) => name.endsWith('.wasm')) && found.some(([, name]) => /^roll-routine-app-.*\.js$/.test(name)),
    `the page vouches for the wasm and its glue (${found.map((m) => m[1]).join(', ')})`);
  for (const [, name, algo, digest] of found) {
    assert.equal(digest, crypto.createHash(algo).update(fs.readFileSync(path.join(dist, name))).digest('base64'), name);
  }
});
