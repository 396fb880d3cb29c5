// `pnpm --filter @edgechat/worker loadtest`: 200 concurrent chats with a chat id against
// `wrangler dev` (each answered by its own Durable Object), every fifth dropped mid-answer and
// resumed with Last-Event-ID. Every answer must arrive whole, each event exactly once; prints
// p50/p99 from the resume request to its first byte.
import { createSSEParser } from '@edgechat/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockOpenAI, textAnswer, type MockOpenAI } from '@edgechat/test-support/mock-openai';
import { startWranglerDev, type WranglerDev } from '@edgechat/test-support/wrangler-dev';

const CHATS = Number(process.env.LOADTEST_CHATS ?? 200);
const WORDS = Array.from({ length: 20 }, (_, i) => `w${i} `);

let mock: MockOpenAI;
let dev: WranglerDev;

beforeAll(async () => {
  mock = await startMockOpenAI({
    scenarios: {
      paced: [{ actions: textAnswer('chatcmpl-load', WORDS, { between: () => [{ sleep: 25 }] }) }],
    },
  });
  dev = await startWranglerDev(
    { OPENAI_API_KEY: 'sk-loadtest-0000000000', OPENAI_BASE_URL: mock.url },
    { logLevel: 'warn' },
  );
});

afterAll(async () => {
  await dev?.stop();
  await mock?.stop();
});

interface Outcome {
  ok: boolean;
  problem?: string;
  /** Resume request → first byte, for the dropped ones. */
  resumeFirstByte?: number;
  /** The POST → its first byte: the same path under the same load, for comparison. */
  firstByte?: number;
}

/** Reads events (id, delta) until the end, or until `dropAfter` of them came. */
async function read(
  response: Response,
  dropAfter?: number,
): Promise<{ ids: number[]; text: string; firstByteAt: number }> {
  const ids: number[] = [];
  let text = '';
  let firstByteAt = 0;
  const parser = createSSEParser({
    onEvent: ({ id, data }) => {
      if (dropAfter !== undefined && ids.length >= dropAfter) return;
      ids.push(Number(id));
      if (data !== '[DONE]') {
        const chunk = JSON.parse(data) as { type: string; delta?: string };
        if (chunk.type === 'text-delta') text += chunk.delta;
      }
    },
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    if (dropAfter !== undefined && ids.length >= dropAfter) {
      await reader.cancel();
      break;
    }
    const { done, value } = await reader.read();
    if (done) break;
    firstByteAt ||= performance.now();
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return { ids, text, firstByteAt };
}

async function chat(i: number): Promise<Outcome> {
  const id = `load-resume-${String(i).padStart(4, '0')}-${crypto.randomUUID().slice(0, 8)}`;
  const headers = { 'cf-connecting-ip': `10.9.${(i >> 8) & 255}.${i & 255}` };
  const drop = i % 5 === 0;
  const posted = performance.now();
  const response = await fetch(`${dev.url}/api/chat`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ id, messages: [{ role: 'user', content: 'scenario: paced' }] }),
  });
  if (response.status !== 200) return { ok: false, problem: `POST ${response.status}` };
  const first = await read(response, drop ? 8 : undefined);
  const firstByte = first.firstByteAt - posted;
  let ids = first.ids;
  let text = first.text;
  let resumeFirstByte: number | undefined;
  if (drop) {
    const asked = performance.now();
    const again = await fetch(`${dev.url}/api/chat/${id}/stream`, {
      headers: { ...headers, 'last-event-id': String(ids.at(-1) ?? 0) },
    });
    if (again.status !== 200) return { ok: false, problem: `resume ${again.status}` };
    const rest = await read(again);
    resumeFirstByte = rest.firstByteAt - asked;
    ids = [...ids, ...rest.ids];
    text += rest.text;
  }
  const whole = ids.every((seq, n) => seq === n + 1);
  if (text !== WORDS.join('')) return { ok: false, problem: `text ${JSON.stringify(text)}` };
  if (!whole) return { ok: false, problem: `ids ${ids.join(',')}` };
  return resumeFirstByte === undefined
    ? { ok: true, firstByte }
    : { ok: true, firstByte, resumeFirstByte };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

it(`${CHATS} concurrent chats, every fifth dropped and resumed: nothing lost or doubled`, async () => {
  // Warm-up: the first request compiles the worker.
  await chat(1_000_001);
  const outcomes = await Promise.all(Array.from({ length: CHATS }, (_, i) => chat(i)));
  const failures = outcomes.filter((o) => !o.ok);
  const resumes = outcomes.flatMap((o) =>
    o.resumeFirstByte === undefined ? [] : [o.resumeFirstByte],
  );
  const posts = outcomes.flatMap((o) => (o.firstByte === undefined ? [] : [o.firstByte]));
  const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
  console.log(
    `resumable answers: ${CHATS} chats, ${resumes.length} dropped and resumed, ${failures.length} failed; ` +
      `resume → first byte p50 ${ms(resumes, 50)} ms, p99 ${ms(resumes, 99)} ms ` +
      `(POST → first byte under the same load: p50 ${ms(posts, 50)} ms, p99 ${ms(posts, 99)} ms)`,
  );
  expect(failures.map((f) => f.problem)).toEqual([]);
  expect(resumes).toHaveLength(Math.ceil(CHATS / 5));
});
