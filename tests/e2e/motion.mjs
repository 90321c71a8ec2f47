// End-to-end, release build (issue 19): the player's picture at the start, middle and end of
// a pass and during a hold, on both sides, in light, dark and forced colours (tests/e2e/out/
// motion/); still under reduced motion; the visual cue; axe-core in every state, forced colours
// included. Run: node tests/e2e/motion.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { shared, tap, here } from './serve.mjs';

const out = path.join(here, 'out', 'motion');
fs.mkdirSync(out, { recursive: true });

let base, browser;
shared((s) => ({ base, browser } = s));


/** Every CSS animation in the player stopped at `ms` into its run: the figure and the dot. */
const at = (page, ms) => page.evaluate((t) => {
  for (const a of document.getAnimations()) {
    if (a.animationName === 'rr-go' || a.animationName === 'rr-pace') { a.pause(); a.currentTime = t; }
  }
}, ms);

/** What moves, as the test sees it: each animation's name and state. */
const running = (page) => page.evaluate(() => document.getAnimations()
  .filter((a) => ['rr-go', 'rr-pace'].includes(a.animationName))
  .map((a) => `${a.animationName}:${a.playState}`));

// axe-core from the end-to-end test's own npm packages (tests/e2e/package.json).
const AXE = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');

async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => (await window.axe.run(document.querySelector('.rr'), { resultTypes: ['violations'] }))
    .violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ') + ': ' + (n.any[0]?.message || '')).join(' | ')})`));
}

async function start(page, violations = {}) {
  await page.goto(`${base}/`);
  await page.locator('.rr-title').waitFor();
  violations.questions = await axe(page);
  await tap(page, 'None of these');
  await tap(page, 'Longer ago');
  await tap(page, 'Neither');
  await page.locator('.rr-routine').waitFor();
}

for (const [scheme, forced] of [['light', 'none'], ['dark', 'none'], ['light', 'active'], ['dark', 'active']]) {
  test(`the picture over one pass, a hold and both sides: ${scheme}, forced colours ${forced}`, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme, forcedColors: forced });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.clock.install();
    const violations = {};
    await start(page, violations);
    const name = (s) => path.join(out, `${scheme}${forced === 'active' ? '-forced' : ''}-${s}.png`);
    const stage = page.locator('.rr-stage');
    violations.routine = await axe(page);
    await tap(page, 'Start');
    await page.locator('.rr-player').waitFor();
    assert.equal(await page.locator('.rr-player-fig').getAttribute('data-motion'), 'still');
    await stage.screenshot({ path: name('0-get-ready') });
    violations.ready = await axe(page);
    await page.clock.fastForward(10_000);
    await page.waitForTimeout(50);
    const side1 = await page.locator('.rr-side').textContent();
    const moving = await running(page);
    assert.ok(moving.includes('rr-go:running') && moving.includes('rr-pace:running'), moving.join());
    // A hold part-way through a pass: the picture stops where it is.
    await page.waitForTimeout(1200);
    await tap(page, 'Tender spot? Stay on it');
    assert.equal(await page.locator('.rr-player-fig').getAttribute('data-motion'), 'hold');
    await page.waitForTimeout(50);
    assert.ok((await running(page)).every((s) => s.endsWith(':paused')), 'still during a hold');
    await stage.screenshot({ path: name(`2-${side1.toLowerCase()}-hold`) });
    violations.hold = await axe(page);
    await tap(page, 'Let go');
    // Start, middle and end of a pass (the test's own hand on the animations from here on).
    for (const [t, label] of [[0, 'start'], [2000, 'middle'], [4000, 'end']]) {
      await at(page, t);
      await stage.screenshot({ path: name(`1-${side1.toLowerCase()}-pass-${label}`) });
    }
    violations.rolling = await axe(page);
    // The other side.
    await page.clock.fastForward(95_000);
    await page.waitForTimeout(50);
    const side2 = await page.locator('.rr-side').textContent();
    assert.notEqual(side1, side2);
    for (const [t, label] of [[0, 'start'], [4000, 'end']]) {
      await at(page, t);
      await stage.screenshot({ path: name(`3-${side2.toLowerCase()}-pass-${label}`) });
    }
    await tap(page, 'End session');
    await page.locator('.rr-finish').waitFor();
    violations.finish = await axe(page);
    assert.equal(Object.keys(violations).length, 6);
    for (const [state, v] of Object.entries(violations)) assert.deepEqual(v, [], `axe, ${state}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('reduced motion: the figure stands still with its arrow, and the cue is a colour, not a flash', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.clock.install();
  await start(page);
  await tap(page, 'Start');
  await page.clock.fastForward(10_000);
  await page.waitForTimeout(50);
  assert.equal(await page.locator('.rr-player-fig').getAttribute('data-motion'), 'go');
  const go = await page.evaluate(() => [...document.querySelectorAll('.rr-fig-go')]
    .map((g) => [g.getAnimations().length, getComputedStyle(g).transform]));
  assert.ok(go.length > 0 && go.every(([n, t]) => n === 0 && t === 'none'), JSON.stringify(go));
  assert.equal(await page.locator('.rr-player-fig .rr-fig-arrow').count(), 1, 'its arrow');
  const cue = await page.evaluate(() => getComputedStyle(document.querySelector('.rr-flash')).animationName);
  assert.equal(cue, 'rr-mark');
  await page.locator('.rr-player').screenshot({ path: path.join(out, 'reduced-motion-rolling.png') });
  await context.close();
});

test('the visual cue at a side switch, caught at its brightest', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.clock.install();
  await start(page);
  await tap(page, 'Start');
  await page.clock.fastForward(100_000);
  await page.waitForTimeout(50);
  assert.equal(await page.locator('.rr-phase').textContent(), 'SWITCH');
  const a = await page.evaluate(() => {
    const [f] = document.querySelector('.rr-flash').getAnimations();
    f.pause();
    f.currentTime = 350 + 90; // its delay, then the peak at 15 % of 600 ms
    return [f.animationName, getComputedStyle(document.querySelector('.rr-flash')).opacity];
  });
  assert.equal(a[0], 'rr-flash');
  assert.ok(Number(a[1]) > 0.9, a[1]);
  await page.locator('.rr-player').screenshot({ path: path.join(out, 'cue-switch-flash.png') });
  await context.close();
});
