import { EdgechatError } from '../base/errors.js';
import { createChatCompletionChunk } from './chunk.js';
import { quote } from '../base/quote.js';
import { upstreamError } from './parse-chunk.js';
import type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionChunkToolCallDelta,
} from './types.js';

interface CompletionMessage {
  content?: unknown;
  refusal?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
  reasoning_details?: unknown;
  tool_calls?: unknown;
}

interface CompletionChoice {
  index?: unknown;
  message?: CompletionMessage;
  delta?: CompletionMessage;
  finish_reason?: unknown;
}

/**
 * A non-streaming `chat.completion` body as the one chunk that carries its whole message, so
 * the streaming readers accept both kinds of response and give the same result for the same
 * turn. A body with `error` → `upstream_error`; any other non-completion → `invalid_response`.
 */
export function completionAsChunk(text: string): ChatCompletionChunk {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notACompletion(text);
  }
  if (typeof value !== 'object' || value === null) throw notACompletion(text);
  const body = value as Record<string, unknown>;
  if (body.error !== undefined && body.error !== null) throw upstreamError(body.error, text);
  if (!Array.isArray(body.choices)) throw notACompletion(text);

  return createChatCompletionChunk({
    id: typeof body.id === 'string' ? body.id : '',
    created: typeof body.created === 'number' ? body.created : 0,
    model: typeof body.model === 'string' ? body.model : '',
    choices: (body.choices as unknown[]).map(choiceAsChunkChoice),
    ...(typeof body.usage === 'object' && body.usage !== null
      ? { usage: body.usage as ChatCompletionChunk['usage'] }
      : {}),
  });
}

function choiceAsChunkChoice(value: unknown, position: number): ChatCompletionChunkChoice {
  const choice = (typeof value === 'object' && value !== null ? value : {}) as CompletionChoice;
  const message = choice.message ?? choice.delta ?? {};
  const delta: ChatCompletionChunkDelta = { role: 'assistant' };
  if (typeof message.content === 'string') delta.content = message.content;
  if (typeof message.refusal === 'string') delta.refusal = message.refusal;
  if (typeof message.reasoning_content === 'string') {
    delta.reasoning_content = message.reasoning_content;
  }
  if (typeof message.reasoning === 'string') delta.reasoning = message.reasoning;
  if (Array.isArray(message.reasoning_details)) {
    delta.reasoning_details =
      message.reasoning_details as ChatCompletionChunkDelta['reasoning_details'];
  }
  if (Array.isArray(message.tool_calls)) {
    // A message's calls have no `index`; their position is it.
    delta.tool_calls = (message.tool_calls as ChatCompletionChunkToolCallDelta[]).map(
      (call, index) => ({ ...call, index }),
    );
  }
  return {
    index: typeof choice.index === 'number' ? choice.index : position,
    delta,
    finish_reason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
  };
}

function notACompletion(text: string): EdgechatError {
  return new EdgechatError(
    'invalid_response',
    `body is neither an event stream nor a chat.completion: ${quote(text)}`,
  );
}
