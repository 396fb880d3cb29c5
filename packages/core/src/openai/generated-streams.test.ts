import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  chatCompletionChunk as chunk,
  encodeChatCompletionFrames,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream.js';
import { bytesStream, runJoined } from './openai.test-utils.js';
import type { ChatCompletionChunk, ChatStreamEvent, CompletionUsage } from './types.js';

// Generated turns: text, refusals and tool calls (arguments in random pieces, calls
// interleaved), over 1–3 choices whose chunks are interleaved too.

interface ScriptCall {
  name: string;
  /** Argument pieces; their join is the arguments (none at all: a call without arguments). */
  pieces: string[];
}
interface ScriptChoice {
  text: string[];
  refusal: string[];
  calls: ScriptCall[];
}
interface Script {
  choices: ScriptChoice[];
  usage: CompletionUsage | null;
  /** Which queue the next chunk comes from, used in turn. */
  picks: number[];
}

const textPiece = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.constantFrom('\n', '"', '\\', '\r\n', ' ', '서울', '🌇', '👩‍💻'),
);

/** Cuts `text` into pieces at the given points (as many as fit). */
function piecesOf(text: string, points: number[]): string[] {
  const cuts = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > start) pieces.push(text.slice(start, cut));
    start = cut;
  }
  return pieces;
}

const scriptCall: fc.Arbitrary<ScriptCall> = fc
  .record({
    name: fc.constantFrom('get_current_time', 'get_weather', 'search'),
    input: fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })), {
      freq: 5,
    }),
    points: fc.array(fc.nat(), { maxLength: 12 }),
  })
  .map(({ name, input, points }) => ({
    name,
    pieces: input === null ? [] : piecesOf(JSON.stringify(input), points),
  }));

const scriptChoice: fc.Arbitrary<ScriptChoice> = fc.record({
  text: fc.array(textPiece, { maxLength: 8 }),
  refusal: fc.oneof(
    { weight: 4, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.array(textPiece, { minLength: 1, maxLength: 4 }) },
  ),
  calls: fc.array(scriptCall, { maxLength: 3 }),
});

const script: fc.Arbitrary<Script> = fc.record({
  choices: fc.array(scriptChoice, { minLength: 1, maxLength: 3 }),
  usage: fc.option(
    fc.record({ prompt_tokens: fc.nat(), completion_tokens: fc.nat() }).map((u) => ({
      ...u,
      total_tokens: u.prompt_tokens + u.completion_tokens,
    })),
  ),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 64 }),
});

/** Interleaves queues, taking from the queue `picks` points at (in turn, cycling). */
function interleave<T>(queues: T[][], picks: number[]): T[] {
  const open = queues.filter((q) => q.length > 0).map((q) => [...q]);
  const out: T[] = [];
  for (let turn = 0; open.length > 0; turn++) {
    const at = (picks[turn % picks.length] ?? 0) % open.length;
    const queue = open[at] as T[];
    out.push(queue.shift() as T);
    if (queue.length === 0) open.splice(at, 1);
  }
  return out;
}

function chunksOf({ choices, usage, picks }: Script): ChatCompletionChunk[] {
  const perChoice = choices.map(({ text, refusal, calls }, choice) => {
    const opening = chunk(
      { role: 'assistant', content: calls.length > 0 && text.length === 0 ? null : '' },
      { choice },
    );
    const callQueues = calls.map(({ name, pieces }, index) => [
      chunk(
        {
          tool_calls: [
            {
              index,
              id: `call_${choice}_${index}`,
              type: 'function',
              function: { name, arguments: '' },
            },
          ],
        },
        { choice },
      ),
      ...pieces.map((arguments_) =>
        chunk({ tool_calls: [{ index, function: { arguments: arguments_ } }] }, { choice }),
      ),
    ]);
    return [
      opening,
      ...text.map((content) => chunk({ content }, { choice })),
      ...refusal.map((piece) => chunk({ refusal: piece }, { choice })),
      ...interleave(callQueues, picks.slice().reverse()),
      chunk({}, { choice, finishReason: calls.length > 0 ? 'tool_calls' : 'stop' }),
    ];
  });
  const chunks = interleave(perChoice, picks);
  if (usage !== null) chunks.push(chunk(null, { usage }));
  return chunks;
}

/** The result the script describes, by the documented rules. */
function expectedResult({ choices, usage }: Script) {
  const results = choices.map(({ text, refusal, calls }, index) => {
    const joinedRefusal = refusal.join('');
    const content =
      text.length > 0 ? text.join('') : calls.length === 0 && joinedRefusal === '' ? '' : null;
    const message: Record<string, unknown> = { role: 'assistant', content };
    if (joinedRefusal !== '') message.refusal = joinedRefusal;
    if (calls.length > 0) {
      message.tool_calls = calls.map(({ name, pieces }, i) => ({
        id: `call_${index}_${i}`,
        type: 'function',
        function: { name, arguments: pieces.length === 0 ? '{}' : pieces.join('') },
      }));
    }
    return { index, message, finishReason: calls.length > 0 ? 'tool_calls' : 'stop' };
  });
  const first = results[0] as (typeof results)[number];
  return {
    id: 'chatcmpl-test',
    model: 'gpt-4o-2024-08-06',
    message: first.message,
    finishReason: first.finishReason,
    ...(usage === null ? {} : { usage }),
    choices: results,
  };
}

/** Each call's tool-call-end input, keyed `choice/index`. */
function endInputs(events: ChatStreamEvent[]): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const e of events)
    if (e.type === 'tool-call-end') inputs[`${e.choice}/${e.index}`] = e.input;
  return inputs;
}

test('generated streams: the documented result, end inputs parsed, and the same events however cut', async () => {
  await fc.assert(
    fc.asyncProperty(script, fc.array(fc.nat(), { maxLength: 40 }), async (s, cuts) => {
      const chunks = chunksOf(s);
      const whole = await runJoined(encodeChatCompletionStream(chunks));
      expect(whole.result).toEqual(expectedResult(s));

      const inputs: Record<string, unknown> = {};
      s.choices.forEach(({ calls }, choice) =>
        calls.forEach(({ pieces }, index) => {
          inputs[`${choice}/${index}`] = pieces.length === 0 ? {} : JSON.parse(pieces.join(''));
        }),
      );
      expect(endInputs(whole.events)).toEqual(inputs);

      const bytes = encodeChatCompletionFrames(chunks);
      expect(await runJoined(bytesStream(bytes, cuts))).toEqual(whole);
      const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
      expect(await runJoined(bytesStream(bytes, everyByte))).toEqual(whole);
    }),
    { numRuns: 100 },
  );
}, 60_000);
