import { describe, expect, it } from 'vitest';
import { verifyTurnstileToken, type VerifyRequest } from './turnstile-verify.js';

interface Seen {
  url: string;
  form: Record<string, string>;
}

function siteverify(answer: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const form = await new Request(String(input), init).formData();
    seen.push({
      url: String(input),
      form: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])),
    });
    return answer();
  }) as typeof fetch;
  return { seen, fetchFn };
}

const request = (fetchFn: typeof fetch, token = 'tok-1'): VerifyRequest => ({
  url: 'https://verify.test/siteverify',
  secret: 'the-secret',
  token,
  remoteIp: '203.0.113.7',
  fetch: fetchFn,
});

describe('verifyTurnstileToken', () => {
  it('posts secret, response and remoteip as form data; success → ok', async () => {
    const { seen, fetchFn } = siteverify(() => Response.json({ success: true }));
    expect(await verifyTurnstileToken(request(fetchFn))).toBe('ok');
    expect(seen).toEqual([
      {
        url: 'https://verify.test/siteverify',
        form: { secret: 'the-secret', response: 'tok-1', remoteip: '203.0.113.7' },
      },
    ]);
  });

  it('a refused token → failed; an empty or oversized one is refused without a call', async () => {
    const { seen, fetchFn } = siteverify(() =>
      Response.json({ success: false, 'error-codes': ['timeout-or-duplicate'] }),
    );
    expect(await verifyTurnstileToken(request(fetchFn))).toBe('failed');
    expect(await verifyTurnstileToken(request(fetchFn, ''))).toBe('failed');
    expect(await verifyTurnstileToken(request(fetchFn, 'x'.repeat(2049)))).toBe('failed');
    expect(seen).toHaveLength(1);
  });

  it('cannot tell → unavailable: down, HTTP 500, not JSON, no boolean success, a bad secret', async () => {
    const answers: (() => Response | Promise<Response>)[] = [
      () => Promise.reject(new TypeError('connection refused')),
      () => new Response('oops', { status: 500 }),
      () => new Response('<html>', { status: 200 }),
      () => Response.json({ success: 'yes' }),
      () => Response.json({ success: false, 'error-codes': ['invalid-input-secret'] }),
      () => Response.json({ success: false, 'error-codes': ['internal-error'] }),
    ];
    const outcomes = [];
    for (const answer of answers) {
      outcomes.push(await verifyTurnstileToken(request(siteverify(answer).fetchFn)));
    }
    expect(outcomes).toEqual(Array(answers.length).fill('unavailable'));
  });
});
