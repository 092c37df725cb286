// The case workflow in the console: a denunciation received by letter on
// 2025-01-24 is recorded at intake and taken through classification, acceptance,
// verification, an extension, a suspension, the conclusion, its handling and
// publication to closing — each step a form on the case page, each due date shown
// as the law counts it (across Tết 2025). The reporter then reads the stage and the
// unit's notices with the receipt. JavaScript is off, as in Tor Browser's "Safest".
//
// The officer here is the unit's second member: the unit key reached them when the
// first member logged in during the staff journey, which e2e/run runs before this
// file (files run one at a time, in name order).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { baseUrl, closeBrowser, newPage, screenshot } from './browser.mjs';
import { RECEIPT, SEND_BUTTON, expectPage, followUp, text } from './reporter.mjs';
import { logIn, seededStaffNumber } from './staff.mjs';

/** Opens the action's form, fills it with `fill`, sends it and waits for the case page. */
async function record(page, action, fill = async () => {}) {
  const details = page.locator(`#action-${action}`);
  assert.equal(await details.count(), 1, `the case page offers ${action}`);
  await details.locator('summary').click();
  await fill(details);
  await details.locator('button[type="submit"]').click();
  await expectPage(page, '#timeline', '#action-error');
  const error = page.locator('#action-error');
  assert.equal(await error.count(), 0, `${action}: ${await error.count() ? await text(error) : ''}`);
}

/** The row of the deadlines table whose step contains `step`. */
function deadline(page, step) {
  return page.locator('#deadlines tr', { hasText: step });
}

describe('the case workflow', () => {
  const staff = seededStaffNumber(2);
  const stamp = Date.now().toString(36);
  let page;
  let reporterPage;
  let receipt;
  let caseUrl;

  before(async () => {
    page = await newPage({ javaScript: false });
    reporterPage = await newPage({ javaScript: false });
  });
  after(async () => {
    await page?.context().close();
    await reporterPage?.context().close();
    await closeBrowser();
  });

  test('a letter of 24/01/2025 is recorded and its acceptance falls due on 11/02/2025', async () => {
    await logIn(page, staff);
    await page.goto(`${baseUrl}/staff/intake`);
    await page.check('input[name="channel"][value="letter"]');
    await page.fill('#received_on', '2025-01-24');
    await page.check('input[name="kind"][value="denunciation"]');
    await page.selectOption('#unit', staff.unitCode);
    await page.fill('#subject', `Đơn tố cáo nâng khống giá thiết bị (${stamp})`);
    await page.fill('#content', 'Ban quản lý dự án mua thiết bị với giá gấp đôi giá thị trường.');
    await page.locator('input[name="accused_name"]').first().fill('Nguyễn Văn H');
    await page.check('input[name="identity_choice"][value="named"]');
    await page.fill('#full_name', 'Trần Thị Tố Cáo');
    await page.fill('#id_number', '001234567890');
    await page.click(SEND_BUTTON);
    await expectPage(page, '#receipt', '#form-errors');
    receipt = await text(page.locator('#receipt'));
    assert.match(receipt, RECEIPT);
    const trackingNumber = await text(page.locator('#tracking-number'));

    await page.goto(`${baseUrl}/staff/inbox?stage=received`);
    await page.locator('#inbox a', { hasText: trackingNumber }).click();
    await page.locator('#deadlines').waitFor();
    caseUrl = page.url();
    assert.match(await text(deadline(page, 'kiểm tra điều kiện')), /11\/02\/2025/);
    assert.match(await text(deadline(page, 'kiểm tra điều kiện')), /Quá hạn/);
    await screenshot(page, 'workflow-1-received');
  });

  test('the officer classifies and accepts it, and the resolution falls due 30 days later', async () => {
    await record(page, 'classify', (form) => form.locator('select[name="as"]').selectOption('denunciation'));
    // Acceptance without its four conditions is refused, naming the article.
    await page.locator('#action-accept summary').click();
    await page.locator('#action-accept button[type="submit"]').click();
    await page.locator('#action-error').waitFor();
    assert.match(await text(page.locator('#action-error')), /Điều 29/);
    await record(page, 'accept', async (form) => {
      for (const box of await form.locator('input[type="checkbox"]').all()) await box.check();
      await form.locator('input[name="decided_on"]').fill('2025-02-10');
    });
    assert.equal(await page.locator('#stage').getAttribute('data-stage'), 'accepted');
    assert.match(await text(deadline(page, 'kiểm tra điều kiện')), /Xong 10\/02\/2025/);
    assert.match(await text(deadline(page, 'Giải quyết tố cáo')), /12\/03\/2025/);
    await screenshot(page, 'workflow-2-accepted');
  });

  test('the acceptance decision is issued on the case page and downloads as a Word file', async () => {
    const form = page.locator('#document-acceptance_decision');
    assert.equal(await form.count(), 1, 'the case page offers the acceptance decision');
    await form.locator('summary').click();
    await form.locator('select[name="accused_honorific"]').selectOption('ong');
    await form.locator('input[name="verifier"]').fill('Phòng Nghiệp vụ 1');
    await form.locator('textarea[name="contents"]').fill('Mua thiết bị với giá gấp đôi giá thị trường');
    await form.locator('input[name="signer_name"]').fill('Nguyễn Hữu Phúc');
    await form.locator('input[name="signer_title"]').fill('Chánh Thanh tra');
    await form.locator('button[type="submit"]').click();
    await expectPage(page, '#issued-documents', '#document-error');
    const row = page.locator('#issued-documents tr', { hasText: 'Quyết định thụ lý' });
    assert.match(await text(row), /01\/QĐ-/);
    const href = await row.locator('a.download').getAttribute('href');
    const response = await page.context().request.get(`${baseUrl}${href}`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /wordprocessingml/);
    assert.match(response.headers()['content-disposition'], /acceptance_decision-01-QD-.+\.docx/);
    assert.equal((await response.body()).subarray(0, 2).toString(), 'PK');
    await screenshot(page, 'workflow-2b-document');
  });

  test('verification, an extension and a suspension move the due date', async () => {
    await record(page, 'assign', (form) => form.locator('select[name="handler"]').selectOption({ index: 0 }));
    await record(page, 'send_notice', (form) => form.locator('select[name="notice"]').selectOption('acceptance'));
    await record(page, 'verifiers', (form) => form.locator('input[name="verifiers"]').first().check());
    await record(page, 'record_plan');
    await record(page, 'extend', async (form) => {
      await form.locator('input[value="several_locations"]').check();
      await form.locator('input[name="decided_on"]').fill('2025-03-10');
    });
    assert.match(await text(deadline(page, 'Giải quyết tố cáo')), /11\/04\/2025/);
    await record(page, 'suspend', async (form) => {
      await form.locator('textarea[name="reason"]').fill('Chờ kết quả giám định giá');
      await form.locator('input[name="decided_on"]').fill('2025-03-20');
    });
    await record(page, 'resume', (form) => form.locator('input[name="decided_on"]').fill('2025-03-30'));
    assert.match(await text(deadline(page, 'Giải quyết tố cáo')), /21\/04\/2025/);
    await record(page, 'send_notice', (form) => form.locator('select[name="notice"]').selectOption('suspension'));
    await record(page, 'record_evidence');
    await screenshot(page, 'workflow-3-verification');
  });

  test('the conclusion is handled, published for 15 days and the case closed', async () => {
    await record(page, 'conclude', async (form) => {
      await form.locator('select[name="finding"]').selectOption('partly_correct');
      await form.locator('textarea[name="measures"]').fill('Kiểm điểm trách nhiệm Trưởng ban\nThu hồi số tiền chênh lệch');
      await form.locator('input[name="amount_to_recover_vnd"]').fill('450.000.000');
      await form.locator('input[name="persons_to_discipline"]').fill('1');
      await form.locator('input[name="decided_on"]').fill('2025-04-15');
    });
    assert.match(await text(deadline(page, 'Giải quyết tố cáo')), /Xong 15\/04\/2025/);
    await record(page, 'send_notice', (form) => form.locator('select[name="notice"]').selectOption('conclusion'));
    await record(page, 'handle_conclusion', (form) => form.locator('input[name="decided_on"]').fill('2025-04-25'));
    await record(page, 'publish', async (form) => {
      await form.locator('input[name="from"]').fill('2025-05-05');
      await form.locator('input[name="until"]').fill('2025-05-19');
    });
    await record(page, 'close');
    assert.equal(await page.locator('#stage').getAttribute('data-stage'), 'closed');
    assert.equal(await page.locator('#action-conclude').count(), 0, 'nothing is left to conclude');
    assert.equal(await page.locator('#action-re_denunciation').count(), 1, 'a re-denunciation may still come');
    const timeline = await text(page.locator('#timeline'));
    for (const step of ['Tiếp nhận đơn', 'Quyết định thụ lý', 'Gia hạn', 'Tạm đình chỉ', 'Kết luận', 'Công khai kết luận', 'Kết thúc hồ sơ']) {
      assert.match(timeline, new RegExp(step));
    }
    await screenshot(page, 'workflow-4-closed');
  });

  test('the reporter reads the stage and the notices with the receipt', async () => {
    assert.ok(receipt, 'the letter was recorded');
    await followUp(reporterPage, receipt);
    assert.match(await text(reporterPage.locator('#status')), /kết thúc/);
    const notices = await text(reporterPage.locator('#notices'));
    assert.match(notices, /thụ lý/);
    assert.match(notices, /Chờ kết quả giám định giá/);
    assert.match(notices, /đúng một phần/);
    assert.match(notices, /05\/05\/2025/);
    assert.doesNotMatch(notices, new RegExp(staff.username));
    await screenshot(reporterPage, 'workflow-5-reporter');
  });
});
