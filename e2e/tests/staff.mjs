// The staff seeded by e2e/seed-staff, and logging in as them.

import assert from 'node:assert/strict';

import { baseUrl } from './browser.mjs';
import { expectPage } from './reporter.mjs';
import { freshTotp } from './totp.mjs';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with e2e/run (it seeds staff)`);
  }
  return value;
}

/** The first seeded staff member (intake + handler) and their unit. */
export function seededStaff() {
  return {
    username: required('KHIEN_E2E_STAFF_USERNAME'),
    password: required('KHIEN_E2E_STAFF_PASSWORD'),
    totpSecret: required('KHIEN_E2E_STAFF_TOTP'),
    unitCode: required('KHIEN_E2E_UNIT_CODE'),
    unitName: required('KHIEN_E2E_UNIT_NAME'),
  };
}

/** Seeded staff member `n` (from 1, in the order of e2e/seed-staff's STAFF list). */
export function seededStaffNumber(n) {
  return {
    username: required(`KHIEN_E2E_STAFF_${n}_USERNAME`),
    password: required(`KHIEN_E2E_STAFF_${n}_PASSWORD`),
    totpSecret: required(`KHIEN_E2E_STAFF_${n}_TOTP`),
    unitCode: required('KHIEN_E2E_UNIT_CODE'),
    unitName: required('KHIEN_E2E_UNIT_NAME'),
  };
}

/** Logs in at `/staff/login` with password and a TOTP code never used before. */
export async function logIn(page, staff) {
  const response = await page.goto(`${baseUrl}/staff/login`);
  assert.equal(response.status(), 200);
  await page.fill('#username', staff.username);
  await page.fill('#password', staff.password);
  await page.fill('#totp', await freshTotp(staff.totpSecret));
  await page.click('form[action^="/staff/login"] button[type="submit"]');
  await expectPage(page, 'nav.console-nav', '#login-error');
}
