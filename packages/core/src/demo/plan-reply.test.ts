import { describe, expect, it } from 'vitest';
import type { OpenAIMessage, ToolDefinition } from '../openai/types.js';
import { demoModeAnswer, noClockAnswer, otherToolsAnswer } from './canned-answers.js';
import { planReply } from './plan-reply.js';
import { demoReasoning } from './reasoning.js';

const clockTool: ToolDefinition = {
  type: 'function',
  function: { name: 'get_current_time', parameters: { type: 'object' } },
};
const otherTool: ToolDefinition = { type: 'function', function: { name: 'search' } };
const user = (content: string): OpenAIMessage => ({ role: 'user', content });
const timeCall = (timezone: string) => ({
  name: 'get_current_time',
  arguments: `{"timezone":"${timezone}"}`,
});

describe('planReply', () => {
  it('calls get_current_time once per city, in order of mention', () => {
    expect(planReply([user('What time is it in New York, Seoul and LA?')], [clockTool])).toEqual({
      type: 'tool-calls',
      calls: [
        timeCall('America/New_York'),
        timeCall('Asia/Seoul'),
        timeCall('America/Los_Angeles'),
      ],
    });
    expect(planReply([user('서울이랑 뉴욕 몇 시야?')], [otherTool, clockTool])).toEqual({
      type: 'tool-calls',
      calls: [timeCall('Asia/Seoul'), timeCall('America/New_York')],
    });
  });

  it('asks for UTC when the time question names no city it knows', () => {
    expect(planReply([user('What time is it?')], [clockTool])).toEqual({
      type: 'tool-calls',
      calls: [timeCall('UTC')],
    });
  });

  it('reads the last user message, also when it is given as parts', () => {
    const messages: OpenAIMessage[] = [
      { role: 'system', content: 'You are helpful.' },
      user('What time is it in Tokyo?'),
      { role: 'assistant', content: "It's late." },
      {
        role: 'user',
        content: [
          { type: 'text', text: '파리는 ' },
          { type: 'text', text: '몇 시?' },
        ],
      },
    ];
    expect(planReply(messages, [clockTool])).toEqual({
      type: 'tool-calls',
      calls: [timeCall('Europe/Paris')],
    });
  });

  it('answers a time question in text when the tool is not offered', () => {
    expect(planReply([user('What time is it in Seoul?')], undefined)).toEqual({
      type: 'text',
      text: noClockAnswer('en'),
    });
    expect(planReply([user('서울 몇 시?')], [otherTool])).toEqual({
      type: 'text',
      text: noClockAnswer('ko'),
    });
  });

  it('answers from the tool results that end the conversation, tools offered or not', () => {
    const messages: OpenAIMessage[] = [
      user('서울 몇 시?'),
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
          },
          { id: 'call_2', type: 'function', function: { name: 'search', arguments: '{}' } },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'call_1',
        content: '{"timezone":"Asia/Seoul","iso":"2025-01-02T05:05:00.000Z","utcOffset":"+09:00"}',
      },
      { role: 'tool', tool_call_id: 'call_2', content: '[]' },
    ];
    const expected = {
      type: 'text',
      text: `서울은 지금 오후 2시 5분(목, UTC+09:00)입니다. ${otherToolsAnswer(['search'], 'ko')}`,
    };
    expect(planReply(messages, undefined)).toEqual(expected);
    expect(planReply(messages, [clockTool])).toEqual(expected);
  });

  it('gives the demo-mode note to anything else, in the user language', () => {
    expect(planReply([user('Write me a poem')], [clockTool])).toEqual({
      type: 'text',
      text: demoModeAnswer('en'),
    });
    expect(planReply([user('시 한 편 써줘')], [clockTool])).toEqual({
      type: 'text',
      text: demoModeAnswer('ko'),
    });
    expect(planReply([], undefined)).toEqual({ type: 'text', text: demoModeAnswer('en') });
    expect(planReply([{ role: 'tool', tool_call_id: 'x', content: '1' }], undefined)).toEqual({
      type: 'text',
      text: demoModeAnswer('en'),
    });
  });
});

describe('planReply when the question asks to think', () => {
  it('reasons before the tool calls, and again before the answer built from their results', () => {
    const question = user('Think it through: what time is it in Seoul?');
    const calls = planReply([question], [clockTool]);
    expect(calls).toEqual({
      type: 'tool-calls',
      calls: [timeCall('Asia/Seoul')],
      reasoning: demoReasoning({ type: 'time', zones: ['Asia/Seoul'] }, 'en'),
    });
    const results: OpenAIMessage[] = [
      question,
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: timeCall('Asia/Seoul') }],
      },
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: JSON.stringify({
          timezone: 'Asia/Seoul',
          iso: '2026-03-01T21:00:00+09:00',
          local: '2026-03-01 21:00:00',
          utcOffset: '+09:00',
        }),
      },
    ];
    expect(planReply(results, [clockTool])).toMatchObject({
      type: 'text',
      reasoning: demoReasoning({ type: 'results', count: 1 }, 'en'),
    });
  });

  it('reasons about any other question before the demo note; no-clock answers stay plain', () => {
    expect(planReply([user('생각해 봐: 하늘은 왜 파랄까?')], [clockTool])).toEqual({
      type: 'text',
      text: demoModeAnswer('ko'),
      reasoning: demoReasoning({ type: 'other', question: '생각해 봐: 하늘은 왜 파랄까?' }, 'ko'),
    });
    expect(planReply([user('Think: what time is it?')], undefined)).toEqual({
      type: 'text',
      text: noClockAnswer('en'),
    });
  });
});
