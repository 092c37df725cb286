// RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits) with node:crypto, for
// logging the seeded staff in. A code is accepted once: `freshTotp` never hands
// out a code for a step it has already given for the same secret — also across
// test files, which node runs in separate processes (the last step given is kept
// in a small file per secret, named by its hash, in the system's temporary
// directory).

import { createHash, createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const STEP_SECONDS = 30;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (case-insensitive; spaces, dashes and padding ignored). */
export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) {
      throw new Error(`not base32: ${JSON.stringify(char)}`);
    }
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The time step of `unixSeconds`. */
export function totpStep(unixSeconds = Date.now() / 1000) {
  return Math.floor(unixSeconds / STEP_SECONDS);
}

/** The code for `step` (HOTP of the step counter), `digits` long. */
export function totpCode(secretBase32, step, digits = 6) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** Where the last step given for `secretBase32` is kept. */
function stepFile(secretBase32) {
  const name = createHash('sha256').update(secretBase32).digest('hex').slice(0, 16);
  return join(tmpdir(), `khien-e2e-totp-${name}`);
}

/** The last step given for the secret, by any test process; undefined if none. */
function lastStepUsed(secretBase32) {
  try {
    const step = Number.parseInt(readFileSync(stepFile(secretBase32), 'utf8'), 10);
    return Number.isNaN(step) ? undefined : step;
  } catch {
    return undefined;
  }
}

/**
 * A code that has not been used yet and stays valid for at least `marginSeconds`:
 * waits (polling the clock) for the next step when the current one was already
 * used or is about to end.
 */
export async function freshTotp(secretBase32, { marginSeconds = 5 } = {}) {
  for (;;) {
    const now = Date.now() / 1000;
    const step = totpStep(now);
    const left = (step + 1) * STEP_SECONDS - now;
    const used = lastStepUsed(secretBase32);
    if ((used === undefined || step > used) && left >= marginSeconds) {
      writeFileSync(stepFile(secretBase32), String(step));
      return totpCode(secretBase32, step);
    }
    await sleep(Math.min(1000, Math.max(50, left * 1000)));
  }
}
