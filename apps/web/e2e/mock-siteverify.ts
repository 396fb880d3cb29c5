// A stand-in for Turnstile's siteverify on 127.0.0.1: the worker under test POSTs the form
// (secret, response, remoteip) here; one token is good, every other is refused.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'e2e-turnstile-token-ok';

export interface MockSiteverify {
  url: string;
  /** Every form received, in order. */
  calls: Record<string, string>[];
  stop(): Promise<void>;
}

export async function startMockSiteverify(): Promise<MockSiteverify> {
  const calls: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const form = await new Request('http://siteverify.test/', {
          method: 'POST',
          headers,
          body: Buffer.concat(chunks),
        }).formData();
        const call = Object.fromEntries([...form].map(([key, value]) => [key, String(value)]));
        calls.push(call);
        const success = call.response === GOOD_TOKEN;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            success ? { success } : { success, 'error-codes': ['invalid-input-response'] },
          ),
        );
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/turnstile/v0/siteverify`,
    calls,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
