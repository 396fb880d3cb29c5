import { validateUIMessages, type UIMessage } from '@edgechat/core';
import { fromStoredTree, pathOf, type StoredTree } from '../branches/message-tree.js';
import { isFinishReason } from '../finish-reason.js';
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

const ERROR_KINDS = new Set<ChatError['kind']>([
  'network',
  'rate-limited',
  'budget-spent',
  'bot-check',
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
  const { unfinished } = value;
  if (!isString(id) || id === '' || !isString(title) || !isTime(createdAt) || !isTime(updatedAt)) {
    return undefined;
  }
  const branched = value.tree === undefined ? undefined : parseTree(value.tree);
  if (value.tree !== undefined && branched === undefined) return undefined;
  const parsed = branched === undefined ? parseMessages(messages) : branched.path;
  if (parsed === undefined) return undefined;
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
  if (branched !== undefined) conversation.tree = branched.tree;
  const parsedError = parseError(error);
  if (parsedError !== undefined) conversation.error = parsedError;
  const parsedUnfinished = parseUnfinished(unfinished);
  if (parsedUnfinished !== undefined) conversation.unfinished = parsedUnfinished;
  return conversation;
}

/**
 * The messages through the core's one UIMessage validator — the same rules as the worker's for a
 * request, except that a part type this version does not know (a newer version's) is left out
 * rather than failing the chat. A part saved mid-stream is as done as it will ever be, and a
 * finish reason the app does not know is dropped (the answer then shows no finish notice).
 */
function parseMessages(value: unknown): UIMessage[] | undefined {
  const result = validateUIMessages(value, { unknownParts: 'skip' });
  if (!result.ok) return undefined;
  for (const message of result.messages) {
    const { metadata } = message;
    if (
      isRecord(metadata) &&
      'finishReason' in metadata &&
      !isFinishReason(metadata.finishReason)
    ) {
      const { finishReason: _dropped, ...rest } = metadata;
      message.metadata = rest;
    }
    for (const part of message.parts) {
      if (part.type === 'text' || part.type === 'reasoning') part.state = 'done';
    }
  }
  return result.messages;
}

/**
 * Every version of a conversation: its messages through the same validator as a plain list,
 * then the shape of the tree (`fromStoredTree`: unique ids, parents first, real choices).
 */
export function parseTree(value: unknown): { tree: StoredTree; path: UIMessage[] } | undefined {
  if (!isRecord(value) || !Array.isArray(value.nodes) || !isRecord(value.chosen)) return undefined;
  const parents: (string | null)[] = [];
  for (const node of value.nodes as unknown[]) {
    if (!isRecord(node) || !(node.parentId === null || isString(node.parentId))) return undefined;
    parents.push(node.parentId);
  }
  const messages = parseMessages((value.nodes as Record_[]).map((node) => node.message));
  if (messages === undefined || messages.length !== parents.length) return undefined;
  const chosen: Record<string, string> = {};
  for (const [key, child] of Object.entries(value.chosen)) {
    if (!isString(child)) return undefined;
    Object.defineProperty(chosen, key, {
      value: child,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const tree: StoredTree = {
    nodes: messages.map((message, index) => ({ message, parentId: parents[index] ?? null })),
    chosen,
  };
  const restored = fromStoredTree(tree);
  return restored.ok ? { tree, path: pathOf(restored.tree) } : undefined;
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

/**
 * The worker's event ids are positive integers (0: saved before the first one arrived).
 * Anything else is dropped, not the conversation: it then opens as it was saved, without
 * asking the worker for the rest.
 */
function parseUnfinished(value: unknown): Conversation['unfinished'] {
  if (!isRecord(value)) return undefined;
  const { lastEventId } = value;
  if (typeof lastEventId !== 'number' || !Number.isSafeInteger(lastEventId) || lastEventId < 0) {
    return undefined;
  }
  return { lastEventId };
}
