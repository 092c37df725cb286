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

/** The text of every element `locator` finds, joined. */
async function allText(locator) {
  return (await locator.allTextContents()).join(' | ');
}

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

test('item 1: the Internal Affairs Committee oversees the whole province', async () => {
  const page = await pageAs('demo.oversight');
  assert.match(await text(page.locator('#jurisdiction')), /Cả tỉnh/);
  await page.goto(`${demo.baseUrl}/staff/oversight`);
  const units = await text(page.locator('#overdue-by-unit'));
  assert.ok(units.includes('Thanh tra tỉnh'), units);
  await page.goto(`${demo.baseUrl}/staff/reports`);
  const yearly = page.locator('#submission-status');
  assert.ok((await allText(yearly.locator('tr.status-on_time'))).includes('Thanh tra tỉnh'));
  assert.ok((await allText(yearly.locator('tr.status-awaited'))).includes('Sở Xây dựng'));
  // The nine-month report: sent late by the inspectorate, never by the others.
  const nineMonths = await page.locator('#period option[value$="-9m"]').first().getAttribute('value');
  await page.selectOption('#period', nineMonths);
  await page.click('#period-picker button[type="submit"]');
  const late = page.locator('#submission-status');
  assert.ok((await allText(late.locator('tr.status-late'))).includes('Thanh tra tỉnh'));
  assert.ok((await allText(late.locator('tr.status-missing'))).includes('Sở Xây dựng'));
  await screenshot(page, 'across-bnc-reports');
  await page.context().close();
});

test('item 4: retaliation by a department goes to the inspection committee, never to it', async () => {
  const reporter = await pageAs(null);
  await reporter.goto(`${demo.baseUrl}/follow-up`);
  await reporter.fill('#receipt', demo.receipt);
  await reporter.click('form[action^="/follow-up"] button[type="submit"]');
  await reporter.locator('#tracking-number').waitFor();
  await reporter.selectOption('#accused_unit', 'SO-XD');
  await reporter.fill('#accused_name', 'Lý Văn Dũng');
  await reporter.fill('#accused_position', 'Trưởng phòng Quản lý xây dựng');
  await reporter.fill('#what_happened', 'Hồ sơ xin phép của gia đình tôi bị trả lại ba lần sau khi tôi tố cáo.');
  await reporter.fill('#when', 'Tháng 12 năm 2026');
  await reporter.click('form[action^="/follow-up/retaliation"] button[type="submit"]');
  await reporter.waitForLoadState();
  await screenshot(reporter, 'across-reporter-retaliation');
  await reporter.context().close();

  const ubkt = await pageAs('demo.ubkt');
  await ubkt.goto(`${demo.baseUrl}/staff/retaliation-cases`);
  const cases = await text(ubkt.locator('#retaliation-cases'));
  assert.equal((await ubkt.locator('#retaliation-cases tbody tr').count()) >= 2, true, cases);
  await ubkt.goto(`${demo.baseUrl}/staff/inbox`);
  const inbox = await text(ubkt.locator('main'));
  assert.match(inbox, /Lý Văn Dũng|Sở Xây dựng|KH-/, inbox);
  await screenshot(ubkt, 'across-ubkt-retaliation');
  await ubkt.context().close();

  const accused = await pageAs('demo.soxd');
  await accused.goto(`${demo.baseUrl}/staff/inbox`);
  assert.ok(!(await text(accused.locator('main'))).includes('Lý Văn Dũng'), 'never the accused unit');
  await accused.context().close();
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

/** The first case page among `/staff/inbox?stage=STAGE` that `fits(page)`. */
async function openCase(page, stage, fits) {
  await page.goto(`${demo.baseUrl}/staff/inbox?stage=${stage}`);
  const links = await page.locator('main table a[href^="/staff/cases/"]').evaluateAll((anchors) =>
    anchors.map((anchor) => anchor.getAttribute('href')),
  );
  for (const href of links) {
    await page.goto(`${demo.baseUrl}${href}`);
    if (await fits(page)) {
      return;
    }
  }
  assert.fail(`no ${stage} case fits`);
}

test('item 3: the inspectorate forwards to a commune not on Khiên, with a letter on paper', async () => {
  const page = await pageAs('demo.head');
  await openCase(page, 'classified', async (p) => /Bình Minh/.test(await text(p.locator('main'))));
  const options = await text(page.locator('#forward-unit'));
  assert.match(options, /Bình Minh[^\n]*chưa dùng Khiên/, options);
  await page.locator('#action-forward summary').click();
  await page.selectOption('#forward-unit', 'XA-BINHMINH');
  await page.click('#action-forward button[type="submit"]');
  await page.waitForLoadState();
  const main = await text(page.locator('main'));
  assert.match(main, /Đã chuyển ra ngoài Khiên/, main);
  await screenshot(page, 'across-forwarded-outside');
  await page.goto(`${demo.baseUrl}/staff/inbox`);
  assert.ok(!(await text(page.locator('main'))).includes('Lấn chiếm'), 'left the active inbox');
  await page.context().close();
});

test('item 5: a conclusion is published right away, for at least 15 days', async () => {
  const page = await pageAs('demo.head');
  await openCase(page, 'concluded', async (p) => (await p.locator('#action-publish').count()) > 0);
  await page.locator('#action-publish summary').click();
  await page.fill('#publish-days', '15');
  await page.click('#action-publish button[type="submit"]');
  await page.waitForLoadState();
  await screenshot(page, 'across-published');
  await page.context().close();
  const reader = await pageAs(null);
  await reader.goto(`${demo.baseUrl}/published`);
  assert.equal(await reader.locator('#conclusions > li').count(), 2);
  await reader.context().close();
});
