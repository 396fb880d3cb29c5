import { recordedUsage } from '@edgechat/test-support/fixtures';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectChatCompletion } from '../openai/index.js';
import type {
  AssistantMessage,
  ChatCompletionResult,
  CompletionUsage,
  OpenAIMessage,
  ToolDefinition,
} from '../openai/types.js';
import { createDemoModel } from './index.js';

const clockTool: ToolDefinition = {
  type: 'function',
  function: {
    name: 'get_current_time',
    description: 'Current time in an IANA time zone',
    parameters: { type: 'object', properties: { timezone: { type: 'string' } } },
  },
};
const model = createDemoModel({ delayMs: 0 });

async function ask(messages: OpenAIMessage[], tools?: ToolDefinition[]) {
  return collectChatCompletion(
    await model(tools === undefined ? { messages } : { messages, tools }),
  );
}

function result(
  id: string,
  message: AssistantMessage,
  finishReason: string,
  used: CompletionUsage,
): ChatCompletionResult {
  return {
    id,
    model: 'edgechat-demo',
    message,
    finishReason,
    usage: used,
    choices: [{ index: 0, message, finishReason }],
  };
}

const timeCall = (id: string, timezone: string) => ({
  id,
  type: 'function' as const,
  function: { name: 'get_current_time', arguments: `{"timezone":"${timezone}"}` },
});

const callsSeoulNewYork: AssistantMessage = {
  role: 'assistant',
  content: null,
  tool_calls: [
    timeCall('call_hxrzcZYBfjTSfLaVzaSro0yo', 'Asia/Seoul'),
    timeCall('call_9fBT2CzgGZrYije56Y6XohHj', 'America/New_York'),
  ],
};

// What getCurrentTime returns at Thursday 2025-01-02 05:05 UTC (tools/get-current-time.ts).
const toolResults = (ids: [string, string]): OpenAIMessage[] => [
  {
    role: 'tool',
    tool_call_id: ids[0],
    content:
      '{"timezone":"Asia/Seoul","iso":"2025-01-02T14:05:00+09:00","local":"2025-01-02 14:05:00","utcOffset":"+09:00"}',
  },
  {
    role: 'tool',
    tool_call_id: ids[1],
    content:
      '{"timezone":"America/New_York","iso":"2025-01-02T00:05:00-05:00","local":"2025-01-02 00:05:00","utcOffset":"-05:00"}',
  },
];

const ENGLISH_DEMO_NOTE = `**Demo mode** — this answer comes from edgechat's offline demo model, not from a real LLM.

- Ask about the time in a city, e.g. *"What time is it in Seoul and New York?"*: I call the \`get_current_time\` tool, once per city, in parallel.
- Add *think* to a question, e.g. *"Think it through: what time is it in Seoul?"*, to see a reasoning model's thoughts stream first, in a Thinking block.
- Everything else gets this note, streamed token by token like a real answer.
- To talk to a real model, give edgechat an OpenAI API key:

\`\`\`sh
# web app + worker: apps/worker/.dev.vars
OPENAI_API_KEY=sk-...

# terminal chat
OPENAI_API_KEY=sk-... pnpm chat
\`\`\`
`;

afterEach(() => {
  vi.useRealTimers();
});

describe('createDemoModel', () => {
  it('asks for the time in Seoul and New York with two parallel calls', async () => {
    expect(
      await ask([{ role: 'user', content: 'What time is it in Seoul and New York?' }], [clockTool]),
    ).toEqual(
      result(
        'chatcmpl-3EpujqrScBrtcXwnX0RtjOxKUT9bb',
        callsSeoulNewYork,
        'tool_calls',
        recordedUsage(27, 25),
      ),
    );
  });

  it('asks the same in Korean', async () => {
    expect(await ask([{ role: 'user', content: '서울이랑 뉴욕 몇 시야?' }], [clockTool])).toEqual(
      result(
        'chatcmpl-3uLUtPMafgsWQGDBRb5c54tm7K0Qx',
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            timeCall('call_oEocUX17MFoGz5sQStHQCisS', 'Asia/Seoul'),
            timeCall('call_YAc3U3amoh1ednbURXX6koxx', 'America/New_York'),
          ],
        },
        'tool_calls',
        recordedUsage(21, 25),
      ),
    );
  });

  it('answers from the tool results, using them', async () => {
    const ids = ['call_hxrzcZYBfjTSfLaVzaSro0yo', 'call_9fBT2CzgGZrYije56Y6XohHj'] as const;
    const messages: OpenAIMessage[] = [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'What time is it in Seoul and New York?' },
      callsSeoulNewYork,
      ...toolResults([...ids]),
    ];
    const answer = {
      role: 'assistant' as const,
      content: "It's 14:05 (Thu) in Seoul (UTC+09:00) and 00:05 (Thu) in New York (UTC-05:00).",
    };
    expect(await ask(messages, [clockTool])).toEqual(
      result('chatcmpl-mr6IFGDukqhgPeky1PLCZB4JeQ2E7', answer, 'stop', recordedUsage(229, 15)),
    );
    // runChat's last step offers no tools; the answer is the same text, under another id.
    expect(await ask(messages)).toEqual(
      result('chatcmpl-3NxXw5qB3FJMrDnHrg8NkFS2YAyW2', answer, 'stop', recordedUsage(225, 15)),
    );
  });

  it('answers from the tool results in Korean', async () => {
    const ids = ['call_oEocUX17MFoGz5sQStHQCisS', 'call_YAc3U3amoh1ednbURXX6koxx'] as const;
    const messages: OpenAIMessage[] = [
      { role: 'user', content: '서울이랑 뉴욕 몇 시야?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [timeCall(ids[0], 'Asia/Seoul'), timeCall(ids[1], 'America/New_York')],
      },
      ...toolResults([...ids]),
    ];
    expect(await ask(messages, [clockTool])).toEqual(
      result(
        'chatcmpl-6mrOsrG7o8JaqMrpxRNV1RK0rRQxd',
        {
          role: 'assistant',
          content:
            '서울은 지금 오후 2시 5분(목, UTC+09:00)이고, 뉴욕은 오전 12시 5분(목, UTC-05:00)입니다.',
        },
        'stop',
        recordedUsage(208, 13),
      ),
    );
  });

  it('explains a failed tool call gracefully', async () => {
    const messages: OpenAIMessage[] = [
      { role: 'user', content: 'What time is it in Seoul?' },
      { role: 'assistant', content: null, tool_calls: [timeCall('call_1', 'Asia/Seoul')] },
      {
        role: 'tool',
        tool_call_id: 'call_1',
        content:
          '{"error":{"code":"timeout","message":"get_current_time timed out after 10000 ms"}}',
      },
    ];
    expect((await ask(messages, [clockTool])).message).toEqual({
      role: 'assistant',
      content: "I couldn't get the time for Seoul: get_current_time timed out after 10000 ms.",
    });
  });

  it('answers a time question in text when no tools are offered', async () => {
    expect(await ask([{ role: 'user', content: 'What time is it in Seoul?' }])).toEqual(
      result(
        'chatcmpl-THw8LQHcgISHMR7yB54CLTnLw8rrK',
        {
          role: 'assistant',
          content:
            "I can't check the time right now: the `get_current_time` tool isn't available in this request.",
        },
        'stop',
        recordedUsage(20, 18),
      ),
    );
  });

  it('explains demo mode in markdown to other questions', async () => {
    expect(
      await ask([{ role: 'user', content: 'Write a haiku about the sea' }], [clockTool]),
    ).toEqual(
      result(
        'chatcmpl-axT9k3YfDd4HrI06TtmcYNkItP0Vq',
        { role: 'assistant', content: ENGLISH_DEMO_NOTE },
        'stop',
        recordedUsage(24, 128),
      ),
    );
  });

  it('explains demo mode in Korean to Korean questions', async () => {
    const { message } = await ask([{ role: 'user', content: '바다에 대한 시를 써줘' }]);
    expect(message).toEqual({
      role: 'assistant',
      content: `**데모 모드** — 이 답변은 실제 LLM이 아니라 edgechat의 오프라인 데모 모델이 만든 것입니다.

- 도시의 시간을 물어보세요. 예: *"서울이랑 뉴욕 몇 시야?"* 도시마다 \`get_current_time\` 도구를 병렬로 호출합니다.
- 질문에 *생각*을 넣으면(예: *"생각해 보고 알려 줘: 서울 몇 시야?"*) 추론 모델처럼 생각이 답보다 먼저 '생각하는 중' 블록에 스트리밍됩니다.
- 그 밖의 질문에는 실제 답변처럼 토큰 단위로 스트리밍되는 이 안내가 나옵니다.
- 실제 모델과 대화하려면 OpenAI API 키를 설정하세요:

\`\`\`sh
# 웹 앱 + 워커: apps/worker/.dev.vars
OPENAI_API_KEY=sk-...

# 터미널 채팅
OPENAI_API_KEY=sk-... pnpm chat
\`\`\`
`,
    });
  });

  it('streams OpenAI SSE: one frame per read, [DONE] last, as text/event-stream', async () => {
    const response = await model({ messages: [{ role: 'user', content: 'Hi' }] });
    expect(response).toBeInstanceOf(Response);
    const { headers, body } = response as Response;
    expect(headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const frames: string[] = [];
    const reader = (body ?? new ReadableStream<Uint8Array>()).getReader();
    for (let step = await reader.read(); !step.done; step = await reader.read()) {
      frames.push(new TextDecoder().decode(step.value));
    }
    expect(frames.every((frame) => /^data: [^\n]+\n\n$/.test(frame))).toBe(true);
    expect(frames.at(-1)).toBe('data: [DONE]\n\n');
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.slice(6)) as unknown);
    expect(chunks[0]).toEqual({
      id: 'chatcmpl-riFbGANfe48PFSrvHNUQPVV5MAUPZ',
      object: 'chat.completion.chunk',
      created: 1_735_689_600,
      model: 'edgechat-demo',
      service_tier: 'default',
      system_fingerprint: 'fp_edgechat_demo',
      choices: [
        {
          index: 0,
          delta: { role: 'assistant', content: '', refusal: null },
          logprobs: null,
          finish_reason: null,
        },
      ],
      usage: null,
    });
  });

  it('streams the same bytes for the same request, other ids for another', async () => {
    const bytesOf = async (content: string): Promise<string> =>
      (
        (await model({ messages: [{ role: 'user', content }], tools: [clockTool] })) as Response
      ).text();
    const first = await bytesOf('What time is it in Tokyo and Paris?');
    expect(await bytesOf('What time is it in Tokyo and Paris?')).toBe(first);
    const other = await bytesOf('What time is it in Tokyo and Paris?!');
    expect(other).not.toBe(first);
    const ids = (text: string) => text.match(/(?:chatcmpl-|call_)[0-9A-Za-z]+/g);
    expect(new Set(ids(first)).size).toBe(3); // one completion id, two call ids
    expect(ids(other)?.some((id) => first.includes(id))).toBe(false);
  });

  it('reports the model id it was given', async () => {
    const named = createDemoModel({ delayMs: 0, model: 'demo-2' });
    const { model: reported } = await collectChatCompletion(
      await named({ messages: [{ role: 'user', content: 'Hi' }] }),
    );
    expect(reported).toBe('demo-2');
  });

  it('paces the chunks 20 ms apart by default', async () => {
    vi.useFakeTimers();
    const response = (await createDemoModel()({
      messages: [{ role: 'user', content: 'Hi' }],
    })) as Response;
    const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader();
    await reader.read();
    let second = false;
    void reader.read().then(() => (second = true));
    await vi.advanceTimersByTimeAsync(19);
    expect(second).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(second).toBe(true);
    await reader.cancel();
  });

  it('stops when the request is aborted mid-stream, with the signal reason', async () => {
    const controller = new AbortController();
    const slow = createDemoModel({ delayMs: 5 });
    const response = await slow({
      messages: [{ role: 'user', content: 'Hi' }],
      signal: controller.signal,
    });
    const reader = ((response as Response).body ?? new ReadableStream<Uint8Array>()).getReader();
    await reader.read();
    const reason = new DOMException('stopped', 'AbortError');
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
  });

  it('makes a consumer reading with the same signal stop', async () => {
    const controller = new AbortController();
    const response = await createDemoModel({ delayMs: 5 })({
      messages: [{ role: 'user', content: 'Write a long story' }],
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(
      collectChatCompletion(response, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a request whose signal already fired, like fetch', async () => {
    const reason = new Error('gone');
    await expect(
      model({ messages: [{ role: 'user', content: 'Hi' }], signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses delayMs %s', (delayMs) => {
    expect(() => createDemoModel({ delayMs })).toThrow(
      new RangeError(`delayMs must be a finite number ≥ 0, got ${delayMs}`),
    );
  });
});
