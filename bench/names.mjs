// Function names of a wasm build that keeps them (wasm-opt -g): index -> name, from the name
// section. The bench names the functions compiled before the first screen with these.
import fs from 'node:fs';

/** The function names of `file`, by function index (imports first, as the trace counts). */
export function functionNames(file) {
  const buf = fs.readFileSync(file);
  let p = 8;
  const leb = () => { let r = 0, sh = 0, b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** sh; sh += 7; } while (b & 0x80); return r; };
  const names = new Map();
  while (p < buf.length) {
    const id = buf[p++], len = leb(), end = p + len;
    if (id === 0) {
      const n = leb();
      const section = buf.subarray(p, p + n).toString();
      p += n;
      while (section === 'name' && p < end) {
        const sub = buf[p++], size = leb(), subEnd = p + size;
        if (sub === 1) {
          for (let i = 0, count = leb(); i < count; i++) {
            const index = leb(), l = leb();
            names.set(index, buf.subarray(p, p + l).toString());
            p += l;
          }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return names;
}
