// `node --cpu-prof` target (bench/profile/README in the header of run): edgechat's /api/chat
// in process, against a fake upstream, without workerd — to find the worker's CPU hot spots.
//   pnpm exec tsx bench/profile/drive.ts [requests] [burst|tokens]
import { createApp } from '../../src/app.js';

const requests = Number(process.argv[2] ?? 200);
const mode = process.argv[3] === 'tokens' ? 'tokens' : 'burst';
const CHUNKS = 1000;
const encoder = new TextEncoder();

const frame = (delta: Record<string, unknown>, finish: string | null = null): string =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-p',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o',
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;
const frames = [
  frame({ role: 'assistant', content: '' }),
  ...Array.from({ length: CHUNKS }, (_, i) => frame({ content: i === 0 ? 'FIRSTTEXT' : ` w${i}` })),
  frame({}, 'stop'),
  'data: [DONE]\n\n',
].map((text) => encoder.encode(text));
const burst = encoder.encode(frames.map((bytes) => new TextDecoder().decode(bytes)).join(''));

const fakeFetch = (async () => {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (mode === 'burst') controller.enqueue(burst);
      else for (const bytes of frames) controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}) as typeof fetch;

const app = createApp({ fetch: fakeFetch, rateLimiter: null });
const env = {
  OPENAI_API_KEY: 'sk-bench-000000000000',
  OPENAI_BASE_URL: 'http://upstream.invalid/v1',
} as unknown as Env;
const ctx = {
  waitUntil() {},
  passThroughOnException() {},
  props: {},
} as unknown as ExecutionContext;

async function once(): Promise<void> {
  const response = await app.fetch(
    new Request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    }),
    env,
    ctx,
  );
  const text = await response.text();
  if (response.status !== 200 || !text.endsWith('data: [DONE]\n\n')) {
    throw new Error(`bad answer: ${response.status} ${text.slice(0, 200)}`);
  }
}

for (let i = 0; i < 20; i++) await once();
const before = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < requests; i++) await once();
const { user, system } = process.cpuUsage(before);
console.log(
  `${mode}: ${((user + system) / 1000 / requests).toFixed(3)} ms CPU, ${((performance.now() - started) / requests).toFixed(3)} ms wall per ${CHUNKS}-chunk request`,
);
