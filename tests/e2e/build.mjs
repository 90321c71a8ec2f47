// The release build's files, checked before any browser opens them (../shared/spec/widget.md:
// the budgets' "everything a reader gets", hosting, the bad-input table's deploy row): the wasm
// and its glue with short import and export names (scripts/short-names.mjs), and every
// integrity attribute of the standalone page vouching for the bytes shipped. Run from the repo root after
// `trunk build --release --offline`: node tests/e2e/build.mjs (under a second).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dist } from './serve.mjs';
import { HASHED, shorten } from '../../scripts/short-names.mjs';

const file = (re) => {
  const name = fs.readdirSync(dist).find((f) => re.test(f));
  assert.ok(name, `dist/ holds a file like ${re}`);
  return path.join(dist, name);
};

test('budgets, everything a reader gets: the shipped wasm names none of its imports or exports with a hash, and its glue provides every import', () => {
  const wasm = fs.readFileSync(file(/^roll-routine-app_bg-[0-9a-f]{12}\.wasm$/));
  const glue = fs.readFileSync(file(/^roll-routine-app-[0-9a-f]{12}\.js$/), 'utf8');
  const mod = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(mod);
  const names = [...imports, ...WebAssembly.Module.exports(mod)].map((i) => i.name);
  assert.deepEqual(names.filter((n) => HASHED.test(n)), []);
  assert.ok(imports.length > 100, `the widget's wasm asks for its imports (${imports.length})`);
  for (const { name } of imports.filter((i) => i.kind === 'function')) {
    assert.match(glue, new RegExp(`[{,]${name}:`), `the glue provides ${name}`);
  }
});

test('budgets, everything a reader gets: short-names renames an import and an export in the wasm and the glue alike, and nothing else', () => {
  // A module importing `m.__wbg_log_0123456789abcdef` and `m.keep`, exporting
  // `f__h0123456789abcdef` and `memory`: the hashed names become short, the others stay.
  const str = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  const bytes = Buffer.from([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [2, ...str('m'), ...str('__wbg_log_0123456789abcdef'), 0, 0, ...str('m'), ...str('keep'), 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...str('f__h0123456789abcdef'), 0, 2, ...str('memory'), 2, 0]),
    ...section(10, [1, 2, 0, 0x0b]),
  ]);
  const glue = 'x={m:{__wbg_log_0123456789abcdef:function(){},keep:function(){}}};wasm.f__h0123456789abcdef();wasm.memory';
  const out = shorten(bytes, glue);
  const mod = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(mod).map((i) => i.name), ['a', 'keep']);
  assert.deepEqual(WebAssembly.Module.exports(mod).map((e) => e.name), ['b', 'memory']);
  assert.equal(out.glue, 'x={m:{a:function(){},keep:function(){}}};wasm.b();wasm.memory');
  assert.throws(() => shorten(bytes, 'x={m:{}}'), /never names __wbg_log_0123456789abcdef/);
});

test('hosting, and the deploy row of the bad-input table (never old code with new): every integrity attribute of the standalone page matches the file it names', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const found = [...html.matchAll(/href="?\.?\/?([\w.-]+)"? [^>]*?integrity="?(sha384-[\w+/=]+)/g)];
  assert.ok(found.some(([, name]) => name.endsWith('.wasm')) && found.some(([, name]) => /^roll-routine-app-.*\.js$/.test(name)),
    `the page vouches for the wasm and its glue (${found.map((m) => m[1]).join(', ')})`);
  for (const [, name, sri] of found) {
    const digest = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dist, name))).digest('base64')}`;
    assert.equal(sri, digest, name);
  }
});
