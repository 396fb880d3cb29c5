// The generated OpenAI SSE streams the benchmark feeds every contender, and the cuts applied.
import { createRandom } from './measure.js';

export interface ExpectedMessage {
  content: string;
  toolCalls: { id: string; name: string; arguments: string }[];
}

export interface Workload {
  name: string;
  /** Several streams for the "many short streams" case; one otherwise. */
  streams: Uint8Array[];
  expected: ExpectedMessage[];
}

const encoder = new TextEncoder();
const created = 1764130000;

function frame(choices: unknown[], id: string, usage: unknown = null): string {
  const chunk = {
    id,
    object: 'chat.completion.chunk',
    created,
    model: 'gpt-4o-2024-08-06',
    service_tier: 'default',
    system_fingerprint: 'fp_b1442291a8',
    choices,
    usage,
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

const words = ['stream', '서울', 'edge', 'token', '🙂', 'chat', 'worker', 'delta', 'café', 'JSON'];

function contentStream(
  deltas: number,
  seed: number,
  id: string,
): { bytes: Uint8Array; expected: ExpectedMessage } {
  const random = createRandom(seed);
  const parts: string[] = [
    frame(
      [
        {
          index: 0,
          delta: { role: 'assistant', content: '', refusal: null },
          logprobs: null,
          finish_reason: null,
        },
      ],
      id,
    ),
  ];
  let content = '';
  for (let i = 0; i < deltas; i += 1) {
    const piece = (i === 0 ? '' : ' ') + words[Math.floor(random() * words.length)]!;
    content += piece;
    parts.push(
      frame([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }], id),
    );
  }
  parts.push(frame([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], id));
  parts.push(
    frame([], id, { prompt_tokens: 12, completion_tokens: deltas, total_tokens: 12 + deltas }),
  );
  parts.push('data: [DONE]\n\n');
  return { bytes: encoder.encode(parts.join('')), expected: { content, toolCalls: [] } };
}

function toolCallStream(
  calls: number,
  fragments: number,
): { bytes: Uint8Array; expected: ExpectedMessage } {
  const id = 'chatcmpl-tools';
  const parts: string[] = [
    frame(
      [
        {
          index: 0,
          delta: { role: 'assistant', content: null },
          logprobs: null,
          finish_reason: null,
        },
      ],
      id,
    ),
  ];
  const args = Array.from({ length: calls }, () => [] as string[]);
  for (let c = 0; c < calls; c += 1) {
    parts.push(
      frame(
        [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: c,
                  id: `call_${c}`,
                  type: 'function',
                  function: { name: 'get_current_time', arguments: '' },
                },
              ],
            },
            logprobs: null,
            finish_reason: null,
          },
        ],
        id,
      ),
    );
  }
  // Fragments of the calls interleave, as parallel calls from some providers do.
  for (let f = 0; f < fragments; f += 1) {
    for (let c = 0; c < calls; c += 1) {
      const piece =
        f === 0 ? '{"timezone":"Asia/Seoul","notes":["' : f === fragments - 1 ? 'x"]}' : `n${f}","`;
      args[c]!.push(piece);
      parts.push(
        frame(
          [
            {
              index: 0,
              delta: { tool_calls: [{ index: c, function: { arguments: piece } }] },
              logprobs: null,
              finish_reason: null,
            },
          ],
          id,
        ),
      );
    }
  }
  parts.push(frame([{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }], id));
  parts.push('data: [DONE]\n\n');
  return {
    bytes: encoder.encode(parts.join('')),
    expected: {
      content: '',
      toolCalls: args.map((a, c) => ({
        id: `call_${c}`,
        name: 'get_current_time',
        arguments: a.join(''),
      })),
    },
  };
}

export function workloads(): Workload[] {
  const content = contentStream(20_000, 1, 'chatcmpl-content');
  const tools = toolCallStream(4, 2_000);
  const short = Array.from({ length: 200 }, (_, i) =>
    contentStream(50, 100 + i, `chatcmpl-short-${i}`),
  );
  return [
    { name: '20,000 content deltas', streams: [content.bytes], expected: [content.expected] },
    { name: '4 tool calls × 2,000 fragments', streams: [tools.bytes], expected: [tools.expected] },
    {
      name: '200 streams × 50 deltas',
      streams: short.map((s) => s.bytes),
      expected: short.map((s) => s.expected),
    },
  ];
}

/** Cuts bytes into pieces of random sizes in [min, max], the same cuts on every call. */
export function cut(bytes: Uint8Array, min: number, max: number, seed: number): Uint8Array[] {
  const random = createRandom(seed);
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const size = min + Math.floor(random() * (max - min + 1));
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

/** A fresh body over pre-cut pieces: what a fetch Response body looks like to a reader. */
export function bodyOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < pieces.length) controller.enqueue(pieces[i++]!);
      else controller.close();
    },
  });
}
