// `pnpm --filter @edgechat/worker soak -- --minutes 5` (scripts/soak.mjs starts this): a steady
// mix of chats and upstream faults (the load test's, fault-chat.ts) against `wrangler dev` for
// a bounded time, `SOAK_CONCURRENCY` chats in flight at every moment. Every ~30 s and at the
// end it prints time to first byte, outcomes by kind, and workerd's memory over time as a
// chart. It fails if any chat did not end as promised.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  drawFaults,
  seededRandom,
  startMockOpenAI,
  type MockOpenAI,
} from '@edgechat/test-support/mock-openai';
import { startWranglerDev, type WranglerDev } from '@edgechat/test-support/wrangler-dev';
import { clientIp, runFaultChat, type ChatResult } from './fault-chat.js';
import { FAULT_VARS } from './fault-vars.js';
import { soakReport } from './soak-report.js';
import { sampleWorkerdRss, type RssSample } from './workerd-rss.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 50);
const SEED = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const REPORT_EVERY_MS = 30_000;
const RSS_EVERY_MS = 2_000;
/** Client addresses in turn: each comes back only every few seconds, far under the rate limit. */
const CLIENTS = 4096;

let mock: MockOpenAI;
let dev: WranglerDev | undefined;

/** Ctrl-C or a kill: wrangler dev runs in its own process group, so it must be stopped here. */
function stopOnSignal(signal: NodeJS.Signals): void {
  if (dev !== undefined) {
    try {
      process.kill(-dev.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

beforeAll(async () => {
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  mock = await startMockOpenAI();
  dev = await startWranglerDev(
    { OPENAI_API_KEY: 'sk-soak-0000000000', OPENAI_BASE_URL: mock.url, ...FAULT_VARS },
    { logLevel: 'error' },
  );
  // scripts/soak.mjs kills this group too, whatever way this process ends.
  if (process.env.SOAK_PIDFILE) writeFileSync(process.env.SOAK_PIDFILE, String(dev.pid));
});

afterAll(async () => {
  await dev?.stop();
  await mock?.stop();
});

it(`soak: ${MINUTES} min of chats with upstream faults, ${CONCURRENCY} at a time`, async () => {
  const server = dev as WranglerDev;
  const random = seededRandom(SEED);
  const results: ChatResult[] = [];
  const rss: RssSample[] = [];
  const started = performance.now();
  const deadline = started + MINUTES * 60_000;
  const print = (final: boolean) => {
    // Closed upstream requests are not needed any more: the mock keeps every record otherwise.
    const open = mock.requests.filter((request) => request.closedAt === undefined);
    mock.requests.splice(0, mock.requests.length, ...open);
    const report = soakReport({
      results,
      rss,
      elapsedMs: performance.now() - started,
      seed: SEED,
      concurrency: CONCURRENCY,
      openUpstream: open.length,
      final,
    });
    console.log(report);
  };

  rss.push(sampleWorkerdRss(server.pid, 0));
  const sampler = setInterval(
    () => rss.push(sampleWorkerdRss(server.pid, performance.now() - started)),
    RSS_EVERY_MS,
  );
  const reporter = setInterval(() => print(false), REPORT_EVERY_MS);
  let n = 0;
  const lane = async () => {
    while (performance.now() < deadline) {
      const i = n++;
      const [kind] = drawFaults(random, 1);
      results.push(await runFaultChat(server.url, kind ?? 'healthy', i, clientIp(i % CLIENTS)));
    }
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  } finally {
    clearInterval(sampler);
    clearInterval(reporter);
  }
  rss.push(sampleWorkerdRss(server.pid, performance.now() - started));
  print(true);
  const failed = results.filter((result) => !result.ok);
  expect({
    seed: SEED,
    failures: failed.length,
    failed: failed.slice(0, 5).map((result) => `${result.kind} ${result.n}: ${result.problem}`),
  }).toEqual({ seed: SEED, failures: 0, failed: [] });
});
