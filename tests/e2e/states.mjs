// End-to-end, release build: the safety paths as a reader walks them (S2, S3, S7), and a
// screenshot of every stop screen and of the player for every muscle of both families, in
// portrait and landscape, light and dark (tests/e2e/out/). Run: node tests/e2e/states.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { shared, tap, here, dist } from './serve.mjs';

const out = path.join(here, 'out', 'states');
fs.mkdirSync(out, { recursive: true });

let base, browser;
shared((s) => ({ base, browser } = s));

async function open(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

const shot = (page, name, fullPage = true) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
const title = (page) => page.locator('.rr-title').first().textContent();

async function answerChronic(page) {
  await tap(page, 'None of these');
  await tap(page, 'Longer ago');
  await tap(page, 'Neither');
  await page.locator('.rr-routine').waitFor();
}

test('S2: two "worse" check-ins stop the plan, and it does not come back without the clinician confirmation', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${base}/`);
  await page.locator('.rr-title').waitFor();
  await answerChronic(page);
  for (const n of [1, 2]) {
    await tap(page, 'Start: Full routine');
    await tap(page, 'End session');
    await page.locator('.rr-finish').waitFor();
    await tap(page, 'Worse');
    if (n === 1) {
      await shot(page, 'stop-0-one-worse');
      await tap(page, 'Back to my routine');
    }
  }
  await page.locator('.rr-stop').waitFor();
  assert.match(await title(page), /see a doctor/);
  await shot(page, 'stop-1-worse-light');

  // Nothing on the stop screen brings the routine back in one tap.
  await page.locator('.rr-data summary').click();
  await tap(page, 'Clear saved data');
  assert.equal(await page.locator('.rr-stop').count(), 1, 'clearing is no way past the stop');
  await page.reload();
  await page.locator('.rr-title').waitFor();
  // Cleared data means a fresh reader after a reload (S6); walk it again to test the reload.
  await answerChronic(page);
  for (const n of [1, 2]) {
    await tap(page, 'Start: Full routine');
    await tap(page, 'End session');
    await tap(page, 'Worse');
    if (n === 1) await tap(page, 'Back to my routine');
  }
  await page.reload();
  await page.locator('.rr-title').waitFor();
  assert.equal(await page.locator('.rr-stop').count(), 1, 'the stop holds after a reload');
  assert.equal(await page.locator('.rr-start').count(), 0);
  const go = page.locator('.rr-clinician .rr-secondary');
  assert.equal(await go.isDisabled(), true, 'the confirmation needs its tick first');
  await tap(page, 'A clinician has checked me');
  await shot(page, 'stop-2-clinician-ticked');
  await tap(page, 'Go on with my routine');
  assert.equal(await title(page), 'First, a quick safety check', 'then today\'s safety check');
  await tap(page, 'None of these');
  await page.locator('.rr-routine').waitFor();
  assert.match(await page.locator('.rr-cleared').textContent(), /clinician checked you/);
  await shot(page, 'stop-3-back-to-the-routine');
  assert.deepEqual(errors, []);
  await context.close();
});

test('S2, S3: every stop screen, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page, errors } = await open({ colorScheme: scheme, viewport: { width: 360, height: 780 } });
    const fresh = async () => {
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${base}/`);
      await page.locator('.rr-title').waitFor();
    };
    await page.goto(`${base}/`);
    for (const [sign, name, expected] of [
      ['groin', 'emergency', /emergency/],
      ['Fever', 'urgent-care', /medical care today/],
      ['Sharp pain', 'see-a-doctor', /see a doctor/],
    ]) {
      await fresh();
      await tap(page, sign);
      await tap(page, 'Continue');
      await page.locator('.rr-stop').waitFor();
      assert.match(await title(page), expected);
      assert.equal(await page.locator('.rr-step').count(), 0);
      if (name !== 'emergency' && name !== 'urgent-care') {
        await page.locator('.rr-urgent summary').click();
      }
      await shot(page, `stop-${name}-${scheme}`);
    }
    // A sign reported at the check-in.
    await fresh();
    await answerChronic(page);
    await tap(page, 'Start: Full routine');
    await tap(page, 'End session');
    await shot(page, `finish-check-in-${scheme}`);
    await tap(page, 'Numbness or tingling');
    await page.locator('.rr-stop').waitFor();
    await shot(page, `stop-check-in-sign-${scheme}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'nothing overflows at 360 px');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('S7: a share link asks the opener for their own safety answers and onset', async () => {
  const { context, page } = await open();
  await page.goto(`${base}/#roll-routine=10e`);
  await page.locator('.rr-title').waitFor();
  assert.equal(await title(page), 'First, a quick safety check');
  await tap(page, 'None of these');
  assert.equal(await title(page), 'When did this pain start?');
  await tap(page, 'In the last two days');
  // The time preference came with the link; the opener's new pain decides the routine.
  await page.locator('.rr-routine').waitFor();
  assert.deepEqual(await page.locator('.rr-step').evaluateAll((els) => els.map((e) => e.dataset.muscle)), ['glutes-seated']);
  await shot(page, 'share-link-acute-opener');
  await context.close();
});

/** The words a picture carries ("face down", "palm up"): each shown and upright (an even
 * number of mirrorings above it) or hidden, with its text. */
async function pictureWords(scope) {
  return scope.evaluateAll((els) => els.map((e) => {
    let flips = 0;
    for (let n = e; n && !n.classList?.contains('rr'); n = n.parentElement) {
      const t = getComputedStyle(n).transform;
      if (t && t !== 'none' && Number(t.match(/matrix\(([-0-9.e]+)/)?.[1]) < 0) flips++;
    }
    const shown = getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0;
    return `${e.textContent}: ${!shown ? 'hidden' : flips % 2 ? 'mirrored' : 'upright'}`;
  }));
}

/** The player on every step of a routine: skipping to each step's rolling. */
async function playerShots(page, prefix) {
  // On a step's card the picture is a thumbnail: its words would be a 4 px smudge.
  const cards = await pictureWords(page.locator('.rr-step-fig .rr-fig-label'));
  assert.ok(cards.every((w) => w.endsWith(': hidden')), cards.join());
  await tap(page, 'Start');
  await page.locator('.rr-player').waitFor();
  const seen = new Set();
  for (let i = 0; i < 24; i++) {
    if (await page.locator('.rr-finish').count()) break;
    const muscle = (await title(page)).trim();
    const phase = await page.locator('.rr-phase').textContent();
    if (phase === 'GET READY' && !seen.has(`${muscle}-ready`)) {
      seen.add(`${muscle}-ready`);
      await shot(page, `${prefix}-${slug(muscle)}-1-ready`, false);
      // The get-into-position countdown can be cut short with one tap (widget.md, the player).
      assert.deepEqual(await hiddenUnderControls(page, ['.rr-player-fig', '.rr-begin']), [],
        `${prefix}, ${muscle}: the picture and "Ready early? Start now" in view above the controls`);
    }
    if (phase !== 'ROLL') {
      // Into the rolling: the page's clock runs on past the get-ready.
      await page.clock.fastForward(10_000);
      await page.waitForTimeout(30);
      continue;
    }
    if (!seen.has(muscle)) {
      seen.add(muscle);
      await shot(page, `${prefix}-${slug(muscle)}-2-rolling`, false);
      // The picture of the position (widget.md, the session player) says in words which way
      // the person faces, readable on either side (the picture is mirrored for the left).
      const words = { 'Hip flexors': ['face down'], Lats: ['on your side'] }[muscle] ?? [];
      assert.deepEqual(await pictureWords(page.locator('.rr-player-fig .rr-fig-label')), words.map((w) => `${w}: upright`), muscle);
      // Nothing sticks out of the card (a phone may zoom out to fit, so the page's own
      // width would not tell).
      const out = await page.locator('.rr-player').evaluate((card) => {
        const edge = card.getBoundingClientRect().right + 1;
        return [...card.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > edge).map((e) => e.className).slice(0, 3);
      });
      assert.deepEqual(out, [], `${prefix}, ${muscle}: nothing sticks out of the player`);
      // From the floor (widget.md, the session player: the picture, the pace guide of D1 and
      // the one-tap hold of D3, none at very light pressure, S4), the moving picture, the pace
      // dot and the hold button are in view above the controls that stay on screen (a phone on
      // its side once had all three under them).
      assert.deepEqual(await hiddenUnderControls(page, ['.rr-player-fig', '.rr-pace-guide', '.rr-hold-button?']), [],
        `${prefix}, ${muscle}: the picture, the pace dot and the hold button in view above the controls`);
    }
    await page.locator('.rr-player').press('ArrowRight');
    await page.waitForTimeout(30);
  }
  return seen;
}
/** Which of `selectors` lie under the player's sticky controls or above the screen, or are
 * missing (unless marked optional with a trailing "?"). */
async function hiddenUnderControls(page, selectors) {
  return page.locator('.rr-player').evaluate((card, qs) => {
    const top = card.querySelector('.rr-controls').getBoundingClientRect().top;
    return qs.flatMap((q) => {
      const e = card.querySelector(q.replace(/\?$/, ''));
      if (!e) return q.endsWith('?') ? [] : [`${q} (missing)`];
      const r = e.getBoundingClientRect();
      return r.bottom > top || r.top < 0 ? [e.className] : [];
    });
  }, selectors);
}
const slug = (s) => s.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '');

test('the player for every muscle of both families, portrait and landscape, light and dark', async () => {
  for (const [w, h, orient] of [[390, 844, 'portrait'], [844, 390, 'landscape'], [320, 640, 'narrow']]) {
    for (const scheme of ['light', 'dark']) {
      const { context, page, errors } = await open({ viewport: { width: w, height: h }, colorScheme: scheme, hasTouch: true, isMobile: true });
      await page.clock.install();
      await page.goto(`${base}/`);
      await page.locator('.rr-title').waitFor();
      await answerChronic(page);
      const back = await playerShots(page, `player-${orient}-${scheme}-back`);
      assert.ok(back.has('Glutes') && back.has('Hip flexors') && back.has('Lats'), [...back].join());
      // The gentle routine for new pain.
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${base}/`);
      await page.locator('.rr-title').waitFor();
      await tap(page, 'None of these');
      await tap(page, 'In the last two days');
      await playerShots(page, `player-${orient}-${scheme}-acute`);
      // Forearms and hands: the demo page's second widget.
      await page.goto(`${base}/demo.html`);
      // The second widget loads as it nears the screen.
      const hands = page.locator('[data-roll-routine]').nth(1);
      await hands.scrollIntoViewIfNeeded();
      await hands.locator('.rr-title').waitFor();
      await hands.locator('button', { hasText: 'Recovery after grip' }).click();
      await hands.locator('.rr-start').first().click();
      await hands.locator('.rr-player').waitFor();
      const seenHands = new Set();
      for (let i = 0; i < 24 && !(await hands.locator('.rr-finish').count()); i++) {
        const muscle = (await hands.locator('.rr-title').textContent()).trim();
        const phase = await hands.locator('.rr-phase').textContent();
        if (phase !== 'ROLL') {
          await page.clock.fastForward(10_000);
          await page.waitForTimeout(30);
          continue;
        }
        if (!seenHands.has(muscle)) {
          seenHands.add(muscle);
          await hands.screenshot({ path: path.join(out, `player-${orient}-${scheme}-hands-${slug(muscle)}.png`) });
        }
        await hands.locator('.rr-player').press('ArrowRight');
        await page.waitForTimeout(30);
      }
      assert.equal(seenHands.size, 3, [...seenHands].join());
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('the progress picture with every kind of check-in, and the print card\'s tick grid', async () => {
  const { context, page, errors } = await open({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/`);
  await page.evaluate(() => {
    const today = Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000);
    const d = today - 4;
    // Chronic, no extras (share code 102); better, same, worse, numbness (then a clinician's
    // check), better; today's safety check done.
    localStorage.setItem('roll-routine', `rr2;102;;${today};${today}:4;${d}b1,${d + 1}s1,${d + 2}w1,${d + 3}H1,${today}b1`);
  });
  await page.reload();
  await page.locator('.rr-grid').waitFor();
  assert.deepEqual((await page.locator('.rr-grid li').evaluateAll((els) => els.map((e) => e.dataset.cell))).slice(0, 7),
    ['better', 'same', 'worse', 'stopped', 'better', 'next', 'ahead']);
  await page.locator('.rr-grid-box').screenshot({ path: path.join(out, 'progress-grid.png') });
  await page.emulateMedia({ media: 'print' });
  await page.locator('.rr-grid-box').screenshot({ path: path.join(out, 'progress-grid-print.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
