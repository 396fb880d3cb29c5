import type { ChatModel } from '@edgechat/core';

export interface OpenAIModelOptions {
  apiKey: string;
  /** Without the trailing slash: `https://api.openai.com/v1`. */
  baseUrl: string;
  model: string;
  /** Default 0.1, as the worker. */
  temperature?: number;
  /** Default the global `fetch`; tests pass their own. */
  fetch?: typeof fetch;
}

/**
 * A `ChatModel` over plain `fetch`, no SDK: one streaming POST to `/chat/completions`, whose
 * `Response` the core reads as it is (a non-2xx status becomes the run's `error` chunk).
 * `stream_options.include_usage` asks for the usage chunk at the end of the stream.
 */
export function createOpenAIModel(options: OpenAIModelOptions): ChatModel {
  const request = options.fetch ?? fetch;
  const url = `${options.baseUrl}/chat/completions`;
  return ({ messages, tools, signal }) =>
    request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({
        model: options.model,
        messages,
        ...(tools === undefined ? {} : { tools }),
        stream: true,
        stream_options: { include_usage: true },
        temperature: options.temperature ?? 0.1,
      }),
      ...(signal === undefined ? {} : { signal }),
    });
}
