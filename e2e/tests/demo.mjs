// A `khien demo` of its own for the journeys that cross bodies: the demo province
// has every body the plan involves (the inspectorate, the police, the Internal
// Affairs Committee, the party inspection committee, departments, communes — one
// of them not on Khiên) and a login for each person, printed in its banner.
//
//   const demo = await startDemo();
//   await logInAs(page, demo, 'demo.protection');
//   ...
//   await demo.stop();

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expectPage } from './reporter.mjs';
import { freshTotp } from './totp.mjs';

/** How long the demo may take to seed its province (Argon2 at full cost). */
const SEED_DEADLINE_MS = 240_000;

/**
 * Starts `khien demo` on a free port in a fresh directory and waits for its banner.
 * Returns `{ baseUrl, logins, receipt, stop }`: `logins` maps each username to its
 * password and TOTP secret; `receipt` is the demo reporter's receipt.
 */
export async function startDemo() {
  const bin = process.env.KHIEN_E2E_BIN;
  if (!bin) {
    throw new Error('KHIEN_E2E_BIN is not set: run the browser tests with e2e/run');
  }
  const dir = mkdtempSync(join(tmpdir(), 'khien-e2e-demo-'));
  const child = spawn(bin, ['demo', '--data-dir', join(dir, 'demo'), '--listen', '127.0.0.1:0'], {
    env: { ...process.env, KHIEN_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (printed += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  const banner = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the demo printed no banner within ${SEED_DEADLINE_MS} ms:\n${printed}\n${errors}`)),
      SEED_DEADLINE_MS,
    );
    const poll = setInterval(() => {
      if (printed.includes('Data directory')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(printed);
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`the demo exited (${code}) before its banner:\n${printed}\n${errors}`));
    });
  });
  const baseUrl = banner.match(/public portal:\s+(http:\/\/\S+?)\/\s/)[1];
  const logins = {};
  for (const line of banner.split('\n')) {
    const [username, password, totpSecret] = line.trim().split(/\s+/);
    if (username?.startsWith('demo.') && password?.startsWith('demo-')) {
      logins[username] = { username, password, totpSecret };
    }
  }
  const receipt = banner.match(/receipt[^:]*:.*?(\d{4} \d{4} \d{4} \d{4})/)[1];
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { baseUrl, logins, receipt, stop };
}

/** Logs `username` of the demo in at `/staff/login` (password and a fresh TOTP code). */
export async function logInAs(page, demo, username) {
  const login = demo.logins[username];
  assert.ok(login, `${username} is not in the demo's banner`);
  const response = await page.goto(`${demo.baseUrl}/staff/login`);
  assert.equal(response.status(), 200);
  await page.fill('#username', login.username);
  await page.fill('#password', login.password);
  await page.fill('#totp', await freshTotp(login.totpSecret));
  await page.click('form[action^="/staff/login"] button[type="submit"]');
  await expectPage(page, 'nav.console-nav', '#login-error');
}
