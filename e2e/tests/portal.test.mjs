// The public portal as a reporter sees it with JavaScript switched off.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import {
  baseUrl,
  closeBrowser,
  foreignRequests,
  newPage,
  recordRequests,
  screenshot,
} from './browser.mjs';

after(closeBrowser);

test('the front page is Vietnamese first, English on request, and loads only from its own origin', async () => {
  const page = await newPage({ javaScript: false });
  try {
    const requests = recordRequests(page);

    const home = await page.goto(`${baseUrl}/`);
    assert.equal(home.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.equal(
      (await page.locator('h1').textContent()).trim(),
      'Phản ánh, tố cáo tham nhũng, lãng phí, tiêu cực',
    );
    assert.equal(await page.locator('script').count(), 0, 'the portal needs no script');
    await screenshot(page, 'home-vi');

    await Promise.all([
      page.waitForURL(/[?&]lang=en\b/),
      page.getByRole('link', { name: 'English' }).click(),
    ]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(
      (await page.locator('h1').textContent()).trim(),
      'Report corruption, waste and misconduct',
    );
    await screenshot(page, 'home-en');

    // The stylesheet was fetched (so requests were seen at all), and nothing else.
    assert.ok(
      requests.some((url) => new URL(url).pathname === '/static/khien.css'),
      `the stylesheet was not requested: ${requests.join(', ')}`,
    );
    assert.deepEqual(foreignRequests(requests), [], 'requests to another origin');
  } finally {
    await page.context().close();
  }
});

test('an unknown address shows the not-found page', async () => {
  const page = await newPage({ javaScript: false });
  try {
    const response = await page.goto(`${baseUrl}/no-such-page`);
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Không tìm thấy trang');
    await page.getByRole('link', { name: 'Về trang chủ' }).waitFor();
    await screenshot(page, 'not-found-vi');
  } finally {
    await page.context().close();
  }
});
