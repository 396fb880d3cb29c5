// runChat's overhead per step: the same upstream bytes through the tool loop (UI chunks out)
// against collectChatCompletion on them directly.
import type { ChatModel, OpenAIMessage } from '../dist/index.js';
import { collectChatCompletion, createToolRegistry, defineTool, runChat } from '../dist/index.js';
import { formatTable, measureCell } from './measure.js';
import { bodyOf, cut, workloads } from './streams.js';

const messages: OpenAIMessage[] = [{ role: 'user', content: 'bench' }];

async function drain(stream: ReadableStream<unknown>): Promise<number> {
  const reader = stream.getReader();
  let count = 0;
  while (!(await reader.read()).done) count += 1;
  return count;
}

export async function benchRunChat(): Promise<{ table: string; ok: boolean }> {
  const [content, toolCalls] = workloads();
  const textBytes = content!.streams[0]!;
  const toolBytes = toolCalls!.streams[0]!;
  const tools = createToolRegistry([
    defineTool({
      name: 'get_current_time',
      description: 'bench tool',
      parameters: { type: 'object', properties: { timezone: { type: 'string' } } },
      execute: (input: unknown) => input,
    }),
  ]);
  const rows: string[][] = [];
  let ok = true;
  for (const c of [
    { name: '1–32 B', min: 1, max: 32 },
    { name: '1–4 KB', min: 1024, max: 4096 },
  ]) {
    const text = cut(textBytes, c.min, c.max, 11);
    const tool = cut(toolBytes, c.min, c.max, 12);
    const oneStep: ChatModel = async () => bodyOf(text);
    // Step 1 calls four tools, step 2 answers: two model calls, as a tool turn makes.
    const twoSteps = (): ChatModel => {
      let step = 0;
      return async () => bodyOf((step += 1) === 1 ? tool : text);
    };
    const cells = [
      {
        name: 'text step (20,000 deltas)',
        baseline: () => collectChatCompletion(bodyOf(text)),
        ours: () => drain(runChat({ model: oneStep, messages })),
      },
      {
        name: 'tool step + text step',
        baseline: async () => {
          await collectChatCompletion(bodyOf(tool));
          await collectChatCompletion(bodyOf(text));
        },
        ours: () => drain(runChat({ model: twoSteps(), messages, tools })),
      },
    ];
    for (const cell of cells) {
      const [base, ours] = await measureCell(
        [
          { name: 'collectChatCompletion', run: cell.baseline },
          { name: 'runChat', run: cell.ours },
        ],
        { rounds: 9 },
      );
      const ratio = ours!.medianMs / base!.medianMs;
      ok &&= ratio <= 1.3;
      rows.push([
        cell.name,
        c.name,
        `${base!.medianMs.toFixed(1)} ms`,
        `${ours!.medianMs.toFixed(1)} ms`,
        `${ratio.toFixed(2)}×`,
        ratio <= 1.3 ? 'yes (≤ 1.3×)' : 'NO (> 1.3×)',
      ]);
    }
  }
  return {
    table: formatTable(
      ['runChat overhead', 'cut', 'collectChatCompletion', 'runChat', 'ratio', 'goal met'],
      rows,
    ),
    ok,
  };
}
