import { describe, expect, it } from 'vitest';
import { createOpenAIModel } from './openai-model.js';

function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const response = new Response('data: [DONE]\n\n', {
    headers: { 'content-type': 'text/event-stream' },
  });
  const fetchStub = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return response;
  };
  return { calls, response, fetch: fetchStub as typeof fetch };
}

describe('createOpenAIModel', () => {
  it('POSTs a streaming request with tools and returns the Response as it is', async () => {
    const { calls, response, fetch } = recordingFetch();
    const model = createOpenAIModel({
      apiKey: 'sk-1',
      baseUrl: 'http://h/v1',
      model: 'gpt-4o',
      fetch,
    });
    const signal = new AbortController().signal;
    const tools = [{ type: 'function' as const, function: { name: 'get_current_time' } }];
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    expect(await model({ messages, tools, signal })).toBe(response);
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [{ url: string; init: RequestInit }];
    expect(url).toBe('http://h/v1/chat/completions');
    expect({ ...init, body: JSON.parse(String(init.body)) as unknown }).toEqual({
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-1',
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: {
        model: 'gpt-4o',
        messages,
        tools,
        stream: true,
        stream_options: { include_usage: true },
        temperature: 0.1,
      },
      signal,
    });
  });

  it('sends no tools key when the step offers none, and the given temperature', async () => {
    const { calls, fetch } = recordingFetch();
    const model = createOpenAIModel({
      apiKey: 'k',
      baseUrl: 'http://h',
      model: 'm',
      temperature: 0.7,
      fetch,
    });
    await model({ messages: [] });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      model: 'm',
      messages: [],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
    });
    expect(calls[0]?.init).not.toHaveProperty('signal');
  });
});
