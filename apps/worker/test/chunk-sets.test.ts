// Which UI message chunks a client gets. AI SDK 5.0 clients reject a stream with a chunk type
// or field newer than theirs, so a request that does not ask gets the 5.0 set; the web app
// asks for 6 (x-edgechat-chunk-set). The answer here has a call with broken arguments, which
// the 6 set says with tool-input-error and the 5 set as an input plus an output error.
import { createScriptedModel } from '@edgechat/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { normalize, openaiEnv, parseWire, userSays } from './helpers.js';

function app() {
  const model = createScriptedModel([
    { toolCalls: [{ id: 'c1', name: 'get_current_time', arguments: '{"timezone":' }] },
    { text: 'Sorry.' },
  ]);
  return createApp({ model, rateLimiter: null });
}

async function ask(headers: Record<string, string>) {
  const response = await app().request(
    '/api/chat',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(userSays('What time is it?')),
    },
    openaiEnv(),
  );
  return normalize(parseWire(await response.text()));
}

const failedCall = (set: 5 | 6) =>
  set === 6
    ? [
        {
          type: 'tool-input-error',
          toolCallId: 'c1',
          toolName: 'get_current_time',
          input: '{"timezone":',
          errorText: expect.any(String),
          dynamic: true,
        },
      ]
    : [
        {
          type: 'tool-input-available',
          toolCallId: 'c1',
          toolName: 'get_current_time',
          input: '{"timezone":',
          dynamic: true,
        },
        {
          type: 'tool-output-error',
          toolCallId: 'c1',
          errorText: expect.any(String),
          dynamic: true,
        },
      ];

const turn = (set: 5 | 6) => [
  { type: 'start', messageId: '<id>', messageMetadata: { model: 'gpt-4o' } },
  { type: 'start-step' },
  {
    type: 'tool-input-start',
    toolCallId: 'c1',
    toolName: 'get_current_time',
    dynamic: true,
  },
  {
    type: 'tool-input-delta',
    toolCallId: 'c1',
    inputTextDelta: '{"timezone":',
  },
  ...failedCall(set),
  { type: 'finish-step' },
  { type: 'start-step' },
  { type: 'text-start', id: '<text>' },
  { type: 'text-delta', id: '<text>', delta: 'Sorry.' },
  { type: 'text-end', id: '<text>' },
  { type: 'finish-step' },
  set === 6 ? { type: 'finish', finishReason: 'stop' } : { type: 'finish' },
];

describe('POST /api/chat: the chunk set', () => {
  it('a client that does not ask gets what AI SDK 5.0 reads', async () => {
    expect(await ask({})).toEqual(turn(5));
  });

  it('x-edgechat-chunk-set: 6 gets tool-input-error and the finish reason', async () => {
    expect(await ask({ 'x-edgechat-chunk-set': '6' })).toEqual(turn(6));
    expect(await ask({ 'x-edgechat-chunk-set': '7' })).toEqual(turn(6));
  });

  it('an unreadable value is the 5.0 set, not an error', async () => {
    expect(await ask({ 'x-edgechat-chunk-set': 'latest' })).toEqual(turn(5));
  });
});
