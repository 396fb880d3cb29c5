// Random well-formed turns: our encoder → the AI SDK client builds exactly what our reader and
// builder build (same comparison rule as ai-sdk-interop.test.ts: `toEqual`, undefined-valued
// keys ignored).
import {
  parseJsonEventStream,
  readUIMessageStream as aiReadUIMessageStream,
  uiMessageChunkSchema,
} from 'ai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUIMessageBuilder } from './builder.js';
import { encodeUIMessageStream } from './encode.js';
import { readUIMessageStream } from './read.js';
import type { UIMessageChunk } from './types.js';

// The AI SDK parses with secure-json-parse, which rejects a whole chunk holding a `__proto__`
// (or `constructor`) key: such payloads break AI SDK clients whoever encodes them, so they are
// left out here. -0 is left out because JSON itself cannot carry it.
const json = fc
  .jsonValue({ maxDepth: 2 })
  .map(
    (v) =>
      JSON.parse(JSON.stringify(v), (key, value: unknown) =>
        key === '__proto__' || key === 'constructor' ? undefined : value,
      ) as unknown,
  );
const object = fc.dictionary(fc.string({ maxLength: 3 }), json, {
  maxKeys: 3,
  noNullPrototype: true,
});
const shortId = fc.constantFrom('a', 'b', 'c');

// Tool inputs. The AI SDK's partial-JSON repair (`fixJson`) gets two things wrong that ours
// gets right, so while the input streams the values differ there: a number with an exponent
// (`{"n":1e+2` → AI SDK 1, ours 100) and an escaped quote or backslash in a key
// (`{"a":{"\\":"` → AI SDK undefined, ours {"a":{}}). Inputs here avoid both, so every
// other partial state must match exactly.
const plainString = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '1', 'é', '서'),
  maxLength: 4,
});
const plainJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 2 },
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean(),
    fc.constant(null),
    plainString,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(plainString, tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;
const toolInput = fc.dictionary(plainString, plainJson, { maxKeys: 3, noNullPrototype: true });

type Item =
  | { kind: 'text' | 'reasoning'; id: string; deltas: string[] }
  | {
      kind: 'tool';
      name: string;
      input: Record<string, unknown>;
      cuts: number[];
      outcome: 'output' | 'output-error' | 'input-error' | 'none';
      output: unknown;
    }
  | { kind: 'data'; name: string; id: string | undefined; data: unknown; transient: boolean }
  | { kind: 'metadata'; metadata: Record<string, unknown> };

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('text' as const, 'reasoning' as const),
    id: shortId,
    deltas: fc.array(fc.string(), { maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('tool' as const),
    name: fc.constantFrom('get_current_time', 'search'),
    input: toolInput,
    cuts: fc.array(fc.nat(), { maxLength: 4 }),
    outcome: fc.constantFrom(
      'output' as const,
      'output-error' as const,
      'input-error' as const,
      'none' as const,
    ),
    output: json,
  }),
  fc.record({
    kind: fc.constant('data' as const),
    name: fc.constantFrom('debug', 'status'),
    id: fc.option(shortId, { nil: undefined }),
    data: json,
    transient: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('metadata' as const), metadata: object }),
);

/** Compiles steps of items into a well-formed chunk sequence (every delta after its start). */
function toChunks(
  steps: Item[][],
  start: Record<string, unknown>,
  finish: Record<string, unknown>,
) {
  const chunks: UIMessageChunk[] = [{ type: 'start', messageId: 'm', messageMetadata: start }];
  let call = 0;
  for (const step of steps) {
    chunks.push({ type: 'start-step' });
    for (const entry of step) {
      if (entry.kind === 'text' || entry.kind === 'reasoning') {
        chunks.push({ type: `${entry.kind}-start`, id: entry.id });
        for (const delta of entry.deltas)
          chunks.push({ type: `${entry.kind}-delta`, id: entry.id, delta });
        chunks.push({ type: `${entry.kind}-end`, id: entry.id });
      } else if (entry.kind === 'tool') {
        const toolCallId = `call_${call++}`;
        const text = JSON.stringify(entry.input);
        const cuts = [...new Set(entry.cuts.map((c) => c % (text.length + 1)))].sort(
          (a, b) => a - b,
        );
        chunks.push({ type: 'tool-input-start', toolCallId, toolName: entry.name, dynamic: true });
        [0, ...cuts].forEach((from, i) => {
          const delta = text.slice(from, cuts[i] ?? text.length);
          if (delta !== '')
            chunks.push({ type: 'tool-input-delta', toolCallId, inputTextDelta: delta });
        });
        if (entry.outcome === 'input-error') {
          chunks.push({
            type: 'tool-input-error',
            toolCallId,
            toolName: entry.name,
            input: entry.input,
            errorText: 'invalid',
            dynamic: true,
          });
          continue;
        }
        chunks.push({
          type: 'tool-input-available',
          toolCallId,
          toolName: entry.name,
          input: entry.input,
          dynamic: true,
        });
        if (entry.outcome === 'output') {
          chunks.push({
            type: 'tool-output-available',
            toolCallId,
            output: entry.output,
            dynamic: true,
          });
        } else if (entry.outcome === 'output-error') {
          chunks.push({
            type: 'tool-output-error',
            toolCallId,
            errorText: 'failed',
            dynamic: true,
          });
        }
      } else if (entry.kind === 'data') {
        chunks.push({
          type: `data-${entry.name}`,
          ...(entry.id === undefined ? {} : { id: entry.id }),
          data: entry.data,
          ...(entry.transient ? { transient: true } : {}),
        });
      } else if (entry.kind === 'metadata') {
        chunks.push({ type: 'message-metadata', messageMetadata: entry.metadata });
      }
    }
    chunks.push({ type: 'finish-step' });
  }
  chunks.push({ type: 'finish', finishReason: 'stop', messageMetadata: finish });
  return chunks;
}

async function bytesOf(chunks: readonly UIMessageChunk[]): Promise<Uint8Array[]> {
  const source = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const reader = encodeUIMessageStream(source).getReader();
  const out: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
}

function replay(pieces: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

async function compare(pieces: readonly Uint8Array[]): Promise<void> {
  const builder = createUIMessageBuilder();
  for await (const chunk of readUIMessageStream(replay(pieces))) builder.push(chunk);

  const errors: unknown[] = [];
  const parsed = parseJsonEventStream({ stream: replay(pieces), schema: uiMessageChunkSchema });
  let theirs: unknown;
  for await (const message of aiReadUIMessageStream({
    stream: parsed.pipeThrough(
      new TransformStream({
        transform(result, controller) {
          if (!result.success) throw result.error;
          controller.enqueue(result.value);
        },
      }),
    ),
    onError: (error) => errors.push(error),
  })) {
    theirs = message;
  }
  expect({ message: theirs, errors }).toEqual({ message: builder.message, errors: [] });
}

/**
 * The one place the two are known to differ, on purpose: tool input that so far ends in a
 * number's `-` (`{"a":[-`). The AI SDK's partial JSON then fails and its input flickers to
 * `undefined`; ours keeps what is known (`{ a: [] }`, see `createPartialJsonParser`). A string
 * that ends in `:-` is skipped too; that only costs a few runs.
 */
function endsInLoneMinus(chunks: readonly UIMessageChunk[]): boolean {
  const inputs = new Map<string, string>();
  for (const chunk of chunks) {
    if (chunk.type === 'tool-input-start') inputs.set(chunk.toolCallId, '');
    else if (chunk.type === 'tool-input-delta') {
      inputs.set(chunk.toolCallId, (inputs.get(chunk.toolCallId) ?? '') + chunk.inputTextDelta);
    } else if (chunk.type === 'tool-input-available') inputs.delete(chunk.toolCallId);
  }
  return [...inputs.values()].some((text) => /(?:^|[[,:])\s*-$/.test(text));
}

const turn = fc
  .tuple(fc.array(fc.array(item, { maxLength: 5 }), { maxLength: 3 }), object, object)
  .map(([steps, start, finish]) => toChunks(steps, start, finish));

describe('AI SDK interop (property)', () => {
  it('the AI SDK client and our builder build the same message from any well-formed turn', async () => {
    await fc.assert(
      fc.asyncProperty(turn, async (chunks) => compare(await bytesOf(chunks))),
      { numRuns: 100 },
    );
  });

  it('…and from any prefix of one (text, reasoning and tool input still streaming)', async () => {
    // The trailing `message-metadata` makes the AI SDK emit a snapshot of that state (it does
    // not after every chunk type); it changes both sides alike.
    const flush: UIMessageChunk = { type: 'message-metadata', messageMetadata: { flushed: 1 } };
    await fc.assert(
      fc.asyncProperty(turn, fc.nat(), async (chunks, cut) => {
        const prefix = chunks.slice(0, cut % (chunks.length + 1));
        fc.pre(!endsInLoneMinus(prefix));
        await compare(await bytesOf([...prefix, flush]));
      }),
      { numRuns: 300 },
    );
  });
});
