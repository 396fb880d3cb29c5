// The core's streaming layer against a floor, eventsource-parser and openai-node.
import { floor, withEdgechat, withEventsourceParser, withOpenAINode } from './contenders.js';
import { formatTable, measureCell } from './measure.js';
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

export async function benchStreaming(): Promise<{ table: string; ok: boolean }> {
  const rows: string[][] = [];
  let ok = true;
  for (const workload of workloads()) {
    for (const c of cuts) {
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
        { rounds: 9 },
      );
      const [floorMs, esp, openai, ours] = cell.map((r) => r.medianMs) as [
        number,
        number,
        number,
        number,
      ];
      const oursRatio = ours / floorMs;
      const pass = oursRatio <= 1.15 && ours < openai;
      ok &&= pass;
      rows.push([
        workload.name,
        c.name,
        `${(floorMs / c.repeat).toFixed(1)} ms`,
        `${(esp / floorMs).toFixed(2)}×`,
        `${(openai / floorMs).toFixed(2)}×`,
        `${oursRatio.toFixed(2)}×`,
        pass ? 'yes' : 'NO',
      ]);
    }
  }
  return {
    table: formatTable(
      [
        'workload',
        'cut',
        'floor',
        'eventsource-parser',
        'openai-node',
        'edgechat',
        '≤1.15× & < openai',
      ],
      rows,
    ),
    ok,
  };
}
