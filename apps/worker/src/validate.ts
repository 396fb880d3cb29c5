import type { UIMessage, UIMessagePart } from '@edgechat/core';
import type { Limits } from './config.js';
import { ApiError } from './errors.js';

// DESIGN.md §4: `POST /api/chat` takes `{ id?, messages: UIMessage[] | {role, content}[], model? }`.
// Issue 5: "wrong shapes / unknown roles / client-sent system or tool messages / unknown model
// (422, messages that say what is wrong)". Each message names the path of the first problem,
// e.g. `messages[3].role: must be "user" or "assistant"`. Unknown top-level fields are ignored:
// AI SDK clients send more (`trigger`, `messageId`, …).

export interface ChatRequest {
  id?: string;
  messages: UIMessage[];
  model?: string;
}

export interface ValidationOptions {
  limits: Limits;
  allowedModels: readonly string[];
}

/** Tool inputs/outputs are re-serialised for the model: deeper values could exhaust the stack. */
export const MAX_JSON_DEPTH = 64;
const MAX_ID_LENGTH = 256;

export function parseChatRequest(body: unknown, options: ValidationOptions): ChatRequest {
  if (!isRecord(body)) invalid('body', 'must be a JSON object');
  const request: ChatRequest = { messages: [] };

  if (body.id !== undefined) request.id = parseId(body.id, 'id');

  const messages = body.messages;
  if (messages === undefined) invalid('messages', 'is required');
  if (!Array.isArray(messages)) invalid('messages', 'must be an array');
  if (messages.length === 0) invalid('messages', 'must not be empty');
  const { maxMessages, maxMessageBytes } = options.limits;
  if (messages.length > maxMessages) {
    throw new ApiError(
      413,
      'too_many_messages',
      `messages: at most ${maxMessages} messages are accepted (got ${messages.length}).`,
    );
  }
  request.messages = messages.map((message: unknown, index) =>
    parseMessage(message, `messages[${index}]`, maxMessageBytes),
  );
  const last = request.messages.length - 1;
  if (request.messages[last]?.role !== 'user') {
    invalid(`messages[${last}].role`, 'the last message must be from "user"');
  }
  if (body.model !== undefined) request.model = parseModel(body.model, options.allowedModels);
  return request;
}

function parseMessage(value: unknown, path: string, maxBytes: number): UIMessage {
  if (!isRecord(value)) invalid(path, 'must be an object');
  const role = parseRole(value.role, `${path}.role`);
  const id = value.id === undefined ? path : parseId(value.id, `${path}.id`);

  let parts: UIMessagePart[];
  if (value.parts !== undefined) {
    if (!Array.isArray(value.parts)) invalid(`${path}.parts`, 'must be an array');
    parts = value.parts.map((part: unknown, index) =>
      parsePart(part, `${path}.parts[${index}]`, role),
    );
  } else if (value.content !== undefined) {
    if (typeof value.content !== 'string') invalid(`${path}.content`, 'must be a string');
    parts = [{ type: 'text', text: value.content }];
  } else {
    invalid(path, 'needs "parts" (an array) or "content" (a string)');
  }

  const bytes = textBytes(parts);
  if (bytes > maxBytes) {
    throw new ApiError(
      413,
      'message_too_large',
      `${path}: at most ${maxBytes} bytes of text per message are accepted (got ${bytes}).`,
    );
  }
  if (role === 'user' && !parts.some((part) => part.type === 'text' && part.text.trim() !== '')) {
    invalid(path, 'a user message needs non-empty text');
  }
  return { id, role, parts };
}

function parseRole(value: unknown, path: string): 'user' | 'assistant' {
  if (value === 'user' || value === 'assistant') return value;
  if (value === 'system') {
    invalid(path, '"system" messages are not accepted: the server sets the system prompt');
  }
  if (value === 'tool') {
    invalid(path, '"tool" messages are not accepted: tool results travel in assistant "parts"');
  }
  invalid(path, 'must be "user" or "assistant"');
}

const TOOL_STATES = new Set([
  'input-streaming',
  'input-available',
  'output-available',
  'output-error',
]);
const SUPPORTED_PARTS = 'text, reasoning, step-start, dynamic-tool, data-*';

function parsePart(value: unknown, path: string, role: 'user' | 'assistant'): UIMessagePart {
  if (!isRecord(value)) invalid(path, 'must be an object');
  const type = value.type;
  if (typeof type !== 'string') invalid(`${path}.type`, 'must be a string');

  if (type === 'text' || type === 'reasoning') {
    if (typeof value.text !== 'string') invalid(`${path}.text`, 'must be a string');
    if (type === 'reasoning' && role === 'user') notInUserMessage(path, type);
    return { type, text: value.text };
  }
  if (type.startsWith('data-')) return { type: type as `data-${string}`, data: value.data };
  if (role === 'user') notInUserMessage(path, type);
  if (type === 'step-start') return { type };
  if (type === 'dynamic-tool') return parseToolPart(value, path);
  invalid(`${path}.type`, `unsupported part type ${quote(type)} (supported: ${SUPPORTED_PARTS})`);
}

function parseToolPart(value: Record<string, unknown>, path: string): UIMessagePart {
  const { toolName, toolCallId, state } = value;
  if (typeof toolName !== 'string' || toolName === '') {
    invalid(`${path}.toolName`, 'must be a non-empty string');
  }
  if (typeof toolCallId !== 'string' || toolCallId === '') {
    invalid(`${path}.toolCallId`, 'must be a non-empty string');
  }
  if (typeof state !== 'string' || !TOOL_STATES.has(state)) {
    invalid(`${path}.state`, `must be one of ${[...TOOL_STATES].map((s) => `"${s}"`).join(', ')}`);
  }
  checkDepth(value.input, `${path}.input`);
  checkDepth(value.output, `${path}.output`);
  const base = { type: 'dynamic-tool' as const, toolName, toolCallId, input: value.input };
  switch (state) {
    case 'output-available':
      return { ...base, state, output: value.output };
    case 'output-error':
      if (typeof value.errorText !== 'string') invalid(`${path}.errorText`, 'must be a string');
      return { ...base, state, errorText: value.errorText };
    default:
      return { ...base, state: state as 'input-streaming' | 'input-available' };
  }
}

function parseId(value: unknown, path: string): string {
  if (typeof value !== 'string') invalid(path, 'must be a string');
  if (value.length > MAX_ID_LENGTH) invalid(path, `must be at most ${MAX_ID_LENGTH} characters`);
  return value;
}

function parseModel(value: unknown, allowed: readonly string[]): string {
  if (typeof value !== 'string') invalid('model', 'must be a string');
  if (!allowed.includes(value)) {
    invalid('model', `${quote(value)} is not available (available: ${allowed.join(', ')})`);
  }
  return value;
}

function checkDepth(value: unknown, path: string): void {
  if (depth(value, MAX_JSON_DEPTH + 1) > MAX_JSON_DEPTH) {
    invalid(path, `must not be nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** Nesting depth of a JSON value, counting stops at `cap` (so the recursion is bounded too). */
function depth(value: unknown, cap: number): number {
  if (value === null || typeof value !== 'object' || cap === 0) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depth(child, cap - 1));
    if (deepest >= cap - 1) break;
  }
  return deepest + 1;
}

function textBytes(parts: readonly UIMessagePart[]): number {
  let total = 0;
  for (const part of parts) {
    if (part.type === 'text' || part.type === 'reasoning') total += utf8Length(part.text);
  }
  return total;
}

/** UTF-8 byte length without encoding (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function notInUserMessage(path: string, type: string): never {
  invalid(`${path}.type`, `${quote(type)} parts are not accepted in a user message`);
}

function quote(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

function invalid(path: string, problem: string): never {
  throw new ApiError(422, 'invalid_request', `${path}: ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
