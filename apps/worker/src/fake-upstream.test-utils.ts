// A fake upstream for the model adapters' tests: a `fetch` that records each call.
import type { OpenAIModelOptions } from './openai-model.js';

export interface Call {
  url: string;
  method: string;
  authorization: string | null;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

/** A fake `fetch`: records each call and answers with `respond(call)`. */
export function fakeFetch(respond: (call: Call) => Promise<Response> | Response) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const call: Call = {
      url: request.url,
      method: request.method,
      authorization: request.headers.get('authorization'),
      headers: request.headers,
      body: JSON.parse(await request.text()) as unknown,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** Resolves never, rejects with the signal's reason when it fires (as fetch does). */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** An adapter's options against the fake upstream: a planted key, small token and time limits. */
export function modelOptions(
  fetch: typeof globalThis.fetch,
  apiKey: string,
  overrides: Partial<OpenAIModelOptions> = {},
): OpenAIModelOptions {
  return {
    apiKey,
    baseURL: 'https://upstream.example/v1',
    model: 'gpt-4o-mini',
    temperature: 0.1,
    maxTokens: 321,
    firstByteTimeoutMs: 5000,
    idleTimeoutMs: 5000,
    fetch,
    ...overrides,
  };
}
