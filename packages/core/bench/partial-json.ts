// Incremental partial JSON against re-parsing the whole text per delta, and its growth.
import { createPartialJsonParser, parsePartialJson } from '../dist/index.js';
import { formatTable, measureCell } from './measure.js';
import { isDeepStrictEqual } from 'node:util';

/** A ~100 KB tool-argument text, like a model writing a long document into a tool call. */
function argumentText(targetBytes: number): string {
  const items: unknown[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i += 1) {
    const item = {
      id: i,
      title: `Section ${i} — 서울 🙂`,
      body: 'lorem ipsum dolor sit amet, '.repeat(3),
      tags: ['a', 'b'],
      score: i * 1.5,
      done: i % 2 === 0,
    };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return JSON.stringify({ document: { title: 'Report', items } });
}

function split(text: string, count: number): string[] {
  const size = Math.ceil(text.length / count);
  const deltas: string[] = [];
  for (let i = 0; i < text.length; i += size) deltas.push(text.slice(i, i + size));
  return deltas;
}

function incremental(deltas: string[]): unknown {
  const parser = createPartialJsonParser();
  for (const d of deltas) parser.push(d);
  return parser.finish();
}

function reparse(deltas: string[]): unknown {
  let text = '';
  let value: unknown;
  for (const d of deltas) {
    text += d;
    value = parsePartialJson(text).value;
  }
  return value;
}

export async function benchPartialJson(): Promise<{ table: string; ok: boolean }> {
  const text = argumentText(100_000);
  const expected: unknown = JSON.parse(text);
  const d4 = split(text, 4_000);
  const d8 = split(text, 8_000);
  for (const deltas of [d4, d8]) {
    if (!isDeepStrictEqual(incremental(deltas), expected))
      throw new Error('incremental parser: wrong value');
  }
  if (!isDeepStrictEqual(reparse(d4), expected)) throw new Error('re-parse: wrong value');

  const [inc4, re4] = await measureCell(
    [
      { name: 'incremental', run: () => incremental(d4) },
      { name: 're-parse', run: () => reparse(d4) },
    ],
    { rounds: 5, warmup: 1 },
  );
  const [inc4b, inc8] = await measureCell(
    [
      { name: '4,000', run: () => incremental(d4) },
      { name: '8,000', run: () => incremental(d8) },
    ],
    { rounds: 15 },
  );
  const speedup = re4!.medianMs / inc4!.medianMs;
  const growth = inc8!.medianMs / inc4b!.medianMs;
  const rows = [
    [
      `4,000 deltas of ${(text.length / 1000).toFixed(0)} KB`,
      `${inc4!.medianMs.toFixed(2)} ms`,
      `${re4!.medianMs.toFixed(1)} ms`,
      `${speedup.toFixed(0)}× faster`,
      speedup >= 20 ? 'yes (≥ 20×)' : 'NO (< 20×)',
    ],
    [
      '8,000 vs 4,000 deltas (incremental)',
      `${inc8!.medianMs.toFixed(2)} ms`,
      `${inc4b!.medianMs.toFixed(2)} ms`,
      `${growth.toFixed(2)}×`,
      growth <= 2.3 ? 'yes (≤ 2.3×)' : 'NO (> 2.3×)',
    ],
  ];
  return {
    table: formatTable(['partial JSON', 'ours', 'baseline', 'ratio', 'goal met'], rows),
    ok: speedup >= 20 && growth <= 2.3,
  };
}
