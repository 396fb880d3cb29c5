import type { OpenAIMessage, ToolDefinition } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets.js';
import { toResponsesRequest } from './responses-request.js';

const settings = {
  preset: PRESETS['openai-responses'],
  model: 'gpt-4o',
  temperature: 0.1,
  maxTokens: 321,
};

const TOOLS: ToolDefinition[] = [
  {
    type: 'function',
    function: {
      name: 'get_current_time',
      description: 'The time in a timezone.',
      parameters: { type: 'object', properties: { timezone: { type: 'string' } } },
    },
  },
  { type: 'function', function: { name: 'ping', strict: true } },
];

/** A turn after its tool round: the calls, their results, then the next question. */
const HISTORY: OpenAIMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'developer', content: 'Use tools.' },
  { role: 'user', content: 'Time in Seoul and New York?' },
  {
    role: 'assistant',
    content: 'Checking.',
    reasoning_content: 'Two cities, two calls.',
    tool_calls: [
      {
        id: 'call_a',
        type: 'function',
        function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
      },
      {
        id: 'call_b',
        type: 'function',
        function: { name: 'get_current_time', arguments: '{"timezone":"America/New_York"}' },
      },
    ],
  },
  { role: 'tool', tool_call_id: 'call_a', content: '{"local":"21:00"}' },
  { role: 'tool', tool_call_id: 'call_b', content: '{"error":{"code":"timeout","message":"x"}}' },
  { role: 'assistant', content: 'Seoul 21:00; New York timed out.' },
  { role: 'system', content: 'Answer in Korean.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'And ' },
      { type: 'text', text: 'now?' },
    ],
  },
  { role: 'assistant', content: null, tool_calls: [] },
];

describe('toResponsesRequest', () => {
  it('sends the history as input items: calls and results as items of their own, matched by call_id', () => {
    expect(toResponsesRequest({ messages: HISTORY, tools: TOOLS }, settings)).toEqual({
      model: 'gpt-4o',
      instructions: 'Be brief.\n\nUse tools.',
      input: [
        { role: 'user', content: 'Time in Seoul and New York?' },
        { role: 'assistant', content: 'Checking.' },
        {
          type: 'function_call',
          call_id: 'call_a',
          name: 'get_current_time',
          arguments: '{"timezone":"Asia/Seoul"}',
        },
        {
          type: 'function_call',
          call_id: 'call_b',
          name: 'get_current_time',
          arguments: '{"timezone":"America/New_York"}',
        },
        { type: 'function_call_output', call_id: 'call_a', output: '{"local":"21:00"}' },
        {
          type: 'function_call_output',
          call_id: 'call_b',
          output: '{"error":{"code":"timeout","message":"x"}}',
        },
        { role: 'assistant', content: 'Seoul 21:00; New York timed out.' },
        { role: 'system', content: 'Answer in Korean.' },
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'And ' },
            { type: 'input_text', text: 'now?' },
          ],
        },
      ],
      tools: [
        {
          type: 'function',
          name: 'get_current_time',
          description: 'The time in a timezone.',
          parameters: { type: 'object', properties: { timezone: { type: 'string' } } },
          strict: false,
        },
        { type: 'function', name: 'ping', parameters: null, strict: true },
      ],
      stream: true,
      store: false,
      max_output_tokens: 321,
      temperature: 0.1,
    });
  });

  it('a reasoning model gets no temperature and asks for a reasoning summary', () => {
    const request = toResponsesRequest(
      { messages: [{ role: 'user', content: 'hi' }] },
      { ...settings, model: 'o4-mini' },
    );
    expect(request).toEqual({
      model: 'o4-mini',
      input: [{ role: 'user', content: 'hi' }],
      stream: true,
      store: false,
      max_output_tokens: 321,
      reasoning: { summary: 'auto' },
    });
  });

  it('a token limit below the Responses API\u2019s minimum of 16 is raised to it', () => {
    const request = toResponsesRequest(
      { messages: [{ role: 'user', content: 'hi' }] },
      { ...settings, maxTokens: 5 },
    );
    expect(request.max_output_tokens).toBe(16);
  });

  it('no tools → no `tools` key; no system message → no `instructions` key', () => {
    const request = toResponsesRequest({ messages: [{ role: 'user', content: 'hi' }] }, settings);
    expect(Object.keys(request)).toEqual([
      'model',
      'input',
      'stream',
      'store',
      'max_output_tokens',
      'temperature',
    ]);
  });
});
