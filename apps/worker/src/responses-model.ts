import type { ChatModel } from '@edgechat/core';
import { createOpenAIClient } from './openai-client.js';
import type { OpenAIModelOptions } from './openai-model.js';
import { PRESETS } from './presets.js';
import { toResponsesRequest } from './responses-request.js';
import { responsesToChatCompletions } from './responses-stream.js';
import { callUpstream } from './upstream-call.js';

// OpenAI's Responses API (`POST /responses`) behind the same ChatModel as Chat Completions:
// the step's Chat Completions request is translated to a Responses request, and the
// Responses SSE body back to a Chat Completions one, so the core's run loop does not know
// which API answered. The request goes through the same SDK client, the same timeouts and the
// same error mapping as src/openai-model.ts (src/upstream-call.ts).

export function createResponsesModel(options: OpenAIModelOptions): ChatModel {
  const preset = options.preset ?? PRESETS['openai-responses'];
  const client = createOpenAIClient({ ...options, preset });

  return async ({ messages, tools, signal }) => {
    const body = toResponsesRequest({ messages, tools }, { ...options, preset });
    const response = await callUpstream(
      (upstreamSignal) => client.responses.create(body, { signal: upstreamSignal }).asResponse(),
      { ...options, signal },
    );
    // The SDK rejects a non-2xx itself; a 2xx without a body is for the core to report.
    if (response.body === null) return response;
    // The body changes length: a `content-length` from upstream would no longer be true.
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(response.body.pipeThrough(responsesToChatCompletions()), {
      status: response.status,
      headers,
    });
  };
}
