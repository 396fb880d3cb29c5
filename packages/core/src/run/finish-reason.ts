import type { UIFinishReason } from '../ui-stream/types.js';

/**
 * OpenAI's `finish_reason` → the UI message stream's `finishReason`, as the AI SDK's OpenAI
 * provider maps it (`mapOpenAIFinishReason`): the legacy `function_call` is a tool call too,
 * and anything else — a missing reason, or a value a compatible server invented — is
 * `'other'` (AI SDK v6 folds its former `'unknown'` into `'other'`).
 */
export function toUIFinishReason(finishReason: string | null | undefined): UIFinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'other';
  }
}
