// The TOTP helper against the RFC 6238 test vectors (SHA-1 secret
// "12345678901234567890"), so a failed staff login is never the helper's fault.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { base32Decode, totpCode, totpStep } from './totp.mjs';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test('base32 decodes the RFC secret', () => {
  assert.equal(base32Decode(SECRET).toString('ascii'), '12345678901234567890');
  assert.equal(base32Decode('gezd gnbv-gy3t qojq').toString('ascii'), '1234567890');
  assert.throws(() => base32Decode('GEZ1'), /not base32/);
});

test('codes match RFC 6238 appendix B (last 6 of the 8 digits)', () => {
  for (const [time, eight] of [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ]) {
    assert.equal(totpCode(SECRET, totpStep(time), 8), eight, `T=${time}`);
    assert.equal(totpCode(SECRET, totpStep(time)), eight.slice(2), `T=${time}`);
  }
});
