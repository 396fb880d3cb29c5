import type { UIMessage, UIMessagePart } from '@edgechat/core';
import type { ChatError, Conversation, ToolTime } from './types.js';

// Stored data is input like any other: another version of the app, a browser extension or a
// person with devtools may have written it. Everything is checked before the UI sees it, so a
// bad entry costs that entry, never the page.

type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

const TOOL_STATES = new Set([
  'input-streaming',
  'input-available',
  'output-available',
  'output-error',
]);
const ERROR_KINDS = new Set<ChatError['kind']>([
  'network',
  'rate-limited',
  'too-large',
  'rejected',
  'upstream',
  'server',
  'truncated',
  'stream',
  'invalid-response',
  'unknown',
]);

/** A stored conversation, or `undefined` when it cannot be shown as it is. */
export function parseConversation(value: unknown): Conversation | undefined {
  if (!isRecord(value)) return undefined;
  const { id, title, titled, createdAt, updatedAt, messages, toolTimes, stopped, error } = value;
  if (!isString(id) || id === '' || !isString(title) || !isTime(createdAt) || !isTime(updatedAt)) {
    return undefined;
  }
  if (!Array.isArray(messages)) return undefined;
  const parsed: UIMessage[] = [];
  for (const message of messages) {
    const result = parseMessage(message);
    if (result === undefined) return undefined;
    parsed.push(result);
  }
  const conversation: Conversation = {
    id,
    title,
    titled: titled === true,
    createdAt,
    updatedAt,
    messages: parsed,
    toolTimes: parseToolTimes(toolTimes),
    stopped: stopped === true,
  };
  const parsedError = parseError(error);
  if (parsedError !== undefined) conversation.error = parsedError;
  return conversation;
}

function parseMessage(value: unknown): UIMessage | undefined {
  if (!isRecord(value) || !isString(value.id) || !Array.isArray(value.parts)) return undefined;
  if (value.role !== 'user' && value.role !== 'assistant') return undefined;
  const parts: UIMessagePart[] = [];
  for (const part of value.parts) {
    const parsed = parsePart(part);
    if (parsed === null) return undefined;
    // Unknown part types (a newer app version's) are left out rather than failing the chat.
    if (parsed !== undefined) parts.push(parsed);
  }
  const message: UIMessage = { id: value.id, role: value.role, parts };
  if (value.metadata !== undefined) message.metadata = value.metadata;
  return message;
}

/** A part; `undefined` for an unknown type (skipped); `null` for a known type that is broken. */
function parsePart(value: unknown): UIMessagePart | undefined | null {
  if (!isRecord(value) || !isString(value.type)) return null;
  const { type } = value;
  if (type === 'text' || type === 'reasoning') {
    // A part saved mid-stream is as done as it will ever be.
    return isString(value.text) ? { type, text: value.text, state: 'done' } : null;
  }
  if (type === 'step-start') return { type };
  if (type === 'dynamic-tool') {
    const { toolCallId, toolName, state, input, output, errorText } = value;
    if (
      !isString(toolCallId) ||
      !isString(toolName) ||
      !isString(state) ||
      !TOOL_STATES.has(state)
    ) {
      return null;
    }
    const base = { type, toolCallId, toolName, input } as const;
    switch (state) {
      case 'output-available':
        return { ...base, state, output };
      case 'output-error':
        return isString(errorText) ? { ...base, state, errorText } : null;
      case 'input-available':
        return { ...base, state };
      default:
        return { ...base, state: 'input-streaming' };
    }
  }
  if (type.startsWith('data-')) {
    const part: UIMessagePart = { type: type as `data-${string}`, data: value.data };
    if (isString(value.id)) part.id = value.id;
    return part;
  }
  return undefined;
}

function parseToolTimes(value: unknown): Record<string, ToolTime> {
  const times: Record<string, ToolTime> = {};
  if (!isRecord(value)) return times;
  for (const [id, time] of Object.entries(value)) {
    if (!isRecord(time) || !isTime(time.start)) continue;
    times[id] = isTime(time.end) ? { start: time.start, end: time.end } : { start: time.start };
  }
  return times;
}

function parseError(value: unknown): ChatError | undefined {
  if (
    !isRecord(value) ||
    !isString(value.kind) ||
    !ERROR_KINDS.has(value.kind as ChatError['kind'])
  ) {
    return undefined;
  }
  const error: ChatError = {
    kind: value.kind as ChatError['kind'],
    at: isTime(value.at) ? value.at : 0,
  };
  if (typeof value.status === 'number') error.status = value.status;
  if (isTime(value.retryAfter)) error.retryAfter = value.retryAfter;
  if (isString(value.detail)) error.detail = value.detail;
  return error;
}
