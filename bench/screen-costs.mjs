// What each screen costs a reader, measured by building the widget without it. The bench's
// attribution table (bench/attribute.mjs) shares the brotli size out by raw bytes, which is
// an estimate. This script is a measurement. It copies the project, makes one view function
// return nothing, and builds the copy as the shipped build is built (`trunk build
// --release`). The view's code drops out of the wasm, with whatever only that view reaches.
// The script then says how much smaller everything a reader gets becomes. With --render N
// it also times first render: N interleaved rounds of the fixture, the full widget and
// every variant, on the bench's bare page.
// It only measures: the copies live in a temporary folder, and none of them ships.
//   node bench/screen-costs.mjs [--render N] [--only SUBSTRING]
// It needs the tools scripts/setup installs and the bench's npm packages (scripts/bench
// installs both), and builds the fixture (bench/hello-world) as scripts/bench does. The
// copies share one cargo target folder, target/screen-costs, which stays: the first run
// compiles every dependency there (a few minutes more), later runs only the crate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveSite } from './site-server.mjs';
import { FIXTURE_FILES, WIDGET_FILES, barePage, built, firstRender, kb, launchBrowser, median, sizeBudget, sizes } from './widget-build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const rounds = process.argv.includes('--render') ? Number(arg('--render')) : 0;
if (!Number.isInteger(rounds) || rounds < 0) throw new Error('screen-costs: --render takes a number of rounds, as in --render 21');
const only = arg('--only');

// Each variant leaves out the view functions it names (file, function).
const VARIANTS = [
  { name: 'nothing (the full widget)', cuts: [] },
  { name: 'the routine screen', cuts: [['src/components/routine.rs', 'view']] },
  { name: "the routine's answers and tools", cuts: [['src/components/routine.rs', 'toolbox']] },
  { name: 'the reminder picker', cuts: [['src/components/routine.rs', 'reminder_picker']] },
  { name: 'the player', cuts: [['src/components/player.rs', 'view']] },
  { name: 'the moving picture', cuts: [['src/components/motion.rs', 'view']] },
  { name: 'the finish screen and its check-in', cuts: [['src/components/finish.rs', 'view']] },
  { name: 'the progress strip', cuts: [['src/components/progress.rs', 'view']] },
  { name: 'the routine, player and finish screens together',
    cuts: [['src/components/routine.rs', 'view'], ['src/components/player.rs', 'view'], ['src/components/finish.rs', 'view']] },
].filter((v) => !only || v.cuts.length === 0 || v.name.includes(only));

/** `source` with function `name` returning an empty view before its first statement. */
function withoutView(source, file, name) {
  const fn = new RegExp(`^\\s*(pub(\\([a-z]+\\))? )?fn ${name}[(<]`, 'm').exec(source);
  const open = fn ? source.indexOf('-> Html {', fn.index) : -1;
  // The signature's own `-> Html {`, not one of a later function: no body opens before it.
  if (open < 0 || source.slice(fn.index, open).includes('{')) throw new Error(`screen-costs: no \`fn ${name}(…) -> Html {\` in ${file}`);
  const at = open + '-> Html {'.length;
  return `${source.slice(0, at)}\n    if true {\n        return html! {};\n    }${source.slice(at)}`;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'roll-routine-screen-costs-'));
// The project's files as they are now, committed or not (git's list, without what it ignores).
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root })
  .toString().split('\0').filter((f) => f && fs.existsSync(path.join(root, f)));
const env = { ...process.env, PATH: `${os.homedir()}/.cargo/bin:${process.env.PATH}`, CARGO_TARGET_DIR: path.join(root, 'target', 'screen-costs') };

function build(variant, k) {
  const dir = path.join(work, String(k));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  }
  for (const [file, name] of variant.cuts) {
    const p = path.join(dir, file);
    fs.writeFileSync(p, withoutView(fs.readFileSync(p, 'utf8'), file, name));
  }
  console.log(`  building without ${variant.name}`);
  execFileSync('trunk', ['build', '--release', '--offline'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const dist = path.join(dir, 'dist');
  return { ...variant, dist, br: sizes(dist, WIDGET_FILES.map((f) => built(dist, f))).total.br };
}

const helloDist = path.join(here, 'hello-world', 'dist');
// The fixture built now, as scripts/bench builds it (a second or two when nothing changed).
execFileSync('trunk', ['build', '--release', '--offline'], { cwd: path.join(here, 'hello-world'), env, stdio: ['ignore', 'ignore', 'inherit'] });
const hello = sizes(helloDist, FIXTURE_FILES).total.br;
try {
  const results = VARIANTS.map(build);
  const full = results[0];

  if (rounds > 0) {
    const site = path.join(work, 'site');
    fs.cpSync(helloDist, path.join(site, 'hello'), { recursive: true });
    results.forEach((r, k) => {
      fs.cpSync(r.dist, path.join(site, String(k)), { recursive: true });
      fs.writeFileSync(path.join(site, String(k), 'bare.html'), barePage(fs.readFileSync(path.join(r.dist, 'index.html'), 'utf8')));
    });
    const { base, close } = await serveSite(site, { compress: true });
    const browser = await launchBrowser();
    const times = { hello: [], ...Object.fromEntries(results.map((_, k) => [k, []])) };
    console.log(`  first render, ${rounds} interleaved rounds`);
    for (let i = 0; i < rounds; i++) {
      times.hello.push(await firstRender(browser, `${base}/hello/`, '.hello'));
      for (let k = 0; k < results.length; k++) times[k].push(await firstRender(browser, `${base}/${k}/bare.html`, '.rr-title'));
    }
    await browser.close();
    await close();
    results.forEach((r, k) => { r.render = median(times[k]) / median(times.hello); });
    console.log(`  the fixture's first render: ${median(times.hello).toFixed(1)} ms (median of ${rounds})`);
  }

  console.log(`\n  Everything a reader gets, brotli, built without each view (budget ${kb(sizeBudget(hello))}, the fixture ${kb(hello)}):`);
  console.log(`  | without | brotli | less than the full widget |${rounds ? ' first render / fixture |' : ''}`);
  console.log(`  |---|---:|---:|${rounds ? '---:|' : ''}`);
  for (const r of results) {
    console.log(`  | ${r.name} | ${kb(r.br)} | ${kb(full.br - r.br)} |${rounds ? ` ${r.render.toFixed(2)} |` : ''}`);
  }
  console.log('  (each difference is taken before rounding)');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
