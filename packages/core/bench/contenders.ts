// The four ways to turn an OpenAI SSE body into a final message that `pnpm bench` compares.
import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';
import { collectChatCompletion } from '../dist/index.js';
import type { ExpectedMessage } from './streams.js';

interface ChunkLike {
  choices: {
    delta: {
      content?: string | null;
      tool_calls?: {
        index: number;
        id?: string;
        function?: { name?: string; arguments?: string };
      }[];
    };
  }[];
}

/** The least work that still yields a correct message: what every contender is compared with. */
function createMinimalMerge(): { push(chunk: ChunkLike): void; result(): ExpectedMessage } {
  const content: string[] = [];
  const calls: { id: string; name: string; args: string[] }[] = [];
  return {
    push(chunk) {
      for (const choice of chunk.choices) {
        const delta = choice.delta;
        if (delta.content) content.push(delta.content);
        if (delta.tool_calls) {
          for (const call of delta.tool_calls) {
            const merged = (calls[call.index] ??= { id: '', name: '', args: [] });
            if (call.id) merged.id = call.id;
            if (call.function?.name) merged.name = call.function.name;
            if (call.function?.arguments) merged.args.push(call.function.arguments);
          }
        }
      }
    },
    result: () => ({
      content: content.join(''),
      toolCalls: calls.map((c) => ({ id: c.id, name: c.name, arguments: c.args.join('') })),
    }),
  };
}

/** Floor: TextDecoder + split on blank lines + JSON.parse + the minimal merge. */
export async function floor(body: ReadableStream<Uint8Array>): Promise<ExpectedMessage> {
  const merge = createMinimalMerge();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.slice(6);
      if (data !== '[DONE]') merge.push(JSON.parse(data) as ChunkLike);
    }
  }
  return merge.result();
}

export async function withEventsourceParser(
  body: ReadableStream<Uint8Array>,
): Promise<ExpectedMessage> {
  const merge = createMinimalMerge();
  const parser = createParser({
    onEvent(event) {
      if (event.data !== '[DONE]') merge.push(JSON.parse(event.data) as ChunkLike);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return merge.result();
}

export async function withOpenAINode(body: ReadableStream<Uint8Array>): Promise<ExpectedMessage> {
  const client = new OpenAI({
    apiKey: 'sk-bench',
    maxRetries: 0,
    fetch: async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
  });
  const stream = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'bench' }],
    stream: true,
  });
  const merge = createMinimalMerge();
  for await (const chunk of stream) merge.push(chunk as ChunkLike);
  return merge.result();
}

export async function withEdgechat(body: ReadableStream<Uint8Array>): Promise<ExpectedMessage> {
  const { message } = await collectChatCompletion(body);
  return {
    content: message.content ?? '',
    toolCalls: (message.tool_calls ?? []).map((c) => ({
      id: c.id,
      name: c.function.name,
      arguments: c.function.arguments,
    })),
  };
}
