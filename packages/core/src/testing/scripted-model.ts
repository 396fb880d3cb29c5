import type { ChatCompletionChunkDelta, CompletionUsage, ToolDefinition } from '../openai/types.js';
import type { ChatModel, ChatModelRequest } from '../run/types.js';
import {
  chatCompletionChunk,
  encodeChatCompletionStream,
  type ChatCompletionStreamFrame,
  type EncodeChatCompletionStreamOptions,
} from '../openai/encode-chat-completion-stream.js';

export interface ScriptedToolCall {
  /** Default `call_<n>`, numbered over the model's lifetime (`call_1`, `call_2`, …). */
  id?: string;
  name: string;
  /** A string is one delta, an array is several, an object is sent as its JSON. Default `''`. */
  arguments?: string | readonly string[] | Record<string, unknown>;
}

/**
 * One answer of a scripted model. Its parts are sent in this order: reasoning, text, refusal,
 * tool calls.
 */
export interface ScriptedResponse {
  /** The model's thinking, a delta per piece, in `reasoningField`. */
  reasoning?: string | readonly string[];
  /** Default `'reasoning_content'` (DeepSeek, vLLM); OpenRouter and Groq use `'reasoning'`. */
  reasoningField?: 'reasoning_content' | 'reasoning';
  /** A string is one delta, an array is one delta per piece. */
  text?: string | readonly string[];
  refusal?: string | readonly string[];
  toolCalls?: readonly ScriptedToolCall[];
  /** Default `'tool_calls'` when there are tool calls, else `'stop'`; `null` sends none. */
  finishReason?: string | null;
  /** Sent in a last `choices: []` chunk, as OpenAI does with `include_usage`. */
  usage?: CompletionUsage;
  /** Answer with this HTTP error instead of a stream. Default body: an OpenAI error object. */
  error?: { status: number; body?: unknown };
  /** After the content, send OpenAI's mid-stream `{"error": …}` frame and end the stream. */
  errorFrame?: { message: string; type?: string; code?: string | null };
  /** End the body after the content: no finish reason, no usage, no `[DONE]`. */
  truncate?: boolean;
  /** Send the content, then keep the body open until it is cancelled (to test aborts). */
  hang?: boolean;
  /** Raw frames to send instead of the ones built from the fields above (`[DONE]` follows). */
  frames?: readonly ChatCompletionStreamFrame[];
  /** Where to cut the bytes (see `encodeChatCompletionStream`); overrides the model's option. */
  split?: EncodeChatCompletionStreamOptions['split'];
}

/** A step is an answer, or a function of the request (and the 0-based call number) giving one. */
export type ScriptedStep =
  ScriptedResponse | ((request: ChatModelRequest, call: number) => ScriptedResponse);

export interface ScriptedModelOptions {
  /** Wait this long before each piece of a body. Default 0: no timers at all. */
  delayMs?: number;
  /** Where to cut each body's bytes, unless a step says otherwise. Default: one piece per frame. */
  split?: EncodeChatCompletionStreamOptions['split'];
  /** Answer with a `Response` (default) or with its bare byte stream. */
  as?: 'response' | 'stream';
}

/** A request as the model received it, deep-copied; `tools` is present only if it was sent. */
export interface ScriptedRequest {
  messages: ChatModelRequest['messages'];
  tools?: ToolDefinition[];
}

export interface ScriptedModel extends ChatModel {
  /** Every call's request, in order. */
  readonly requests: readonly ScriptedRequest[];
  /** Every call's `signal`, in order, to check it was passed and fired. */
  readonly signals: readonly (AbortSignal | undefined)[];
  /** How many of the bodies it returned were cancelled by their reader. */
  readonly cancelled: number;
}

/**
 * A `ChatModel` that answers from a script with real OpenAI Chat Completions SSE bytes, one
 * step per call, so tests run the whole pipeline offline and deterministically.
 *
 * A call beyond the script rejects (that is a bug in the test, not a model failure). A call
 * whose signal already fired rejects with the signal's reason, as `fetch` does. Once a body
 * is returned the signal is left to its reader: cancelling the body is the reader's job, and
 * `cancelled` shows whether it did.
 *
 * @example
 * const model = createScriptedModel([
 *   { toolCalls: [{ name: 'get_current_time', arguments: { timezone: 'Asia/Seoul' } }] },
 *   { text: ['It is ', '9 pm in Seoul.'] },
 * ]);
 */
export function createScriptedModel(
  steps: readonly ScriptedStep[],
  options: ScriptedModelOptions = {},
): ScriptedModel {
  const requests: ScriptedRequest[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  let cancelled = 0;
  let toolCallCount = 0;

  const model = async (
    request: ChatModelRequest,
  ): Promise<Response | ReadableStream<Uint8Array>> => {
    const call = requests.length;
    requests.push(copyRequest(request));
    signals.push(request.signal);
    request.signal?.throwIfAborted();
    const step = steps[call];
    if (step === undefined) {
      throw new Error(
        `createScriptedModel: call ${call + 1} but the script has only ${steps.length} step(s)`,
      );
    }
    const response = typeof step === 'function' ? step(request, call) : step;
    if (response.error !== undefined) return httpErrorResponse(response.error);

    const frames = response.frames ?? buildFrames(response, () => `call_${++toolCallCount}`, call);
    const inner = encodeChatCompletionStream(frames, {
      split: response.split ?? options.split,
      done: response.frames !== undefined || isComplete(response),
    });
    const body = scriptedBody(inner, {
      delayMs: options.delayMs ?? 0,
      hang: response.hang === true,
      onCancel: () => cancelled++,
    });
    if (options.as === 'stream') return body;
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    });
  };

  return Object.defineProperties(model, {
    requests: { get: () => requests },
    signals: { get: () => signals },
    cancelled: { get: () => cancelled },
  }) as ScriptedModel;
}

function copyRequest(request: ChatModelRequest): ScriptedRequest {
  const copy: ScriptedRequest = { messages: structuredClone(request.messages) };
  if ('tools' in request) copy.tools = structuredClone(request.tools);
  return copy;
}

/** Whether the body ends as a finished answer does (`[DONE]` last). */
function isComplete(response: ScriptedResponse): boolean {
  return response.errorFrame === undefined && response.truncate !== true && response.hang !== true;
}

function buildFrames(
  response: ScriptedResponse,
  nextCallId: () => string,
  call: number,
): ChatCompletionStreamFrame[] {
  const id = `chatcmpl-scripted-${call + 1}`;
  const frames: ChatCompletionStreamFrame[] = [];
  const chunk = (delta: ChatCompletionChunkDelta | null, finishReason: string | null = null) =>
    frames.push(chatCompletionChunk(delta, { id, finishReason }));

  const toolCalls = response.toolCalls ?? [];
  const text = pieces(response.text);
  const refusal = pieces(response.refusal);
  // OpenAI's first delta names the role; `content` is '' when text follows, else null.
  chunk({ role: 'assistant', content: text.length > 0 ? '' : null, refusal: null });
  const reasoningField = response.reasoningField ?? 'reasoning_content';
  for (const piece of pieces(response.reasoning)) chunk({ [reasoningField]: piece });
  for (const piece of text) chunk({ content: piece });
  for (const piece of refusal) chunk({ refusal: piece });
  toolCalls.forEach((toolCall, index) => {
    chunk({
      tool_calls: [
        {
          index,
          id: toolCall.id ?? nextCallId(),
          type: 'function',
          function: { name: toolCall.name, arguments: '' },
        },
      ],
    });
    for (const piece of argumentPieces(toolCall.arguments)) {
      chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
  });

  if (response.errorFrame !== undefined) {
    const { message, type = 'server_error', code = null } = response.errorFrame;
    frames.push({ error: { message, type, param: null, code } });
    return frames;
  }
  if (!isComplete(response)) return frames;
  const finishReason =
    response.finishReason === undefined
      ? toolCalls.length > 0
        ? 'tool_calls'
        : 'stop'
      : response.finishReason;
  if (finishReason !== null) chunk({}, finishReason);
  if (response.usage !== undefined) {
    frames.push(chatCompletionChunk(null, { id, usage: response.usage }));
  }
  return frames;
}

function pieces(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function argumentPieces(value: ScriptedToolCall['arguments']): readonly string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (isStringArray(value)) return value;
  return [JSON.stringify(value)];
}

function isStringArray(
  value: readonly string[] | Record<string, unknown>,
): value is readonly string[] {
  return Array.isArray(value);
}

function httpErrorResponse(error: NonNullable<ScriptedResponse['error']>): Response {
  const body =
    error.body === undefined
      ? { error: { message: `Scripted HTTP ${error.status}`, type: 'api_error', code: null } }
      : error.body;
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Wraps an encoded body to pace it, keep it open (`hang`) and count cancels. */
function scriptedBody(
  inner: ReadableStream<Uint8Array>,
  options: { delayMs: number; hang: boolean; onCancel: () => void },
): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.delayMs > 0) await sleep(options.delayMs);
      const { done, value } = await reader.read();
      if (cancelled) return;
      if (!done) controller.enqueue(value);
      // Returning without enqueueing leaves the reader's read() pending: the body hangs.
      else if (!options.hang) controller.close();
    },
    cancel(reason) {
      cancelled = true;
      options.onCancel();
      return reader.cancel(reason);
    },
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
