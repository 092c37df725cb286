// Journeys that cross bodies, walked in the demo province with JavaScript off: each
// person logs in at their own body and finds what another body did.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { closeBrowser, newPage, screenshot } from './browser.mjs';
import { logInAs, startDemo } from './demo.mjs';
import { text } from './reporter.mjs';

let demo;
before(async () => {
  demo = await startDemo();
});
after(async () => {
  await closeBrowser();
  await demo?.stop();
});

/** A page of the demo, as `username` (or the public, with `null`). */
async function pageAs(username) {
  const page = await newPage();
  if (username) {
    await logInAs(page, demo, username);
  }
  return page;
}

test('a superior head sees the overdue cases of the units below, across bodies', async () => {
  const page = await pageAs('demo.ubnd');
  await page.goto(`${demo.baseUrl}/staff/oversight`);
  const units = await text(page.locator('#overdue-by-unit'));
  for (const unit of ['Thanh tra tỉnh', 'Sở Xây dựng', 'Ủy ban nhân dân xã An Phú']) {
    assert.ok(units.includes(unit), `${unit} missing: ${units}`);
  }
  await screenshot(page, 'across-ubnd-overdue');
  await page.context().close();
});

test('the reporter follows their report at the inspectorate with the demo receipt', async () => {
  const page = await pageAs(null);
  await page.goto(`${demo.baseUrl}/follow-up`);
  await page.fill('#receipt', demo.receipt);
  await page.click('form[action^="/follow-up"] button[type="submit"]');
  await page.locator('#tracking-number').waitFor();
  const notices = await text(page.locator('#notices'));
  assert.match(notices, /thụ lý/i, notices);
  await screenshot(page, 'across-reporter-follow-up');
  await page.context().close();
});

test('the public sees the conclusion the inspectorate published', async () => {
  const page = await pageAs(null);
  const response = await page.goto(`${demo.baseUrl}/published`);
  assert.equal(response.status(), 200);
  assert.ok((await text(page.locator('main'))).includes('Thanh tra tỉnh'));
  await page.context().close();
});
