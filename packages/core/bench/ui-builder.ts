// The UI message builder over a long stream: its time must grow linearly with the chunk count.
import type { UIMessageChunk } from '../dist/index.js';
import { createUIMessageBuilder } from '../dist/index.js';
import { formatTable, measureCell } from './measure.js';

/** A long turn: text interleaved with tool calls whose input streams in many pieces. */
function chunks(count: number): UIMessageChunk[] {
  const out: UIMessageChunk[] = [{ type: 'start', messageId: 'm1' }, { type: 'start-step' }];
  let step = 0;
  while (out.length < count) {
    step += 1;
    const textId = `t${step}`;
    const callId = `call_${step}`;
    out.push({ type: 'text-start', id: textId });
    for (let i = 0; i < 150; i += 1)
      out.push({ type: 'text-delta', id: textId, delta: '서울 time ' });
    out.push({ type: 'text-end', id: textId });
    out.push({
      type: 'tool-input-start',
      toolCallId: callId,
      toolName: 'get_current_time',
      dynamic: true,
    });
    out.push({
      type: 'tool-input-delta',
      toolCallId: callId,
      inputTextDelta: '{"timezone":"Asia/Seoul","notes":["',
    });
    for (let i = 0; i < 45; i += 1)
      out.push({ type: 'tool-input-delta', toolCallId: callId, inputTextDelta: `n${i}","` });
    out.push({ type: 'tool-input-delta', toolCallId: callId, inputTextDelta: 'x"]}' });
    out.push({
      type: 'tool-input-available',
      toolCallId: callId,
      toolName: 'get_current_time',
      input: { timezone: 'Asia/Seoul' },
      dynamic: true,
    });
    out.push({
      type: 'tool-output-available',
      toolCallId: callId,
      output: { iso: '2026-11-26T12:00:00+09:00' },
      dynamic: true,
    });
    out.push({ type: 'finish-step' }, { type: 'start-step' });
  }
  out.length = count - 2;
  out.push({ type: 'finish-step' }, { type: 'finish', finishReason: 'stop' });
  return out;
}

/** One build takes a couple of milliseconds: each measured run does ten, so noise averages out. */
function build(stream: UIMessageChunk[]): number {
  let parts = 0;
  for (let i = 0; i < 10; i += 1) {
    const builder = createUIMessageBuilder();
    for (const chunk of stream) builder.push(chunk);
    parts += builder.message.parts.length;
  }
  return parts;
}

export async function benchUIBuilder(): Promise<{ table: string; ok: boolean }> {
  const c20 = chunks(20_000);
  const c40 = chunks(40_000);
  const [t20, t40] = await measureCell(
    [
      { name: '20,000', run: () => build(c20) },
      { name: '40,000', run: () => build(c40) },
    ],
    { rounds: 21, warmup: 3 },
  );
  const growth = t40!.medianMs / t20!.medianMs;
  const ok = growth <= 2.3;
  return {
    table: formatTable(
      ['UI message builder', '20,000 chunks', '40,000 chunks', 'ratio', 'goal met'],
      [
        [
          'push every chunk',
          `${(t20!.medianMs / 10).toFixed(2)} ms`,
          `${(t40!.medianMs / 10).toFixed(2)} ms`,
          `${growth.toFixed(2)}×`,
          ok ? 'yes (≤ 2.3×)' : 'NO (> 2.3×)',
        ],
      ],
    ),
    ok,
  };
}
