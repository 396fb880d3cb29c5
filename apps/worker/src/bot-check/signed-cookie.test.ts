import { describe, expect, it } from 'vitest';
import { signPass, verifyPass } from './signed-cookie.js';

const SECRET = '0x4AAAAAAA-test-secret';
const CLIENT = 'ip4:203.0.113.7';
const NOW = 1_800_000_000;

describe('signed pass', () => {
  it('verifies for the same client before it expires', async () => {
    const pass = await signPass(SECRET, CLIENT, NOW + 60);
    expect(pass).toMatch(/^v1\.1800000060\.[A-Za-z0-9_-]{43}$/);
    expect(await verifyPass(SECRET, CLIENT, pass, NOW)).toBe(true);
    expect(await verifyPass(SECRET, CLIENT, pass, NOW + 59)).toBe(true);
  });

  it('is refused once expired, for another client, under another secret', async () => {
    const pass = await signPass(SECRET, CLIENT, NOW + 60);
    expect(await verifyPass(SECRET, CLIENT, pass, NOW + 60)).toBe(false);
    expect(await verifyPass(SECRET, 'ip4:203.0.113.8', pass, NOW)).toBe(false);
    expect(await verifyPass(`${SECRET}x`, CLIENT, pass, NOW)).toBe(false);
  });

  it('is refused when tampered with: a later expiry, a flipped MAC, junk', async () => {
    const pass = await signPass(SECRET, CLIENT, NOW + 60);
    const [, , mac = ''] = pass.split('.');
    const flipped = `${mac.slice(0, 10)}${mac[10] === 'A' ? 'B' : 'A'}${mac.slice(11)}`;
    for (const value of [
      `v1.${NOW + 999_999}.${mac}`,
      `v1.${NOW + 60}.${flipped}`,
      `v2.${NOW + 60}.${mac}`,
      `v1.${NOW + 60}.${mac}=`,
      '',
      'v1..',
      `v1.${NOW + 60}`,
      `v1.-5.${mac}`,
    ]) {
      expect(await verifyPass(SECRET, CLIENT, value, NOW)).toBe(false);
    }
  });
});
