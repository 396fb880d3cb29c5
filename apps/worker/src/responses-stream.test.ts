import { collectChatCompletion } from '@edgechat/core';
import {
  functionCallItem,
  messageItem,
  RECORDED_MODEL,
  responseObject,
  responsesSSE,
  responsesUsage,
  responseStart,
  type ResponsesEvent,
} from '@edgechat/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { responsesToChatCompletions } from './responses-stream.js';
import { framesOf, translate, translateAtEveryCut } from './responses-stream.test-utils.js';

const ID = 'resp_1';
const completed = (usage: unknown, status: 'completed' = 'completed'): ResponsesEvent => ({
  type: 'response.completed',
  response: responseObject(ID, status, { usage }),
});

/** The Chat Completions chunk the translator writes for one delta. */
const chunk = (delta: unknown, finishReason: string | null = null) => ({
  id: ID,
  object: 'chat.completion.chunk',
  created: 1_767_225_600,
  model: RECORDED_MODEL,
  choices: [{ index: 0, delta, finish_reason: finishReason }],
});
const usageChunk = (usage: Record<string, unknown>) => ({ ...chunk({}), choices: [], usage });
const chatUsage = (prompt: number, completion: number, reasoning = 0) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  prompt_tokens_details: { cached_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: reasoning },
});

const WEATHER = {
  itemId: 'fc_1',
  callId: 'call_1',
  name: 'get_weather',
  argumentDeltas: ['{"city":', '"Paris"}'],
};
const TIME = { itemId: 'fc_2', callId: 'call_2', name: 'get_time', argumentDeltas: ['{}'] };
const weather = functionCallItem(WEATHER, 0);
const time = functionCallItem(TIME, 1);
const summaryAt = (index: number, delta: string): ResponsesEvent => ({
  type: 'response.reasoning_summary_text.delta',
  item_id: 'rs_1',
  output_index: 0,
  summary_index: index,
  delta,
});

const FIXTURES: Record<string, { events: ResponsesEvent[]; frames: unknown[] }> = {
  text: {
    events: [
      ...responseStart(ID),
      ...messageItem('msg_1', 0, ['서울은 ', '맑음 ☀️']),
      completed(responsesUsage(20, 4)),
    ],
    frames: [
      chunk({ content: '서울은 ' }),
      chunk({ content: '맑음 ☀️' }),
      chunk({}, 'stop'),
      usageChunk(chatUsage(20, 4)),
      '[DONE]',
    ],
  },
  'two function calls': {
    events: [
      ...responseStart(ID),
      weather.added,
      ...weather.deltas,
      ...weather.done,
      time.added,
      ...time.deltas,
      ...time.done,
      completed(responsesUsage(50, 30)),
    ],
    frames: [
      chunk({
        tool_calls: [
          {
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '' },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
      chunk({
        tool_calls: [
          {
            index: 1,
            id: 'call_2',
            type: 'function',
            function: { name: 'get_time', arguments: '' },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '{}' } }] }),
      chunk({}, 'tool_calls'),
      usageChunk(chatUsage(50, 30)),
      '[DONE]',
    ],
  },
  'reasoning summary': {
    events: [
      ...responseStart(ID),
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { id: 'rs_1', type: 'reasoning', summary: [] },
      },
      {
        type: 'response.reasoning_summary_part.added',
        item_id: 'rs_1',
        output_index: 0,
        summary_index: 0,
        part: { type: 'summary_text', text: '' },
      },
      summaryAt(0, '**Adding**'),
      summaryAt(0, ' 2 and 2.'),
      summaryAt(1, 'It is 4.'),
      {
        type: 'response.reasoning_summary_text.done',
        item_id: 'rs_1',
        output_index: 0,
        summary_index: 1,
        text: 'It is 4.',
      },
      {
        type: 'response.output_item.done',
        output_index: 0,
        item: { id: 'rs_1', type: 'reasoning', summary: [] },
      },
      ...messageItem('msg_1', 1, ['4']),
      completed(responsesUsage(10, 70, 64)),
    ],
    frames: [
      chunk({ reasoning_content: '**Adding**' }),
      chunk({ reasoning_content: ' 2 and 2.' }),
      // A new summary part is a new paragraph, as OpenAI shows them.
      chunk({ reasoning_content: '\n\nIt is 4.' }),
      chunk({ content: '4' }),
      chunk({}, 'stop'),
      usageChunk(chatUsage(10, 70, 64)),
      '[DONE]',
    ],
  },
  'incomplete at max_output_tokens': {
    events: [
      ...responseStart(ID),
      ...messageItem('msg_1', 0, ['Once upon']).slice(0, 3),
      {
        type: 'response.incomplete',
        response: responseObject(ID, 'incomplete', {
          incomplete_details: { reason: 'max_output_tokens' },
          usage: responsesUsage(5, 2),
        }),
      },
    ],
    frames: [
      chunk({ content: 'Once upon' }),
      chunk({}, 'length'),
      usageChunk(chatUsage(5, 2)),
      '[DONE]',
    ],
  },
  'incomplete by the content filter': {
    events: [
      ...responseStart(ID),
      {
        type: 'response.incomplete',
        response: responseObject(ID, 'incomplete', {
          incomplete_details: { reason: 'content_filter' },
        }),
      },
    ],
    frames: [chunk({}, 'content_filter'), '[DONE]'],
  },
  'response.failed': {
    events: [
      ...responseStart(ID),
      ...messageItem('msg_1', 0, ['Hel']).slice(0, 3),
      {
        type: 'response.failed',
        response: responseObject(ID, 'failed', {
          error: { code: 'server_error', message: 'The model failed.' },
        }),
      },
      // Nothing after the end is read.
      ...messageItem('msg_2', 1, ['late']),
    ],
    frames: [
      chunk({ content: 'Hel' }),
      { error: { message: 'The model failed.', type: 'server_error', code: 'server_error' } },
    ],
  },
  'an error event': {
    events: [
      ...responseStart(ID),
      { type: 'error', code: 'rate_limit_exceeded', message: 'Rate limit reached.', param: null },
    ],
    frames: [
      {
        error: {
          message: 'Rate limit reached.',
          type: 'server_error',
          code: 'rate_limit_exceeded',
        },
      },
    ],
  },
};

describe('responsesToChatCompletions', () => {
  it.each(Object.keys(FIXTURES))(
    '%s: the same chunks, whole and cut at every byte',
    async (name) => {
      const fixture = FIXTURES[name] as (typeof FIXTURES)[string];
      const { whole, differs } = await translateAtEveryCut(responsesSSE(fixture.events));
      expect(framesOf(whole)).toEqual(fixture.frames);
      expect(differs).toEqual([]);
    },
  );
});

describe('responsesToChatCompletions, bad input', () => {
  const text = [...responseStart(ID), ...messageItem('msg_1', 0, ['Hel', 'lo']).slice(0, 4)];

  it('a stream that ends without response.completed ends without finish or [DONE]: the core calls it cut off', async () => {
    const sse = responsesSSE(text);
    // Also when the body stops inside the last event: that event is dropped, not garbage.
    const cutInLastEvent = sse.slice(0, sse.length - 30);
    for (const body of [sse, `${sse}data: [DONE]\n\n`, cutInLastEvent]) {
      const { whole, differs } = await translateAtEveryCut(body);
      expect(framesOf(whole)).toEqual(
        body === cutInLastEvent
          ? [chunk({ content: 'Hel' })]
          : [chunk({ content: 'Hel' }), chunk({ content: 'lo' })],
      );
      expect(differs).toEqual([]);
    }
    const failure = await collectChatCompletion(new Response(await translate(sse))).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      code: 'stream_truncated',
      partial: { message: { role: 'assistant', content: 'Hello' } },
    });
  });

  it('data that is not JSON goes on as it came, so the core fails the step as unreadable', async () => {
    const body = `${responsesSSE(text.slice(0, 5))}data: {"type":\ndata: oops\n\n`;
    expect(await translate(body)).toBe(
      `data: ${JSON.stringify(chunk({ content: 'Hel' }))}\n\ndata: {"type":\ndata: oops\n\n`,
    );
    await expect(collectChatCompletion(new Response(await translate(body)))).rejects.toMatchObject({
      code: 'invalid_chunk',
    });
  });

  it('an `event: error` with plain text is an error frame', async () => {
    expect(framesOf(await translate('event: error\ndata: upstream overloaded\n\n'))).toEqual([
      { error: { message: 'upstream overloaded', type: 'server_error', code: null } },
    ]);
  });

  it('streams: a delta goes out before the upstream sends the rest', async () => {
    const transform = responsesToChatCompletions();
    const writer = transform.writable.getWriter();
    const reader = transform.readable.getReader();
    void writer.write(new TextEncoder().encode(responsesSSE(text.slice(0, 5))));
    const first = await reader.read();
    expect(framesOf(new TextDecoder().decode(first.value))).toEqual([chunk({ content: 'Hel' })]);
    await writer.abort('done');
  });

  it('a body that fails fails the translated body with the same reason (a timeout stays a timeout)', async () => {
    const reason = new DOMException('The model stopped answering for 0.1 s.', 'TimeoutError');
    const upstream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(responsesSSE(text)));
        controller.error(reason);
      },
    });
    await expect(
      new Response(upstream.pipeThrough(responsesToChatCompletions())).text(),
    ).rejects.toBe(reason);
  });
});
