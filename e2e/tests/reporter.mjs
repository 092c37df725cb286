// What a reporter does on the public portal, shared by the journeys: fill in and
// send the report form, and come back with the receipt.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { baseUrl } from './browser.mjs';

/**
 * The report form's visible "Send" button. (The form also starts with a hidden
 * one of the same name, so that Enter in a text field sends rather than adds a row.)
 */
export const SEND_BUTTON = 'button[name="send"]:not([aria-hidden="true"])';

/** `1234 5678 9012 3456`. */
export const RECEIPT = /^\d{4} \d{4} \d{4} \d{4}$/;

/** A small PDF in a fresh temporary directory; `remove()` deletes it. */
export function makePdf(name = 'bien-ban.pdf') {
  const dir = mkdtempSync(join(tmpdir(), 'khien-e2e-pdf-'));
  const path = join(dir, name);
  writeFileSync(
    path,
    '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% Bien ban thu tien ngoai quy dinh\n%%EOF\n',
  );
  return { path, name, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Text of a locator, trimmed. */
export async function text(locator) {
  return ((await locator.textContent()) ?? '').trim();
}

/** Waits for `success`, or fails with the text of the page's `error` element. */
export async function expectPage(page, success, error) {
  await page.locator(`${success}, ${error}`).first().waitFor();
  if (await page.locator(error).count()) {
    assert.fail(`the page shows an error (${page.url()}): ${await text(page.locator(error))}`);
  }
}

/**
 * Fills `/report/new` and sends it: kind denunciation, one accused person,
 * anonymous, `files` attached, addressed to `unit` (a code, or '' for "I don't
 * know"). Returns the receipt and the tracking number shown.
 */
export async function sendReport(page, { subject, content, whenWhere, accused, unit = '', files = [] }) {
  const response = await page.goto(`${baseUrl}/report/new`);
  assert.equal(response.status(), 200);
  await page.check('input[name="kind"][value="denunciation"]');
  if (unit) {
    await page.selectOption('#unit', unit);
  }
  await page.fill('#subject', subject);
  await page.fill('#content', content);
  await page.fill('#when_where', whenWhere);
  await page.locator('input[name="accused_name"]').first().fill(accused.name);
  await page.locator('input[name="accused_position"]').first().fill(accused.position);
  await page.locator('input[name="accused_organisation"]').first().fill(accused.organisation);
  await page.check('input[name="identity_choice"][value="anonymous"]');
  if (files.length) {
    await page.setInputFiles('#files', files);
  }
  await page.click(SEND_BUTTON);
  await expectPage(page, '#receipt', '#form-errors');
  const receipt = await text(page.locator('#receipt'));
  const trackingNumber = await text(page.locator('#tracking-number'));
  assert.match(receipt, RECEIPT);
  assert.match(trackingNumber, /^KH-\d{4}-/);
  return { receipt, trackingNumber };
}

/** Opens the case with the receipt at `/follow-up`; ends on `/follow-up/case`. */
export async function followUp(page, receipt) {
  const response = await page.goto(`${baseUrl}/follow-up`);
  assert.equal(response.status(), 200);
  await page.fill('#receipt', receipt);
  await page.click('form[action^="/follow-up"] button[type="submit"]');
  await expectPage(page, '#tracking-number', '#receipt-error');
  assert.equal(new URL(page.url()).pathname, '/follow-up/case');
}
