import { describe, expect, it } from 'vitest';
import { clientKey } from './client-key.js';

const key = (ip?: string) =>
  clientKey(
    new Request('https://x/', ip === undefined ? {} : { headers: { 'cf-connecting-ip': ip } }),
  );

describe('clientKey', () => {
  it('IPv4: the address', () => {
    expect(key('203.0.113.7')).toBe('ip4:203.0.113.7');
  });

  it('IPv6: the /64, however the address is written', () => {
    const keys = [
      '2001:db8:1:2:aaaa:bbbb:cccc:dddd',
      '2001:0db8:0001:0002::1',
      '2001:DB8:1:2::ffff',
      '2001:db8:1:2:0:0:0:0',
      '2001:db8:1:2::%eth0',
    ].map(key);
    expect(new Set(keys)).toEqual(new Set(['ip6:2001:db8:1:2::/64']));
    expect(key('2001:db8:1:3::1')).toBe('ip6:2001:db8:1:3::/64');
    expect(key('::1')).toBe('ip6:0:0:0:0::/64');
  });

  it('an IPv4-mapped IPv6 address is its IPv4 client', () => {
    expect(key('::ffff:198.51.100.9')).toBe('ip4:198.51.100.9');
  });

  it('no IP, or one that is not an IP: one bucket of their own', () => {
    for (const ip of [
      undefined,
      '',
      'localhost',
      '1.2.3',
      '1::2::3',
      '12345::',
      'g::1',
      '1:2:3:4:5:6:7:8:9',
    ]) {
      expect(key(ip)).toBe('no-ip');
    }
  });
});
