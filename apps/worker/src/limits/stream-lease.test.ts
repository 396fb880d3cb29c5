import { describe, expect, it } from 'vitest';
import { acquireStreamLease, releasingAtEnd } from './stream-lease.js';

describe('stream leases when the limit is off', () => {
  it('without the binding, or with limit 0, the body is passed on untouched', async () => {
    const body = new Response('data: x\n\n').body!;
    const unbound = await acquireStreamLease(undefined, 'ip4:192.0.2.1', { limit: 3, ttlMs: 1 });
    expect(releasingAtEnd(body, unbound)).toBe(body);
    const off = await acquireStreamLease(
      {
        get: () => {
          throw new Error('not asked');
        },
      } as unknown as Env['CLIENT_STREAMS'],
      'ip4:192.0.2.1',
      { limit: 0, ttlMs: 1 },
    );
    expect(releasingAtEnd(body, off)).toBe(body);
    await expect(off.release()).resolves.toBeUndefined();
  });
});
