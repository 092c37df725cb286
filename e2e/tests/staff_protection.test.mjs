// Protection in the browser, JavaScript off (Tor Browser "Safest"): a reporter
// asks for urgent protection on the follow-up page; the unit's protection
// officer finds the alarm at the top of the home page, sees who decides
// (LTC Art. 49) and by when, and records measures; the reporter sees the
// measures (what, who carries them out, since when) and answers "Are you
// safe?" with "threatened"; the officer finds the alert and acknowledges the
// emergency, which leaves the home page.
//
// The officer is the unit's third member: the unit key reached them when the
// first member logged in during the staff journey, which e2e/run runs before
// this file (files run one at a time, in name order).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { baseUrl, closeBrowser, newPage, screenshot } from './browser.mjs';
import { expectPage, followUp, sendReport, text } from './reporter.mjs';
import { logIn, seededStaffNumber } from './staff.mjs';

describe('protection', () => {
  const officer = seededStaffNumber(3);
  const stamp = Date.now().toString(36);
  const carriedOutBy = `Công an phường Thanh Sơn ${stamp}`;
  let page;
  let reporterPage;
  let protectionUrl;

  before(async () => {
    page = await newPage({ javaScript: false });
    reporterPage = await newPage({ javaScript: false });
  });
  after(async () => {
    await page?.context().close();
    await reporterPage?.context().close();
    await closeBrowser();
  });

  test('a reporter asks for urgent protection from the follow-up page', async () => {
    const { receipt } = await sendReport(reporterPage, {
      subject: `Trù dập người tố cáo (${stamp})`,
      content: 'Sau khi tôi tố cáo, có người nhắn tin đe dọa.',
      whenWhere: 'Tháng 11/2026',
      accused: { name: 'Trần Văn B', position: 'Phó giám đốc', organisation: 'Sở Thử nghiệm' },
      unit: officer.unitCode,
    });
    await followUp(reporterPage, receipt);
    await reporterPage.check('input[name="persons"][value="self"]');
    await reporterPage.check('input[name="interests"][value="life"]');
    await reporterPage.check('input[name="interests"][value="confidentiality"]');
    await reporterPage.fill('#situation', 'Có người lạ nhắn tin dọa đánh tôi nếu không rút đơn.');
    await reporterPage.check('input[name="urgent"]');
    await reporterPage.click('form[action^="/follow-up/protection"] button[type="submit"]');
    await expectPage(reporterPage, '#protection-requests', '#message-error');
    assert.equal(await text(reporterPage.locator('#protection-requests .status')), 'Chờ quyết định');
    await screenshot(reporterPage, 'protection-1-requested');
  });

  test('the protection officer finds the alarm and records measures', async () => {
    await logIn(page, officer);
    await page.goto(`${baseUrl}/staff`);
    const alarms = page.locator('#emergency-alarms');
    await alarms.waitFor();
    await screenshot(page, 'protection-2-alarm');
    await alarms.locator('li a').first().click();
    await expectPage(page, 'section.protection-request', '#protection-error');
    protectionUrl = page.url().split('#')[0];
    const request = page.locator('section.protection-request').first();
    const decides = async (body) =>
      text(request.locator('table.routing tr', { hasText: body }).locator('td'));
    assert.equal(await decides('Cơ quan công an'), 'Tính mạng');
    assert.equal(await decides('Cơ quan, người giải quyết tố cáo'), 'Bí mật thông tin');
    const police = request.locator('table.protection-deadlines tr', { hasText: 'Cơ quan công an' }).first();
    assert.match(await text(police.locator('.due')), /^\d{2}\/\d{2}\/\d{4}$/);
    assert.match(await text(police.locator('.status')), /^Còn \d+ ngày$/);

    const decide = request.locator('details.decide');
    await decide.locator('select[name="body"]').selectOption('police');
    await decide.locator('input[name="measures"][value="guard"]').check();
    await decide.locator('input[name="measures"][value="keep_identity_secret"]').check();
    await decide.locator('input[name="implemented_by"]').fill(carriedOutBy);
    await decide.locator('button[type="submit"]').click();
    await expectPage(page, 'section.protection-request[data-status="running"]', '#protection-error');
    await screenshot(page, 'protection-3-decided');
  });

  test('the reporter sees the measures and says they are threatened', async () => {
    await reporterPage.goto(`${baseUrl}/follow-up/case`);
    const measures = reporterPage.locator('#protection-measures');
    await measures.waitFor();
    const shown = await text(measures);
    assert.ok(shown.includes(carriedOutBy), shown);
    assert.ok(shown.includes('Bố trí lực lượng, phương tiện bảo vệ an toàn'), shown);
    assert.ok(!shown.includes(officer.username), 'no staff name for the reporter');
    const form = reporterPage.locator('form.check-in').first();
    await form.locator('input[name="answer"][value="threatened"]').check();
    await form.locator('textarea[name="note"]').fill('Có xe lạ đỗ trước nhà hai đêm liền.');
    await form.locator('button[type="submit"]').click();
    await expectPage(reporterPage, '#check-in-answers', '#message-error');
    assert.match(await text(reporterPage.locator('#check-in-answers')), /Bị đe dọa/);
    assert.equal(await reporterPage.locator('form.check-in').count(), 0, 'answered: no question open');
    await screenshot(reporterPage, 'protection-4-check-in');
  });

  test('the officer finds the alert and acknowledges the emergency', async () => {
    await page.goto(`${baseUrl}/staff/alerts`);
    const threatened = page.locator('#alerts li', { hasText: 'Bị đe dọa' });
    await threatened.waitFor();
    assert.match(await text(threatened), /Có xe lạ đỗ trước nhà/);
    const emergency = page.locator('#alerts li', { hasText: 'Đề nghị bảo vệ khẩn cấp' }).first();
    await emergency.locator('form[action$="/acknowledge"] button[type="submit"]').click();
    await page.locator('#alerts').waitFor();
    await page.goto(`${baseUrl}/staff`);
    assert.equal(await page.locator('#emergency-alarms').count(), 0);
    const response = await page.goto(protectionUrl);
    assert.equal(response.status(), 200);
    assert.match(await text(page.locator('ul.check-ins')), /Bị đe dọa/);
    await screenshot(page, 'protection-5-acknowledged');
  });
});
