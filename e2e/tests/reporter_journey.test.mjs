// The whistleblower's journey, with JavaScript off (Tor Browser "Safest") and on:
// send an anonymous denunciation with a PDF, get a receipt, come back with it,
// see the report and the file, and add a message.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { baseUrl, closeBrowser, foreignRequests, newPage, recordRequests, screenshot } from './browser.mjs';
import { followUp, makePdf, sendReport, text } from './reporter.mjs';

after(closeBrowser);

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'js-on' : 'js-off';

  test(`a reporter sends an anonymous denunciation with a PDF and follows it up (${mode})`, async () => {
    const pdf = makePdf('bien-ban-thu-tien.pdf');
    const page = await newPage({ javaScript });
    try {
      const requests = recordRequests(page);
      const subject = `Thu tiền ngoài quy định khi cấp phép xây dựng (${mode})`;
      const { receipt, trackingNumber } = await sendReport(page, {
        subject,
        content:
          'Ban quản lý dự án thu của mỗi hộ từ 2 đến 5 triệu đồng khi cấp giấy phép xây dựng, không có biên lai.',
        whenWhere: 'Ban quản lý dự án huyện, tháng 3/2026',
        accused: { name: 'Nguyễn Văn A', position: 'Trưởng ban', organisation: 'Ban quản lý dự án' },
        files: [pdf.path],
      });
      await screenshot(page, `reporter-${mode}-1-receipt`);

      await followUp(page, receipt);
      assert.equal(await text(page.locator('#tracking-number')), trackingNumber);
      await page.getByText(subject, { exact: true }).waitFor();
      const link = page.locator('#attachments a', { hasText: pdf.name });
      assert.equal(await link.count(), 1, 'the attachment is listed');
      const href = await link.getAttribute('href');
      assert.match(href, /^\/follow-up\/attachments\/./);

      // The file comes back decrypted, byte for byte the PDF that was sent
      // (fetched with the page's cookies).
      const download = await page.context().request.get(`${baseUrl}${href}`);
      assert.equal(download.status(), 200);
      assert.ok((await download.body()).toString('latin1').startsWith('%PDF-1.7'));

      const message = `Tôi bổ sung: có thêm 3 hộ ở thôn Đông bị thu tiền (${mode}).`;
      await page.fill('#body', message);
      await page.click('form[action="/follow-up/messages"] button[type="submit"]');
      await page.locator('#messages li', { hasText: message }).waitFor();
      assert.equal(await page.locator('#message-error').count(), 0);
      await screenshot(page, `reporter-${mode}-2-follow-up`);

      assert.deepEqual(foreignRequests(requests), [], 'requests to another origin');
    } finally {
      await page.context().close();
      pdf.remove();
    }
  });
}
