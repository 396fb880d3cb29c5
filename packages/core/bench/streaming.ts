// The core's streaming layer against a floor, eventsource-parser and openai-node.
import { floor, withEdgechat, withEventsourceParser, withOpenAINode } from './contenders.js';
import { formatTable, measureCell, medianRatio, quantile } from './measure.js';
import type { CellResult } from './measure.js';
import type { ExpectedMessage } from './streams.js';
import { bodyOf, cut, workloads } from './streams.js';
import { isDeepStrictEqual } from 'node:util';

type Consume = (body: ReadableStream<Uint8Array>) => Promise<ExpectedMessage>;

const contenders: { name: string; consume: Consume }[] = [
  { name: 'floor', consume: floor },
  { name: 'eventsource-parser', consume: withEventsourceParser },
  { name: 'openai-node', consume: withOpenAINode },
  { name: 'edgechat', consume: withEdgechat },
];

// Big pieces make a run short (~25 ms), where timer and scheduler noise is a large share:
// such runs repeat the workload so every measured run is long enough to mean something.
const cuts = [
  { name: '1–32 B', min: 1, max: 32, repeat: 1 },
  { name: '1–4 KB', min: 1024, max: 4096, repeat: 5 },
];

/** The goal: the core's streaming layer costs at most this much more than the floor. */
const GOAL = 1.1;

// Ratios are medians of per-round ratios; with 2 shared cores a cell's ratio moves by a few
// hundredths between runs, so a verdict at 1.10× needs many rounds. BENCH_ROUNDS overrides.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
// BENCH_CELL="200 streams" (a substring of "<workload> <cut>") measures only matching cells.
const ONLY_CELL = process.env.BENCH_CELL;

export async function benchStreaming(): Promise<{ table: string; ok: boolean }> {
  const rows: string[][] = [];
  const failed: string[] = [];
  for (const workload of workloads()) {
    for (const c of cuts) {
      const cellName = `${workload.name} ${c.name}`;
      if (ONLY_CELL !== undefined && !cellName.includes(ONLY_CELL)) continue;
      const pieces = workload.streams.map((bytes, i) => cut(bytes, c.min, c.max, 7 + i));
      for (const contender of contenders) {
        const results: ExpectedMessage[] = [];
        for (const p of pieces) results.push(await contender.consume(bodyOf(p)));
        if (!isDeepStrictEqual(results, workload.expected)) {
          throw new Error(
            `${contender.name} produced a wrong message for ${workload.name} (${c.name})`,
          );
        }
      }
      const cell = await measureCell(
        contenders.map((contender) => ({
          name: contender.name,
          run: async () => {
            for (let r = 0; r < c.repeat; r += 1) {
              for (const p of pieces) await contender.consume(bodyOf(p));
            }
          },
        })),
        { rounds: ROUNDS },
      );
      const [floorCell, esp, openai, ours] = cell as [
        CellResult,
        CellResult,
        CellResult,
        CellResult,
      ];
      const oursRatio = medianRatio(ours, floorCell);
      const openaiRatio = medianRatio(openai, floorCell);
      const perRound = ours.roundsMs.map((ms, r) => ms / floorCell.roundsMs[r]!);
      const pass = oursRatio <= GOAL && oursRatio < openaiRatio;
      if (!pass) failed.push(`${cellName}: ${oursRatio.toFixed(2)}×`);
      rows.push([
        workload.name,
        c.name,
        `${(floorCell.medianMs / c.repeat).toFixed(1)} ms`,
        `${medianRatio(esp, floorCell).toFixed(2)}×`,
        `${openaiRatio.toFixed(2)}×`,
        `${oursRatio.toFixed(2)}×`,
        `${quantile(perRound, 0.25).toFixed(2)}–${quantile(perRound, 0.75).toFixed(2)}`,
        pass ? 'yes' : 'NO',
      ]);
    }
  }
  const table = formatTable(
    [
      'workload',
      'cut',
      'floor',
      'eventsource-parser',
      'openai-node',
      'edgechat',
      'edgechat p25–p75',
      `≤${GOAL.toFixed(2)}× & < openai`,
    ],
    rows,
  );
  const verdict =
    failed.length === 0
      ? `Every cell is within ${GOAL.toFixed(2)}× of the floor (${ROUNDS} rounds).`
      : `FAILING cells (goal ≤ ${GOAL.toFixed(2)}× and faster than openai-node, ${ROUNDS} rounds):\n` +
        failed.map((f) => `  - ${f}`).join('\n');
  return { table: `${table}\n\n${verdict}`, ok: failed.length === 0 };
}
