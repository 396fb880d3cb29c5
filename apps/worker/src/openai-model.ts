import type { ChatModel } from '@edgechat/core';
import type OpenAI from 'openai';
import { createOpenAIClient } from './openai-client.js';
import { PRESETS, samplingFields, type PresetSettings, type ProviderPreset } from './presets.js';
import { withReasoningForUpstream } from './reasoning-sent-back.js';
import { callUpstream } from './upstream-call.js';

// Upstream calls go through the official `openai` SDK (6.x: `create({ stream: true,
// stream_options: { include_usage: true } }).asResponse()`), so retries, auth and base URLs
// behave as every OpenAI user expects.
// The SDK only makes the request; the raw SSE body goes to the core, which owns parsing.

export interface OpenAIModelOptions {
  /** Empty for a local server that takes none. */
  apiKey: string;
  baseURL: string;
  /** The service's quirks; default OpenAI's. */
  preset?: ProviderPreset;
  presetSettings?: PresetSettings;
  model: string;
  temperature: number;
  maxTokens: number;
  /** Until the first byte of the body; also caps the wait for response headers. */
  firstByteTimeoutMs: number;
  /** Between two body chunks. */
  idleTimeoutMs: number;
  /** For tests; default the global `fetch`. */
  fetch?: typeof fetch;
}

export function createOpenAIModel(options: OpenAIModelOptions): ChatModel {
  const preset = options.preset ?? PRESETS.openai;
  const client = createOpenAIClient({ ...options, preset });
  const sampling = samplingFields(preset, options.model, options);

  return ({ messages, tools, signal }) =>
    callUpstream(
      (upstreamSignal) =>
        client.chat.completions
          .create(
            {
              model: options.model,
              messages: withReasoningForUpstream(
                messages,
                preset,
              ) as OpenAI.Chat.ChatCompletionMessageParam[],
              ...(tools === undefined ? {} : { tools: tools as OpenAI.Chat.ChatCompletionTool[] }),
              stream: true,
              ...(preset.includeUsage ? { stream_options: { include_usage: true } } : {}),
              ...sampling,
            },
            { signal: upstreamSignal },
          )
          .asResponse(),
      { ...options, signal },
    );
}
