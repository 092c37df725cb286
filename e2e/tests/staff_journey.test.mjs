// The staff journey against the unit and officer that e2e/seed-staff created: a
// report addressed to the unit reaches its inbox; the officer (who logs in once,
// with password and TOTP) reads and answers it; the reporter reads the answer
// with the receipt; a hotline call recorded at intake gets a receipt and reaches
// the inbox too.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { baseUrl, closeBrowser, newPage, screenshot } from './browser.mjs';
import {
  RECEIPT,
  SEND_BUTTON,
  expectPage,
  followUp,
  makePdf,
  sendReport,
  text,
} from './reporter.mjs';
import { logIn, seededStaff } from './staff.mjs';

/** A date `days` before today in Asia/Ho_Chi_Minh, as `YYYY-MM-DD`. */
function daysAgoInVietnam(days) {
  const vietnamNow = new Date(Date.now() + 7 * 3600 * 1000);
  vietnamNow.setUTCDate(vietnamNow.getUTCDate() - days);
  return vietnamNow.toISOString().slice(0, 10);
}

describe('the staff journey', () => {
  const staff = seededStaff();
  const stamp = Date.now().toString(36);
  const report = {
    subject: `Chi trả sai chế độ hỗ trợ ở Sở Thử nghiệm (${stamp})`,
    content: 'Kế toán lập danh sách khống để nhận tiền hỗ trợ của 12 người không có thật.',
  };
  let staffPage;
  let reporterPage;
  let pdf;

  before(async () => {
    pdf = makePdf('danh-sach.pdf');
    staffPage = await newPage({ javaScript: false });
    reporterPage = await newPage({ javaScript: false });
  });
  after(async () => {
    await staffPage?.context().close();
    await reporterPage?.context().close();
    pdf?.remove();
    await closeBrowser();
  });

  test('a reporter addresses a report to the seeded unit and gets a receipt', async () => {
    const unitOption = reporterPage.locator('#unit option', { hasText: staff.unitName });
    await reporterPage.goto(`${baseUrl}/report/new`);
    assert.equal(await unitOption.count(), 1, `the unit ${staff.unitName} is offered in #unit`);
    assert.equal(await unitOption.getAttribute('value'), staff.unitCode);
    Object.assign(
      report,
      await sendReport(reporterPage, {
        ...report,
        whenWhere: 'Phòng Kế toán, quý I/2026',
        accused: { name: 'Trần Thị B', position: 'Kế toán trưởng', organisation: 'Sở Thử nghiệm' },
        unit: staff.unitCode,
        files: [pdf.path],
      }),
    );
    await screenshot(reporterPage, 'staff-journey-1-reporter-receipt');
  });

  test('the officer logs in with password and TOTP', async () => {
    await logIn(staffPage, staff);
    assert.equal(new URL(staffPage.url()).pathname, '/staff');
    await screenshot(staffPage, 'staff-journey-2-home');
  });

  test('the officer finds the case in the inbox, reads it and replies', async () => {
    assert.ok(report.trackingNumber, 'the report was sent');
    const response = await staffPage.goto(`${baseUrl}/staff/inbox`);
    assert.equal(response.status(), 200);
    const link = staffPage.locator('#inbox a', { hasText: report.trackingNumber });
    assert.equal(await link.count(), 1, `${report.trackingNumber} is in the inbox`);
    await screenshot(staffPage, 'staff-journey-3-inbox');

    await link.click();
    await staffPage.locator('#subject').waitFor();
    assert.equal(await text(staffPage.locator('#tracking-number')), report.trackingNumber);
    assert.equal(await text(staffPage.locator('#subject')), report.subject);
    assert.equal(await text(staffPage.locator('#content')), report.content);
    assert.equal(await staffPage.locator('#attachments a', { hasText: pdf.name }).count(), 1);
    // The reporter stayed anonymous: no identity details on the case.
    assert.equal(await staffPage.locator('#identity-details').count(), 0);

    report.reply = `Đơn vị đã nhận được phản ánh và đang xác minh. Đề nghị cung cấp thêm danh sách (${stamp}).`;
    await staffPage.fill('#body', report.reply);
    await staffPage.click('form[action$="/messages"] button[type="submit"]');
    await expectPage(staffPage, `#messages li:has-text("${report.reply}")`, '#message-error');
    await screenshot(staffPage, 'staff-journey-4-case-replied');
  });

  test('the reporter comes back with the receipt and reads the reply', async () => {
    assert.ok(report.reply, 'the officer replied');
    await followUp(reporterPage, report.receipt);
    assert.equal(await text(reporterPage.locator('#tracking-number')), report.trackingNumber);
    await reporterPage.locator('#messages li', { hasText: report.reply }).waitFor();
    await screenshot(reporterPage, 'staff-journey-5-reporter-reads-reply');
  });

  test('a hotline call recorded at intake gets a receipt and reaches the inbox', async () => {
    const response = await staffPage.goto(`${baseUrl}/staff/intake`);
    assert.equal(response.status(), 200);
    const receivedOn = daysAgoInVietnam(2);
    const subject = `Cuộc gọi đường dây nóng: gây khó dễ khi cấp phép (${stamp})`;
    await staffPage.check('input[name="channel"][value="hotline"]');
    await staffPage.fill('#received_on', receivedOn);
    await staffPage.check('input[name="kind"][value="reflection"]');
    await staffPage.selectOption('#unit', staff.unitCode);
    await staffPage.fill('#subject', subject);
    await staffPage.fill(
      '#content',
      'Người gọi cho biết cán bộ một cửa yêu cầu nộp thêm giấy tờ không có trong quy định.',
    );
    await staffPage.fill('#when_where', 'Bộ phận một cửa, tuần trước');
    await staffPage.locator('input[name="accused_name"]').first().fill('Lê Văn C');
    await staffPage.check('input[name="identity_choice"][value="anonymous"]');
    await staffPage.click(SEND_BUTTON);
    await expectPage(staffPage, '#receipt', '#form-errors');
    const receipt = await text(staffPage.locator('#receipt'));
    const trackingNumber = await text(staffPage.locator('#tracking-number'));
    assert.match(receipt, RECEIPT);
    assert.match(trackingNumber, /^KH-\d{4}-/);
    await screenshot(staffPage, 'staff-journey-6-hotline-receipt');

    await staffPage.goto(`${baseUrl}/staff/inbox`);
    const row = staffPage.locator('#inbox tr', { hasText: trackingNumber });
    assert.equal(await row.count(), 1, `${trackingNumber} is in the inbox`);
    assert.match(await text(row), /Đường dây nóng/);
    const [year, month, day] = receivedOn.split('-');
    assert.match(await text(row), new RegExp(`${day}/${month}/${year}`));
    await screenshot(staffPage, 'staff-journey-7-inbox-with-hotline');
  });
});
