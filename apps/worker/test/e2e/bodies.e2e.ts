// Oversized and malformed bodies through `wrangler dev`: always a JSON 413/4xx, without the
// worker restarting or another visitor's answer being disturbed.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWranglerDev, type WranglerDev } from '@edgechat/test-support/wrangler-dev';

let dev: WranglerDev;
let ip = 0;

beforeAll(async () => {
  dev = await startWranglerDev({ STATUS_WAIT_MS: '400' });
});
afterAll(async () => {
  await dev?.stop();
});

/** A raw POST over node:http, chunked (no content-length) unless `length` is given. */
function post(
  body: Buffer | (() => AsyncIterable<Buffer>),
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const url = new URL(`${dev.url}/api/chat`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'cf-connecting-ip': `192.0.2.${++ip % 250}`,
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (piece: string) => (text += piece));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    // A server may answer 413 and close while the client is still sending: the write then
    // fails, but the answer came — as a browser does, read it.
    let writeFailed: Error | undefined;
    request.on('error', (error) => {
      writeFailed = error;
      setTimeout(() => reject(error), 2000);
    });
    void (async () => {
      try {
        if (Buffer.isBuffer(body)) request.write(body);
        else
          for await (const piece of body())
            if (!request.write(piece)) await new Promise((r) => request.once('drain', r));
        request.end();
      } catch (error) {
        writeFailed ??= error as Error;
      }
    })();
  });
}

const big = (bytes: number) =>
  Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(bytes) }] }));

describe('bodies over the limit through wrangler dev', () => {
  it('a chunked 1 MB body: 413 JSON', async () => {
    const answer = await post(big(1024 * 1024));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('a chunked 20 MB body sent slowly in pieces: 413 JSON, the worker still answers others', async () => {
    async function* pieces() {
      const piece = Buffer.alloc(64 * 1024, 'a');
      yield Buffer.from('{"messages":[{"role":"user","content":"');
      for (let i = 0; i < 320; i++) yield piece;
      yield Buffer.from('"}]}');
    }
    const answer = await post(pieces);
    expect(answer.status).toBe(413);
    const health = await fetch(`${dev.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('a declared content-length over the limit: 413 JSON', async () => {
    const body = big(300 * 1024);
    const answer = await post(body, { 'content-length': String(body.length) });
    expect(answer.status).toBe(413);
  });

  it('while another visitor’s answer streams, oversized and malformed bodies do not disturb it', async () => {
    // No key in this wrangler dev: the demo model answers, paced, for a couple of seconds.
    const answer = fetch(`${dev.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '192.0.2.251' },
      body: JSON.stringify({
        messages: [{ role: 'user', content: 'Write a haiku about the sea' }],
      }),
    }).then((response) => response.text());
    async function* huge() {
      const piece = Buffer.alloc(256 * 1024, 'a');
      yield Buffer.from('{"messages":[{"role":"user","content":"');
      for (let i = 0; i < 256; i++) yield piece; // 64 MB
    }
    const outcomes = await Promise.allSettled([
      post(big(2 * 1024 * 1024)),
      post(huge),
      post(Buffer.from('{"messages":[{"role":"user","content":"\\ud800')),
      post(Buffer.from('['.repeat(100_000))),
    ]);
    const statuses = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : 'reset'));
    expect(statuses).toEqual([413, 413, 400, 400]);
    const text = await answer;
    expect(text).toContain('"type":"finish"');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(dev.output()).not.toMatch(/restarted mid-request/i);
  });
});
