import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { isJsonContentType, readJsonBody, type DrainBounds } from './read-json-body.js';

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => new Request('https://w.example/api/chat', { method: 'POST', body, headers });

async function failure(
  request: Request,
  drain?: DrainBounds,
  max = 64,
): Promise<[number, string, string]> {
  const error = await readJsonBody(request, max, drain).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return [error.status, error.code, error.message];
}

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON;charset=UTF-8', true],
    [' application/json ', true],
    ['application/jsonp', false],
    ['application/vnd.api+json', false],
    ['text/json', false],
    ['text/plain', false],
    ['', false],
    [null, false],
  ])('%s → %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe('readJsonBody', () => {
  it('parses a JSON body, with or without a BOM', async () => {
    expect(await readJsonBody(post('{"a":[1,"é"]}'), 64)).toEqual({ a: [1, 'é'] });
    expect(await readJsonBody(post('\ufeff{"a":1}'), 64)).toEqual({ a: 1 });
  });

  it('accepts a body of exactly the limit, and one byte more is 413', async () => {
    const exact = `"${'x'.repeat(62)}"`;
    expect(await readJsonBody(post(exact), 64)).toBe('x'.repeat(62));
    expect(await failure(post(`"${'x'.repeat(63)}"`))).toEqual([
      413,
      'payload_too_large',
      'The body is larger than 64 bytes.',
    ]);
  });

  it('trusts a declared length above the limit without reading', async () => {
    let pulled = false;
    const body = new ReadableStream({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    const request = new Request('https://w.example/', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'content-length': '65' },
      duplex: 'half',
    } as RequestInit);
    expect(await failure(request)).toEqual([
      413,
      'payload_too_large',
      'The body is larger than 64 bytes.',
    ]);
    expect(pulled).toBe(false);
  });

  it('counts a body that lies about its length (or has none) while reading; the rest is read and dropped, within bounds', async () => {
    const endless = (): { request: Request; pulls: () => number } => {
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls++;
          controller.enqueue(new Uint8Array(40).fill(0x20));
        },
      });
      const request = new Request('https://w.example/', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit);
      return { request, pulls: () => pulls };
    };
    const bytesBound = endless();
    expect(await failure(bytesBound.request, { maxBytes: 400, maxMs: 60_000 })).toEqual([
      413,
      'payload_too_large',
      'The body is larger than 64 bytes.',
    ]);
    // 2 reads to pass the limit, then 400 bytes dropped; nothing kept past the limit.
    expect(bytesBound.pulls()).toBeGreaterThanOrEqual(12);
    expect(bytesBound.pulls()).toBeLessThanOrEqual(15);
    const timeBound = endless();
    const started = Date.now();
    expect((await failure(timeBound.request, { maxBytes: Infinity, maxMs: 50 }))[0]).toBe(413);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('415 before anything else when the content type is not JSON', async () => {
    expect(await failure(post('x'.repeat(100), { 'content-type': 'text/plain' }))).toEqual([
      415,
      'unsupported_media_type',
      'The body must be JSON, sent with content-type: application/json.',
    ]);
  });

  it.each([
    ['no body', null, 'The body is empty.'],
    ['a blank body', ' \n', 'The body is empty.'],
    ['broken JSON', '{"a":', 'The body is not valid JSON.'],
    ['two values', '{} {}', 'The body is not valid JSON.'],
    ['invalid UTF-8', new Uint8Array([0x22, 0xc3, 0x28, 0x22]), 'The body is not valid UTF-8.'],
  ])('%s → 400', async (_name, body, message) => {
    expect(await failure(post(body))).toEqual([400, 'invalid_json', message]);
  });

  it('a body that fails mid-read (client gone) is a 400, not a crash', async () => {
    const body = new ReadableStream({ pull: (controller) => controller.error(new Error('reset')) });
    const request = new Request('https://w.example/', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(await failure(request)).toEqual([400, 'bad_request', 'The body could not be read.']);
  });
});
