import { validateUIMessages, type UIMessage } from '@edgechat/core';
import type { Limits } from './config.js';
import { parseChatId } from './answers/chat-id.js';
import { ApiError } from './errors.js';

// DESIGN.md §4: `POST /api/chat` takes `{ id?, messages: UIMessage[] | {role, content}[], model? }`.
// The messages go through the core's one UIMessage validator (shared with the web app's stored
// conversations); what is left here is what only a request has: the chat id, the model
// allowlist, a non-empty list that ends with the user's turn. Every problem is a 4xx that names
// its path, e.g. `messages[3].role: must be "user" or "assistant"`, so a client can fix it.
// Unknown top-level fields are ignored: AI SDK clients send more (`trigger`, `messageId`, …).

export interface ChatRequest {
  id?: string;
  messages: UIMessage[];
  model?: string;
}

export interface ValidationOptions {
  limits: Limits;
  allowedModels: readonly string[];
  /** The tools this server runs: a tool call in the history must be to one of them. */
  toolNames: readonly string[];
}

export function parseChatRequest(value: unknown, options: ValidationOptions): ChatRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid('body', 'must be a JSON object');
  }
  const body = value as Record<string, unknown>;
  const request: ChatRequest = { messages: [] };

  // The chat id is the key to the chat's answer (src/answers/): unguessable, or a 400.
  if (body.id !== undefined) request.id = parseChatId(body.id, 'id');

  const messages = body.messages;
  if (messages === undefined) invalid('messages', 'is required');
  if (Array.isArray(messages) && messages.length === 0) invalid('messages', 'must not be empty');
  const validation = validateUIMessages(messages, {
    maxMessages: options.limits.maxMessages,
    maxMessageBytes: options.limits.maxMessageBytes,
  });
  if (!validation.ok) {
    const { code, message } = validation.error;
    if (code === 'invalid') throw new ApiError(422, 'invalid_request', message);
    throw new ApiError(413, code, message);
  }
  request.messages = validation.messages;
  checkToolHistory(request.messages, options.toolNames);
  const last = request.messages.length - 1;
  if (request.messages[last]?.role !== 'user') {
    invalid(`messages[${last}].role`, 'the last message must be from "user"');
  }
  if (body.model !== undefined) request.model = parseModel(body.model, options.allowedModels);
  return request;
}

/**
 * Tool calls in the history go upstream as real `tool_calls`: a client could forge one to a
 * tool that does not exist here (`admin_override`) and steer the model with its "result". Only
 * calls to this server's tools are accepted.
 */
function checkToolHistory(messages: readonly UIMessage[], toolNames: readonly string[]): void {
  messages.forEach((message, m) =>
    message.parts.forEach((part, p) => {
      if (part.type !== 'dynamic-tool' || toolNames.includes(part.toolName)) return;
      const known = toolNames.length === 0 ? 'none' : toolNames.join(', ');
      invalid(
        `messages[${m}].parts[${p}].toolName`,
        `${quote(part.toolName)} is not a tool of this server (its tools: ${known})`,
      );
    }),
  );
}

function parseModel(value: unknown, allowed: readonly string[]): string {
  if (typeof value !== 'string') invalid('model', 'must be a string');
  if (!allowed.includes(value)) {
    invalid('model', `${quote(value)} is not available (available: ${allowed.join(', ')})`);
  }
  return value;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

function invalid(path: string, problem: string): never {
  throw new ApiError(422, 'invalid_request', `${path}: ${problem}`);
}
