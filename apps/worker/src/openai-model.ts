import { EdgechatError, type ChatModel } from '@edgechat/core';
import OpenAI, { APIError, AzureOpenAI } from 'openai';
import { PRESETS, samplingFields, type PresetSettings, type ProviderPreset } from './presets.js';
import { withReasoningForUpstream } from './reasoning-sent-back.js';
import { UpstreamStatusError } from './upstream-status.js';

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
  const clientOptions = {
    // The SDK refuses to start without a key; a server that needs none ignores this one.
    apiKey: options.apiKey === '' ? 'none' : options.apiKey,
    baseURL: options.baseURL,
    defaultHeaders: preset.headers(options.presetSettings ?? {}),
    // No retries: a retried 429 only makes the user wait longer; they get the 429 instead.
    maxRetries: 0,
    // Our own first-byte timer below fires first; this is a backstop.
    timeout: options.firstByteTimeoutMs + 1000,
    // The SDK's logger can print request details; we log through src/log.ts only.
    logLevel: 'off' as const,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
  // Azure: the key goes in `api-key`, and every request carries `api-version`.
  const client =
    preset.auth === 'api-key'
      ? new AzureOpenAI({ ...clientOptions, apiVersion: preset.apiVersion ?? '2024-10-21' })
      : new OpenAI(clientOptions);
  const sampling = samplingFields(preset, options.model, options);

  return async ({ messages, tools, signal }) => {
    const upstream = new AbortController();
    const timeouts = createTimeouts(upstream, options);
    const onAbort = (): void => upstream.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await client.chat.completions
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
          { signal: upstream.signal },
        )
        .asResponse();
      return new Response(timeouts.guard(response.body), {
        status: response.status,
        headers: response.headers,
      });
    } catch (error) {
      timeouts.clear();
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) throw signal.reason;
      if (timeouts.error !== undefined) throw timeouts.error;
      if (error instanceof APIError && error.status !== undefined) {
        // The SDK throws for non-2xx with the upstream's message in it, which may quote the key.
        // Only the status and retry-after go on: the core reports them without any text, and
        // upstream-status.ts turns a first call's into the response status.
        throw new UpstreamStatusError(error.status, error.headers?.get('retry-after') ?? null);
      }
      throw new EdgechatError('upstream_unreachable', 'The model provider could not be reached.');
    }
  };
}

interface Timeouts {
  /** Set once a timer fired. */
  readonly error: DOMException | undefined;
  guard(body: ReadableStream<Uint8Array> | null): ReadableStream<Uint8Array> | null;
  clear(): void;
}

/**
 * A first-byte timeout (default 30 s) ends in an `error` chunk. The first-byte timer runs from
 * the request until the first body chunk; then an idle timer runs while a read is pending (a
 * slow consumer is not the upstream's fault). Either aborts the upstream request and errors
 * the body with a `TimeoutError` (what `AbortSignal.timeout` throws), which the run loop turns
 * into an `error` chunk saying the model took too long.
 */
function createTimeouts(upstream: AbortController, options: OpenAIModelOptions): Timeouts {
  let error: DOMException | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = (message: string) => (): void => {
    error = new DOMException(message, 'TimeoutError');
    upstream.abort(error);
  };
  const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
  const arm = (ms: number, message: string): void => {
    clearTimeout(timer);
    timer = setTimeout(fire(message), ms);
  };
  arm(
    options.firstByteTimeoutMs,
    `The model did not answer within ${seconds(options.firstByteTimeoutMs)}.`,
  );

  return {
    get error() {
      return error;
    },
    clear: () => clearTimeout(timer),
    guard(body) {
      if (body === null) {
        clearTimeout(timer);
        return null;
      }
      const reader = body.getReader();
      let first = true;
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (!first) {
              arm(
                options.idleTimeoutMs,
                `The model stopped answering for ${seconds(options.idleTimeoutMs)}.`,
              );
            }
            let result: ReadableStreamReadResult<Uint8Array>;
            try {
              result = await reader.read();
            } catch (readError) {
              clearTimeout(timer);
              controller.error(error ?? readError);
              return;
            }
            clearTimeout(timer);
            first = false;
            if (result.done) controller.close();
            else controller.enqueue(result.value);
          },
          cancel(reason) {
            clearTimeout(timer);
            return reader.cancel(reason);
          },
        },
        { highWaterMark: 0 },
      );
    },
  };
}
