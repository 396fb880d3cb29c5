import type { OpenAIMessage, UIMessage } from '@edgechat/core';
import type { Exchange } from './session/exchange.js';

export interface DebugEntry {
  role: string;
  /** Text content; `null` when the message has none (an assistant message with only calls). */
  content: string | null;
  /** Extra lines: `tool_calls` of an assistant message, `tool_call_id` of a tool result. */
  detail?: string;
  /** The system prompt is not published: `content` is a placeholder, not the prompt. */
  placeholder?: boolean;
}

export interface Usage {
  prompt: number;
  completion: number;
  total: number;
  /** `completion_tokens_details.reasoning_tokens`: part of `completion`; absent when not sent. */
  reasoning?: number;
}

/**
 * The session's last exchange, one entry per model message: the request (after the system
 * prompt, or a placeholder entry saying it is set on the server when `/api/config` does not
 * publish it), then the answer.
 */
export function modelView(exchange: Exchange, hiddenSystemText: string): DebugEntry[] {
  return createModelView()(exchange, hiddenSystemText);
}

/**
 * `modelView` that converts each message once: while an answer streams, the request's
 * messages are the same objects frame after frame, so only the answer's entries are new.
 */
export function createModelView(): typeof modelView {
  const cache = new WeakMap<OpenAIMessage, DebugEntry>();
  return (exchange, hiddenSystemText) => {
    const entries: DebugEntry[] = [];
    if (exchange.systemHidden) {
      entries.push({ role: 'system', content: hiddenSystemText, placeholder: true });
    }
    for (const list of [exchange.request, exchange.answer]) {
      for (const message of list) {
        let entry = cache.get(message);
        if (entry === undefined) {
          entry = entryOf(message);
          cache.set(message, entry);
        }
        entries.push(entry);
      }
    }
    return entries;
  };
}

function entryOf(message: OpenAIMessage): DebugEntry {
  if (message.role === 'assistant') {
    const entry: DebugEntry = { role: 'assistant', content: message.content ?? null };
    if (message.tool_calls !== undefined && message.tool_calls.length > 0) {
      entry.detail = JSON.stringify({ tool_calls: message.tool_calls }, null, 2);
    }
    return entry;
  }
  if (message.role === 'tool') {
    return {
      role: 'tool',
      content: prettyJson(message.content),
      detail: `tool_call_id: ${message.tool_call_id}`,
    };
  }
  const content =
    typeof message.content === 'string'
      ? message.content
      : message.content.map((part) => part.text).join('');
  return { role: message.role, content };
}

/** OpenAI usage from the last assistant message's metadata (`finish` chunk's `messageMetadata`). */
export function lastUsage(messages: readonly UIMessage[]): Usage | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== 'assistant') continue;
    const usage = (message.metadata as { usage?: Record<string, unknown> } | undefined)?.usage;
    if (typeof usage !== 'object' || usage === null) return undefined;
    const number = (value: unknown) => (typeof value === 'number' ? value : 0);
    const details = usage.completion_tokens_details;
    const reasoning =
      typeof details === 'object' && details !== null
        ? (details as Record<string, unknown>).reasoning_tokens
        : undefined;
    const read: Usage = {
      prompt: number(usage.prompt_tokens),
      completion: number(usage.completion_tokens),
      total: number(usage.total_tokens),
    };
    if (typeof reasoning === 'number') read.reasoning = reasoning;
    return read;
  }
  return undefined;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
