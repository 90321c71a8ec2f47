// End-to-end, release build: many copies, one truth (issue 17; widget.md's bad-input row "the
// widget open in two tabs"). Two pages of one browser context share storage as two tabs do.
// Run: node tests/e2e/copies.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { shared, tap, here } from './serve.mjs';

const out = path.join(here, 'out', 'copies');
fs.mkdirSync(out, { recursive: true });

let base, browser;
shared((s) => ({ base, browser } = s));


async function tab(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/`);
  await page.locator('.rr-title').waitFor();
  return { page, errors };
}

async function answerChronic(page) {
  await tap(page, 'None of these');
  await tap(page, 'Longer ago');
  await tap(page, 'Neither');
  await page.locator('.rr-routine').waitFor();
}

/** Starts the first routine, ends it and checks in. */
async function session(page, feeling) {
  await page.locator('.rr-start').first().click();
  await tap(page, 'End session');
  await page.locator('.rr-finish').waitFor();
  await tap(page, feeling);
}

/** The sessions in the stored record (the rr3 line's seventh field). */
const storedSessions = (page) => page.evaluate(() => {
  const key = Object.keys(localStorage).find((k) => k.startsWith('roll-routine'));
  const f = (localStorage.getItem(key) || '').split(';')[6] || '';
  return f ? f.split(',').length : 0;
});

test('bad input, two tabs: a session in each is kept after a reload (S2, S6)', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const a = await tab(context);
  const b = await tab(context);
  await answerChronic(a.page);
  await answerChronic(b.page);
  await session(a.page, 'Better');
  await session(b.page, 'About the same');
  await a.page.reload();
  await a.page.locator('.rr-routine').waitFor();
  assert.equal(await storedSessions(a.page), 2, 'the later tab did not write over the other');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('bad input, two tabs: tab A\'s stop shows in tab B without a reload, and in a fresh tab after B acts (S2)', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const a = await tab(context);
  const b = await tab(context);
  await answerChronic(a.page);
  await answerChronic(b.page);
  // A reports "worse"; B saves a session between A's two "worse" check-ins (B's write merges
  // with A's); then A's second "worse" stops the plan while B is mid-session.
  await session(a.page, 'Worse');
  await tap(a.page, 'Back to my routine');
  await session(b.page, 'Better');
  await tap(b.page, 'Back to my routine');
  await b.page.locator('.rr-start').first().click();
  await b.page.locator('.rr-player').waitFor();
  await session(a.page, 'Worse');
  await a.page.locator('.rr-stop').waitFor();
  // The storage event reaches B: its session ends with the advice, no reload.
  await b.page.locator('.rr-stop').waitFor({ timeout: 5000 });
  assert.equal(await b.page.locator('.rr-player').count(), 0);
  await b.page.screenshot({ path: path.join(out, 'tab-b-stopped.png') });
  // B has written since (its record merged with A's); a fresh tab still shows the stop.
  assert.equal(await storedSessions(b.page), 3);
  const c = await tab(context);
  await c.page.locator('.rr-stop').waitFor();
  assert.match(await c.page.locator('.rr-title').first().textContent(), /see a doctor/);
  assert.deepEqual([...a.errors, ...b.errors, ...c.errors], []);
  await context.close();
});
