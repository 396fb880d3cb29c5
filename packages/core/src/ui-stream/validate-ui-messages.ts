import { utf8Length } from '../base/utf8-length.js';
import type { UIMessage, UIMessagePart } from './types.js';
import { isRecord } from '../base/json.js';
import { checkDepth, problem, UIMessageProblem } from './validation-problem.js';
import { validateUIPart, type PartRules } from './validate-ui-part.js';

export interface ValidateUIMessagesOptions {
  /**
   * What an unknown part type is. `'reject'` (default) for a request: nothing the server does
   * not understand goes on. `'skip'` for stored data a newer version of an app may have written:
   * the part is left out and the rest of the message stays.
   */
  unknownParts?: 'reject' | 'skip';
  /** At most this many messages (`too_many_messages`). Default: no limit. */
  maxMessages?: number;
  /**
   * At most this many UTF-8 bytes per message of text, reasoning, and tool input, output and
   * error (as JSON) — everything that goes upstream (`message_too_large`).
   */
  maxMessageBytes?: number;
  /** How deep tool input, output and metadata may nest. Default 64. */
  maxDepth?: number;
  /** Ids longer than this are invalid. Default 256. */
  maxIdLength?: number;
  /** The name problems are reported under. Default `'messages'`. */
  path?: string;
}

export type UIMessageProblemCode = 'invalid' | 'too_many_messages' | 'message_too_large';

export interface UIMessageValidationError {
  code: UIMessageProblemCode;
  /** Where the first problem is, e.g. `messages[3].parts[0].state`. */
  path: string;
  /** `<path>: <what is wrong>`, safe to show: it quotes at most 64 characters of the input. */
  message: string;
}

export type UIMessageValidation =
  { ok: true; messages: UIMessage[] } | { ok: false; error: UIMessageValidationError };

export const DEFAULT_MAX_JSON_DEPTH = 64;
const DEFAULT_MAX_ID_LENGTH = 256;

/**
 * The one check for UI messages that come from outside — a request body, stored conversations,
 * an imported file. Never throws; a failure names the path of the first problem.
 *
 * Accepted: `{ id?, role: 'user' | 'assistant', parts: UIMessagePart[], metadata? }`, and the
 * short form `{ role, content: string }` (read as one text part). A missing id becomes the
 * message's path. `system` and `tool` roles are refused with a message that says why: the
 * system prompt is the server's, and tool results travel in assistant parts. A user message
 * holds text and data parts only, and needs non-blank text; reasoning and tool parts belong
 * to the assistant. The result is rebuilt field by field: nothing the input carried beyond the
 * known fields (a `__proto__` key, a stray property) reaches the caller.
 */
export function validateUIMessages(
  value: unknown,
  options: ValidateUIMessagesOptions = {},
): UIMessageValidation {
  const path = options.path ?? 'messages';
  try {
    if (!Array.isArray(value)) problem(path, 'must be an array');
    const { maxMessages } = options;
    if (maxMessages !== undefined && value.length > maxMessages) {
      problem(
        path,
        `at most ${maxMessages} messages are accepted (got ${value.length}).`,
        'too_many_messages',
      );
    }
    const rules: PartRules = {
      unknownParts: options.unknownParts ?? 'reject',
      maxDepth: options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH,
    };
    const messages = value.map((message: unknown, index) =>
      validateMessage(message, `${path}[${index}]`, rules, options),
    );
    return { ok: true, messages };
  } catch (error) {
    if (error instanceof UIMessageProblem) return { ok: false, error: error.toJSON() };
    throw error;
  }
}

function validateMessage(
  value: unknown,
  path: string,
  rules: PartRules,
  options: ValidateUIMessagesOptions,
): UIMessage {
  if (!isRecord(value)) problem(path, 'must be an object');
  const role = validateRole(value.role, `${path}.role`);
  const maxIdLength = options.maxIdLength ?? DEFAULT_MAX_ID_LENGTH;
  const id = value.id === undefined ? path : validateId(value.id, `${path}.id`, maxIdLength);

  let parts: UIMessagePart[];
  if (value.parts !== undefined) {
    if (!Array.isArray(value.parts)) problem(`${path}.parts`, 'must be an array');
    parts = [];
    value.parts.forEach((part: unknown, index) => {
      const checked = validateUIPart(part, `${path}.parts[${index}]`, role, rules);
      if (checked !== undefined) parts.push(checked);
    });
  } else if (value.content !== undefined) {
    if (typeof value.content !== 'string') problem(`${path}.content`, 'must be a string');
    parts = [{ type: 'text', text: value.content }];
  } else {
    problem(path, 'needs "parts" (an array) or "content" (a string)');
  }

  const { maxMessageBytes } = options;
  if (maxMessageBytes !== undefined) {
    const bytes = contentBytes(parts);
    if (bytes > maxMessageBytes) {
      problem(
        path,
        `at most ${maxMessageBytes} bytes of text and tool data per message are accepted (got ${bytes}).`,
        'message_too_large',
      );
    }
  }
  if (role === 'user' && !parts.some((part) => part.type === 'text' && part.text.trim() !== '')) {
    problem(path, 'a user message needs non-empty text');
  }
  const message: UIMessage = { id, role, parts };
  if (value.metadata !== undefined) {
    checkDepth(value.metadata, `${path}.metadata`, rules.maxDepth);
    message.metadata = value.metadata;
  }
  return message;
}

function validateRole(value: unknown, path: string): 'user' | 'assistant' {
  if (value === 'user' || value === 'assistant') return value;
  if (value === 'system') {
    problem(path, '"system" messages are not accepted: the server sets the system prompt');
  }
  if (value === 'tool') {
    problem(path, '"tool" messages are not accepted: tool results travel in assistant "parts"');
  }
  problem(path, 'must be "user" or "assistant"');
}

function validateId(value: unknown, path: string, maxLength: number): string {
  if (typeof value !== 'string') problem(path, 'must be a string');
  if (value.length > maxLength) problem(path, `must be at most ${maxLength} characters`);
  return value;
}

/**
 * What a message sends upstream: its text and reasoning, and a tool call's input, output and
 * error, which go back to the model as `tool_calls` and `tool` messages — so a client cannot
 * slip 100 KB past the limit inside a tool call. Data parts count too (as JSON).
 */
function contentBytes(parts: readonly UIMessagePart[]): number {
  let total = 0;
  for (const part of parts) {
    if (part.type === 'text' || part.type === 'reasoning') total += utf8Length(part.text);
    else if (part.type === 'dynamic-tool') {
      total += jsonBytes(part.input) + jsonBytes(part.output) + utf8Length(part.errorText ?? '');
    } else if (part.type.startsWith('data-')) total += jsonBytes((part as { data?: unknown }).data);
  }
  return total;
}

function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  // Depth is already capped, and circular values cannot come from JSON: this cannot throw.
  return utf8Length(JSON.stringify(value) ?? '');
}
