import type {
  ChatCompletionChunk,
  ChatCompletionChunkDelta,
  CompletionUsage,
} from '@edgechat/core';

// The Responses API streams typed events (`response.output_text.delta`, …); the run loop reads
// Chat Completions chunks. This maps one event at a time to the chunk frames it means, keeping
// only what the mapping needs: the response's id and model, and which function call is which.
// Events it has no use for (content parts, `*.done` with text already streamed, web search …)
// produce nothing, so a new event type never breaks a stream.

/** SSE frames, each `data: …\n\n`, ready to be sent on. */
export type Frames = string[];

export interface ResponsesEventTranslator {
  /** One event's JSON data; `name` is its SSE `event:` field. */
  event(value: unknown, name: string): Frames;
  /** Whether the response ended (completed, incomplete, failed or an error): nothing follows. */
  readonly ended: boolean;
}

interface Call {
  /** The tool_calls index: function calls numbered in the order they started. */
  index: number;
  /** The arguments sent on so far. */
  sent: string;
}

export function createResponsesEventTranslator(): ResponsesEventTranslator {
  let id = '';
  let model = '';
  let created = 0;
  let ended = false;
  let started = 0;
  /** By item id, and by output index for a delta that names only that. */
  const calls = new Map<string, Call>();
  const callsByOutput = new Map<number, Call>();
  /** The reasoning part last streamed: a new one starts a new paragraph. */
  let reasoningPart: string | undefined;

  const frame = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;
  const chunk = (delta: ChatCompletionChunkDelta, finishReason: string | null = null): string => {
    const value: ChatCompletionChunk = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    };
    return frame(value);
  };
  const callOf = (event: Record<string, unknown>): Call | undefined =>
    (typeof event.item_id === 'string' ? calls.get(event.item_id) : undefined) ??
    (typeof event.output_index === 'number' ? callsByOutput.get(event.output_index) : undefined);
  /** The rest of a call's arguments when a `done` says more than the deltas did. */
  const rest = (call: Call, full: unknown): Frames => {
    if (typeof full !== 'string' || full === call.sent || !full.startsWith(call.sent)) return [];
    const delta = full.slice(call.sent.length);
    call.sent = full;
    return [chunk({ tool_calls: [{ index: call.index, function: { arguments: delta } }] })];
  };
  const reasoning = (event: Record<string, unknown>, part: unknown): Frames => {
    if (typeof event.delta !== 'string' || event.delta === '') return [];
    const key = `${String(event.item_id)}/${String(part)}`;
    const separator = reasoningPart !== undefined && reasoningPart !== key ? '\n\n' : '';
    reasoningPart = key;
    return [chunk({ reasoning_content: separator + event.delta })];
  };

  const translate = (event: Record<string, unknown>, type: string): Frames => {
    const response = isRecord(event.response) ? event.response : undefined;
    if (response !== undefined) {
      if (typeof response.id === 'string') id = response.id;
      if (typeof response.model === 'string') model = response.model;
      if (typeof response.created_at === 'number') created = response.created_at;
    }
    switch (type) {
      case 'response.output_text.delta':
        return typeof event.delta === 'string' ? [chunk({ content: event.delta })] : [];
      case 'response.refusal.delta':
        return typeof event.delta === 'string' ? [chunk({ refusal: event.delta })] : [];
      case 'response.reasoning_summary_text.delta':
        return reasoning(event, `s${String(event.summary_index)}`);
      case 'response.reasoning_text.delta':
        return reasoning(event, `c${String(event.content_index)}`);
      case 'response.output_item.added': {
        const item = isRecord(event.item) ? event.item : undefined;
        if (item?.type !== 'function_call') return [];
        const call: Call = { index: started++, sent: '' };
        if (typeof item.id === 'string') calls.set(item.id, call);
        if (typeof event.output_index === 'number') callsByOutput.set(event.output_index, call);
        const start = chunk({
          tool_calls: [
            {
              index: call.index,
              ...(typeof item.call_id === 'string' ? { id: item.call_id } : {}),
              type: 'function',
              function: {
                ...(typeof item.name === 'string' ? { name: item.name } : {}),
                arguments: '',
              },
            },
          ],
        });
        // A server that sends the whole call at once has no deltas to follow.
        return [start, ...rest(call, item.arguments)];
      }
      case 'response.function_call_arguments.delta': {
        const call = callOf(event);
        if (call === undefined || typeof event.delta !== 'string') return [];
        call.sent += event.delta;
        return [
          chunk({ tool_calls: [{ index: call.index, function: { arguments: event.delta } }] }),
        ];
      }
      case 'response.function_call_arguments.done': {
        const call = callOf(event);
        return call === undefined ? [] : rest(call, event.arguments);
      }
      case 'response.output_item.done': {
        const item = isRecord(event.item) ? event.item : undefined;
        const call =
          item?.type === 'function_call' ? callOf({ ...event, item_id: item.id }) : undefined;
        return call === undefined ? [] : rest(call, item?.arguments);
      }
      case 'response.completed':
      case 'response.incomplete': {
        ended = true;
        const usage = usageOf(response?.usage);
        return [
          chunk({}, finishReason(type, response, started > 0)),
          ...(usage === undefined
            ? []
            : [frame({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })]),
          'data: [DONE]\n\n',
        ];
      }
      case 'response.failed': {
        ended = true;
        const error = isRecord(response?.error) ? response.error : {};
        return [errorFrame(error.message, error.code)];
      }
      case 'error': {
        ended = true;
        // OpenAI documents the fields on the event itself; some servers nest them in `error`.
        const error = isRecord(event.error) ? event.error : event;
        return [errorFrame(error.message, error.code)];
      }
      default:
        return [];
    }
  };

  return {
    event(value, name) {
      if (ended || !isRecord(value)) return [];
      return translate(value, typeof value.type === 'string' ? value.type : name);
    },
    get ended() {
      return ended;
    },
  };
}

/**
 * An error as OpenAI sends one mid-stream in Chat Completions. The core reads it as an
 * upstream error and shows the user its own fixed text, never this message.
 */
export function errorFrame(message: unknown, code: unknown): string {
  const error = {
    message: typeof message === 'string' && message !== '' ? message : 'The response failed.',
    type: 'server_error',
    code: typeof code === 'string' || typeof code === 'number' ? code : null,
  };
  return `data: ${JSON.stringify({ error })}\n\n`;
}

function finishReason(
  type: string,
  response: Record<string, unknown> | undefined,
  calledFunctions: boolean,
): string {
  if (type === 'response.incomplete') {
    const details = isRecord(response?.incomplete_details) ? response.incomplete_details : {};
    if (details.reason === 'max_output_tokens') return 'length';
    if (details.reason === 'content_filter') return 'content_filter';
  }
  return calledFunctions ? 'tool_calls' : 'stop';
}

/** Responses usage under Chat Completions names, so usage reads the same for both APIs. */
function usageOf(value: unknown): CompletionUsage | undefined {
  if (!isRecord(value)) return undefined;
  const input = number(value.input_tokens);
  const output = number(value.output_tokens);
  const cached = isRecord(value.input_tokens_details)
    ? value.input_tokens_details.cached_tokens
    : undefined;
  const reasoning = isRecord(value.output_tokens_details)
    ? value.output_tokens_details.reasoning_tokens
    : undefined;
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: typeof value.total_tokens === 'number' ? value.total_tokens : input + output,
    ...(typeof cached === 'number' ? { prompt_tokens_details: { cached_tokens: cached } } : {}),
    ...(typeof reasoning === 'number'
      ? { completion_tokens_details: { reasoning_tokens: reasoning } }
      : {}),
  };
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
