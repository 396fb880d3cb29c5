// `pnpm --filter @edgechat/web bench` (a benchmark, not a test): stream a long
// markdown answer — prose, lists, code blocks, tables — through the real page (the built app,
// its CSP), from a mock at full speed (bench/server.ts), in Chromium. Reports, for 10,000 and
// 20,000 tokens: the longest frame and the main-thread time; then the first-load JS size.
// Each number is printed against its goal: no frame over 50 ms, 20k ≤ 2.3 × 10k, ≤ 80 KB gzip.
// BENCH_DEBUG=1 also prints every frame over 50 ms with the scripts that ran in it.
import { chromium, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import buildIfNeeded from '../e2e/global-setup.js';
import { longAnswerDeltas } from '../e2e/scenarios.js';
import { benchLongChat, LONG_CHAT_QUESTION } from './long-chat.js';
import { benchSearch } from './search.js';
import { startBenchServer } from './server.js';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/chromium.js';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [10_000, 20_000] as const;
const WARM_UP = 1000;
const RUNS = 5;
const END = 'END-OF-ANSWER';
const GOALS = { frameMs: 50, linearRatio: 2.3, firstLoadKb: 80 };

interface Run {
  /**
   * Frames over 50 ms, from the Long Animation Frames API (a frame's tasks, style, layout and
   * paint — it reports exactly the frames over 50 ms), and the longest of them.
   */
  longFrames: number;
  longestFrameMs: number;
  /** Longest gap between two requestAnimationFrame callbacks, ms. */
  longestRafGapMs: number;
  /** Main-thread task time while the answer streamed and rendered (CDP TaskDuration), ms. */
  mainThreadMs: number;
  /** From Enter to the last token on screen, ms. */
  wallMs: number;
}

// A string, not a function: tsx (esbuild) would wrap a function's inner functions in a
// `__name` helper that does not exist in the page.
const PROBE = `(() => {
  const probe = { loaf: 0, count: 0, raf: 0, running: true, worst: [] };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.loaf = Math.max(probe.loaf, entry.duration);
      if (entry.duration > 50) probe.count++;
      if (entry.duration > 50) probe.worst.push({
        duration: Math.round(entry.duration),
        render: Math.round(entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0),
        style: Math.round(entry.styleAndLayoutStart ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0),
        scripts: entry.scripts.map((s) => ({ d: Math.round(s.duration), fn: s.sourceFunctionName, src: s.sourceURL.split('/').pop() + ':' + s.sourceCharPosition, inv: s.invoker, type: s.invokerType })),
      });
    }
  }).observe({ type: 'long-animation-frame' });
  let last = performance.now();
  const tick = (time) => {
    probe.raf = Math.max(probe.raf, time - last);
    last = time;
    if (probe.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

function answer(tokens: number): string[] {
  const deltas = longAnswerDeltas(tokens);
  deltas[deltas.length - 1] = `${deltas.at(-1) ?? ''}\n\n${END}`;
  return deltas;
}

async function measure(browser: Browser, url: string, tokens: number): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#composer-input').waitFor();
  // A person does not ask within milliseconds of the page appearing: let the page's idle-time
  // preparation (markdown warm-up) happen, as it would.
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskDuration = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  await page.evaluate(PROBE);
  const before = await taskDuration();
  const start = Date.now();
  await page.locator('#composer-input').fill(`bench-${tokens}`);
  await page.locator('#composer-input').press('Enter');
  // Polled from here, cheaply: Playwright's own waiting polls on every animation frame,
  // which would add its work to the frames being measured.
  const CHECK = `(() => {
    if (document.querySelector('[role="alert"]')) return 'failed';
    const answers = document.querySelectorAll('.message.assistant .markdown');
    return answers[answers.length - 1]?.textContent?.includes(${JSON.stringify(END)}) ? 'done' : '';
  })()`;
  for (let state = ''; state !== 'done'; await page.waitForTimeout(200)) {
    state = (await page.evaluate(CHECK)) as string;
    if (state === 'failed')
      throw new Error(`the answer failed: ${await page.getByRole('alert').textContent()}`);
    if (Date.now() - start > 180_000) throw new Error('the answer did not finish in 3 minutes');
  }
  const wallMs = Date.now() - start;
  // Let the last frames (highlighting queued behind the text) finish.
  await page.waitForTimeout(1000);
  const mainThreadMs = (await taskDuration()) - before;
  const probe = (await page.evaluate(
    '(() => { window.__probe.running = false; return window.__probe; })()',
  )) as { loaf: number; count: number; raf: number; worst: unknown[] };
  if (process.env.BENCH_DEBUG) console.log(tokens, JSON.stringify(probe.worst, null, 1));
  await context.close();
  return {
    longFrames: probe.count,
    longestFrameMs: probe.loaf,
    longestRafGapMs: probe.raf,
    mainThreadMs,
    wallMs,
  };
}

/** The JS a first visit downloads: the entry and its modulepreloads (lazy chunks excluded). */
function firstLoadJs(): { files: string[]; gzip: number } {
  const html = readFileSync(join(WEB, 'dist', 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1] as string);
  const gzip = files.reduce(
    (total, file) => total + gzipSync(readFileSync(join(WEB, 'dist', file)), { level: 9 }).length,
    0,
  );
  return { files, gzip };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ms = (value: number) => `${value.toFixed(1)} ms`;

buildIfNeeded();
const server = await startBenchServer(
  join(WEB, 'dist'),
  new Map([
    ...[WARM_UP, ...SIZES].map((tokens): [string, string[]] => [`bench-${tokens}`, answer(tokens)]),
    [LONG_CHAT_QUESTION, answer(1500)],
  ]),
);
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);

try {
  const search = benchSearch();
  console.log(search.lines.join('\n'));
  const longChat = await benchLongChat(browser, server.url);
  console.log(longChat.lines.join('\n'));
  if (process.env.BENCH_ONLY === 'long') process.exit(0);
  const results = new Map<number, Run[]>();
  // A warm-up run: first-time compilation should not count against the 10k run.
  await measure(browser, server.url, WARM_UP);
  for (let run = 0; run < RUNS; run++) {
    for (const tokens of SIZES) {
      const result = await measure(browser, server.url, tokens);
      results.set(tokens, [...(results.get(tokens) ?? []), result]);
    }
  }
  console.log(
    `Streaming a markdown answer through the page: ${RUNS} runs each; frames: worst run, times: median`,
  );
  // Frame times are wall-clock: other processes competing for the CPU show up in them.
  console.log(
    `  (${availableParallelism()} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')})`,
  );
  const summary = new Map<number, { long: number; frame: number; raf: number; main: number }>();
  for (const tokens of SIZES) {
    const runs = results.get(tokens) ?? [];
    const row = {
      long: Math.max(...runs.map((run) => run.longFrames)),
      frame: Math.max(...runs.map((run) => run.longestFrameMs)),
      raf: Math.max(...runs.map((run) => run.longestRafGapMs)),
      main: median(runs.map((run) => run.mainThreadMs)),
    };
    summary.set(tokens, row);
    const frames =
      row.long === 0
        ? `no frame over ${GOALS.frameMs} ms (0 long animation frames)`
        : `${row.long} frame(s) over ${GOALS.frameMs} ms, longest ${ms(row.frame)} = ${(row.frame / GOALS.frameMs).toFixed(2)}× the goal`;
    console.log(
      `  ${String(tokens).padStart(6)} tokens: ${frames}; longest interval between frames ${ms(row.raf)}; ` +
        `main-thread time ${ms(row.main)}; wall ${ms(median(runs.map((run) => run.wallMs)))}`,
    );
  }
  const small = summary.get(SIZES[0]);
  const large = summary.get(SIZES[1]);
  if (small !== undefined && large !== undefined) {
    const ratio = large.main / small.main;
    const long = small.long + large.long;
    console.log(
      `  main-thread time 20k / 10k = ${ratio.toFixed(2)} (goal ≤ ${GOALS.linearRatio}, ${(ratio / GOALS.linearRatio).toFixed(2)}× the bound): ${ratio <= GOALS.linearRatio ? 'met' : 'NOT MET'}; ` +
        `frames ≤ ${GOALS.frameMs} ms: ${long === 0 ? 'met' : 'NOT MET'}`,
    );
  }
  const js = firstLoadJs();
  const kb = js.gzip / 1024;
  console.log(
    `First-load JS: ${kb.toFixed(1)} KB gzip (${js.files.join(', ')}) = ${(kb / GOALS.firstLoadKb).toFixed(2)}× the ${GOALS.firstLoadKb} KB goal: ${kb <= GOALS.firstLoadKb ? 'met' : 'NOT MET'}; highlight.js loads lazily`,
  );
} finally {
  await browser.close();
  await server.stop();
}
