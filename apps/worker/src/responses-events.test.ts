import {
  functionCallItem,
  RECORDED_MODEL,
  responseObject,
  responseStart,
  type ResponsesEvent,
} from '@edgechat/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { createResponsesEventTranslator } from './responses-events.js';

const ID = 'resp_1';
const chunk = (delta: unknown, finishReason: string | null = null) => ({
  id: ID,
  object: 'chat.completion.chunk',
  created: 1_767_225_600,
  model: RECORDED_MODEL,
  choices: [{ index: 0, delta, finish_reason: finishReason }],
});
const args = (index: number, text: string) =>
  chunk({ tool_calls: [{ index, function: { arguments: text } }] });

/** The frames for `events`, parsed; each event given by its `type` only (no SSE name). */
function translated(events: readonly ResponsesEvent[]): unknown[] {
  const translator = createResponsesEventTranslator();
  return events
    .flatMap((event) => translator.event(event, 'message'))
    .map((frame) => {
      const data = frame.slice('data: '.length, -2);
      return data === '[DONE]' ? data : (JSON.parse(data) as unknown);
    });
}

const completed: ResponsesEvent = {
  type: 'response.completed',
  response: responseObject(ID, 'completed'),
};
const CALL = { itemId: 'fc_1', callId: 'call_1', name: 'f', argumentDeltas: ['{"a":', '1}'] };
const start = chunk({
  tool_calls: [
    { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } },
  ],
});

describe('createResponsesEventTranslator', () => {
  it('matches an arguments delta by output_index when it names no item_id', () => {
    const call = functionCallItem(CALL, 3);
    const deltas = call.deltas.map(({ item_id: _id, ...event }) => event as ResponsesEvent);
    expect(translated([...responseStart(ID), call.added, ...deltas, completed])).toEqual([
      start,
      args(0, '{"a":'),
      args(0, '1}'),
      chunk({}, 'tool_calls'),
      '[DONE]',
    ]);
  });

  it('takes arguments that come only whole: in the added item, or only at `done`', () => {
    const call = functionCallItem(CALL, 0);
    const wholeItem = { ...call.added, item: { ...(call.added.item as object), arguments: '{}' } };
    expect(translated([...responseStart(ID), wholeItem, ...call.done.slice(1), completed])).toEqual(
      [start, args(0, '{}'), chunk({}, 'tool_calls'), '[DONE]'],
    );
    // Deltas that stopped short: `done` sends the rest; a `done` that disagrees is not ours to fix.
    expect(
      translated([...responseStart(ID), call.added, ...call.deltas.slice(0, 1), ...call.done]),
    ).toEqual([start, args(0, '{"a":'), args(0, '1}')]);
    const other = { ...call.done[0], arguments: '{"b":2}' } as ResponsesEvent;
    expect(translated([...responseStart(ID), call.added, ...call.deltas, other])).toEqual([
      start,
      args(0, '{"a":'),
      args(0, '1}'),
    ]);
  });

  it('ignores events it does not know, deltas of calls never started, and data that is not an event', () => {
    expect(
      translated([
        ...responseStart(ID),
        { type: 'response.web_search_call.searching', output_index: 0, item_id: 'ws_1' },
        {
          type: 'response.function_call_arguments.delta',
          item_id: 'fc_9',
          output_index: 9,
          delta: '{}',
        },
        { type: 'response.output_text.delta', item_id: 'm', output_index: 0, delta: 42 },
        'just a string' as unknown as ResponsesEvent,
        completed,
      ]),
    ).toEqual([chunk({}, 'stop'), '[DONE]']);
  });

  it('reads the type from the SSE event name when the data has none', () => {
    const translator = createResponsesEventTranslator();
    expect(translator.event({ delta: 'Hi' }, 'response.output_text.delta')).toEqual([
      `data: ${JSON.stringify({ ...chunk({ content: 'Hi' }), id: '', created: 0, model: '' })}\n\n`,
    ]);
  });

  it('an error nested in `error`, or with no message: a frame the core reads as an upstream error', () => {
    expect(
      translated([
        { type: 'error', error: { type: 'invalid_request_error', code: 'bad', message: 'No.' } },
      ]),
    ).toEqual([{ error: { message: 'No.', type: 'server_error', code: 'bad' } }]);
    expect(
      translated([{ type: 'response.failed', response: responseObject(ID, 'failed') }]),
    ).toEqual([{ error: { message: 'The response failed.', type: 'server_error', code: null } }]);
  });
});
