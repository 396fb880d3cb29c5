import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAIChunk, textAnswerChunks } from '../fixtures/openai-chunks.js';
import {
  drawFaults,
  FAULT_KINDS,
  faultDeltas,
  faultPrompt,
  faultTextSent,
  seededRandom,
  type FaultKind,
} from './fault-mix.js';
import { sseFrame } from './play.js';
import { locate } from './routing.js';
import { startMockOpenAI } from './server.js';
import type { MockOpenAI } from './types.js';

let mock: MockOpenAI;
beforeAll(async () => {
  mock = await startMockOpenAI();
});
afterAll(() => mock.stop());

function post(content: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${mock.url}/chat/completions`, {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] }),
    ...(signal ? { signal } : {}),
  });
}

/** Status, and the body as far as it came; `error` when the connection broke. */
async function outcome(
  response: Response,
): Promise<{ status: number; body: string; error: boolean }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let body = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { status: response.status, body, error: false };
      body += decoder.decode(value, { stream: true });
    }
  } catch {
    return { status: response.status, body, error: true };
  }
}

const frames = (chunks: unknown[]) => chunks.map((chunk) => sseFrame(chunk)).join('');
const id = (n: number) => `chatcmpl-fault-${n}`;
const start = (n: number) =>
  frames([
    openAIChunk(id(n), { role: 'assistant', content: '', refusal: null }),
    ...faultDeltas(n)
      .slice(0, 3)
      .map((content) => openAIChunk(id(n), { content })),
  ]);

describe('the fault scenario: `scenario: fault <kind> <n>`', () => {
  it('the prompt names the scenario and its arguments', () => {
    expect(
      locate({ model: 'm', messages: [{ role: 'user', content: faultPrompt('cut', 17) }] }),
    ).toEqual({
      scenario: 'fault cut 17',
      step: 0,
    });
  });

  it('healthy: the whole answer, each delta naming the chat', async () => {
    expect(faultDeltas(4)).toEqual(['c4.0 ', 'c4.1 ', 'c4.2 ', 'c4.3 ', 'c4.4 ', 'c4.5 ']);
    expect(await outcome(await post(faultPrompt('healthy', 4)))).toEqual({
      status: 200,
      body: frames([...textAnswerChunks(id(4), faultDeltas(4)), '[DONE]']),
      error: false,
    });
  });

  it('cut: three deltas, half a frame, then the connection breaks', async () => {
    expect(await outcome(await post(faultPrompt('cut', 5)))).toEqual({
      status: 200,
      body: `${start(5)}data: {"id":"${id(5)}","obj`,
      error: true,
    });
  });

  it('http-429 and http-500: OpenAI error bodies, the 429 with retry-after', async () => {
    const limited = await post(faultPrompt('http-429', 1));
    const failed = await post(faultPrompt('http-500', 2));
    expect([limited.status, limited.headers.get('retry-after'), await limited.json()]).toEqual([
      429,
      '7',
      { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
    ]);
    expect([failed.status, await failed.json()]).toEqual([
      500,
      { error: { message: 'The server had an error', type: 'server_error' } },
    ]);
  });

  it('hang-headers: no status ever; hang-first-byte: a 200 and not a byte', async () => {
    const never = await post(faultPrompt('hang-headers', 1), AbortSignal.timeout(200)).catch(
      (error: unknown) => (error as Error).name,
    );
    expect(never).toBe('TimeoutError');
    const silent = await post(faultPrompt('hang-first-byte', 1), AbortSignal.timeout(300));
    expect(silent.status).toBe(200);
    expect(await outcome(silent)).toEqual({ status: 200, body: '', error: true });
  });

  it('garbage: three deltas, stray lines, then a data line that is not JSON', async () => {
    const { body } = await outcome(await post(faultPrompt('garbage', 8)));
    const broken = body.indexOf('data: {"id":"not json\n\n');
    expect(body.startsWith(start(8))).toBe(true);
    expect(body.slice(start(8).length, broken)).toContain('\u0001\u00ffjunk line\n\n');
    expect(broken).toBeGreaterThan(start(8).length);
  });

  it('abort: the whole answer, paced (about 5 s)', async () => {
    const started = performance.now();
    const { body } = await outcome(await post(faultPrompt('abort', 3)));
    expect(body).toBe(frames([...textAnswerChunks(id(3), faultDeltas(3)), '[DONE]']));
    expect(performance.now() - started).toBeGreaterThan(4900);
  }, 20_000); // the pacing itself takes 5 s; the margin is for a busy machine

  it('a prompt without a known kind or a number is a 400 that says how to write one', async () => {
    for (const prompt of ['scenario: fault', 'scenario: fault melt 1', 'scenario: fault cut x']) {
      const response = await post(prompt);
      const body = (await response.json()) as { error: { message: string } };
      expect([response.status, body.error.message]).toEqual([
        400,
        `mock: a fault prompt is "scenario: fault healthy 1", the kind one of ${FAULT_KINDS.join(', ')}`,
      ]);
    }
  });

  it('faultTextSent: what reaches the worker before the fault', () => {
    const sent = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, faultTextSent(kind, 1)]));
    const all = faultDeltas(1).join('');
    expect(sent).toEqual({
      healthy: all,
      cut: 'c1.0 c1.1 c1.2 ',
      'http-429': '',
      'http-500': '',
      'hang-headers': '',
      'hang-first-byte': '',
      garbage: 'c1.0 c1.1 c1.2 ',
      abort: all,
    });
  });
});

describe('drawFaults', () => {
  it('the same seed draws the same mix; another seed another', () => {
    const a = drawFaults(seededRandom(42), 200);
    expect(drawFaults(seededRandom(42), 200)).toEqual(a);
    expect(drawFaults(seededRandom(43), 200)).not.toEqual(a);
  });

  it('draws by weight: every kind of the default mix in 2,000 chats, healthy the most', () => {
    const counts = new Map<FaultKind, number>();
    for (const kind of drawFaults(seededRandom(1), 2000))
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...FAULT_KINDS].sort());
    const healthy = counts.get('healthy') ?? 0;
    // 9 of 16: about 1,125; each fault 1 of 16, about 125.
    expect(healthy).toBeGreaterThan(1000);
    for (const kind of FAULT_KINDS.filter((kind) => kind !== 'healthy'))
      expect([kind, (counts.get(kind) ?? 0) > 60 && (counts.get(kind) ?? 0) < 200]).toEqual([
        kind,
        true,
      ]);
  });

  it('a weight of 0 is never drawn; weights that add up to nothing are refused', () => {
    const only = Object.fromEntries(
      FAULT_KINDS.map((kind) => [kind, kind === 'cut' ? 1 : 0]),
    ) as Record<FaultKind, number>;
    expect(new Set(drawFaults(seededRandom(7), 100, only))).toEqual(new Set(['cut']));
    const none = { ...only, cut: 0 };
    expect(() => drawFaults(seededRandom(7), 1, none)).toThrow(
      'weights must add up to more than 0',
    );
  });
});
