// Oversight in the browser, JavaScript off: the unit's head opens the periodic
// reports from the menu, sees the figures computed from the cases, submits the
// unit's annual report with a narrative (confirmed), finds it listed as on time,
// downloads the consolidated report as .docx, then opens the list of overdue cases
// across units. Staff member 2 is the unit's head.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { closeBrowser, newPage, screenshot } from './browser.mjs';
import { expectPage, text } from './reporter.mjs';
import { logIn, seededStaffNumber } from './staff.mjs';

describe('periodic reports and overdue cases across units', () => {
  const head = seededStaffNumber(2);
  const narrative = `Đã tổ chức quán triệt Chỉ thị 27-CT/TW; mở đường dây nóng (${Date.now().toString(36)}).`;
  let page;

  before(async () => {
    page = await newPage({ javaScript: false });
  });
  after(async () => {
    await page?.context().close();
    await closeBrowser();
  });

  test('the head submits the unit\'s annual report before 15 December', async () => {
    await logIn(page, head);
    await page.click('nav.console-nav a[href^="/staff/reports"]');
    await expectPage(page, '#figures', '#form-errors');
    assert.match(await text(page.locator('#period-label')), /Báo cáo năm \d{4}/);
    assert.match(await text(page.locator('#deadline')), /15\/12/);
    await page.fill('#narrative', narrative);
    await page.check('input[name="confirm"]');
    await page.click('#submit-report button[type="submit"]');
    await expectPage(page, '#submitted', '#form-errors');
    assert.equal(await text(page.locator('#own-submission blockquote')), narrative);
    const row = page.locator('#submission-status tr', { hasText: head.unitCode });
    assert.match((await row.getAttribute('class')) ?? '', /status-on_time/);
    await screenshot(page, 'reports-1-submitted');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#document-link'),
    ]);
    assert.match(download.suggestedFilename(), /\.docx$/);
  });

  test('the head opens the overdue cases across units', async () => {
    await page.click('nav.console-nav a[href^="/staff/oversight"]');
    await expectPage(page, '#overdue-total', '#form-errors');
    assert.match(await text(page.locator('h1')), /Hồ sơ quá hạn các đơn vị/);
    assert.match(await text(page.locator('#overdue-total')), /^\d+$/);
    await screenshot(page, 'reports-2-overdue');
  });
});
