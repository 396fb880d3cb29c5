// What OpenAI's Chat Completions API refuses with a 400 in a request's `messages`: a history
// that breaks one of these rules reaches the user as a 502, whatever the worker accepted. The
// fuzz test's model checks every request it gets against them.
import type { OpenAIMessage } from '@edgechat/core';

/** The first rule `messages` breaks, or `undefined` when OpenAI would take them. */
export function upstreamProblem(messages: readonly OpenAIMessage[]): string | undefined {
  if (messages.length === 0) return 'no messages';
  let pending: string[] = [];
  for (const [index, message] of messages.entries()) {
    const at = `messages[${index}]`;
    if (message.role !== 'tool' && pending.length > 0) {
      return `${at}: tool calls ${pending.join(', ')} have no result before it`;
    }
    switch (message.role) {
      case 'system':
      case 'developer':
        if (index !== 0) return `${at}: a system message after the first`;
        if (typeof message.content !== 'string') return `${at}.content: not a string`;
        break;
      case 'user':
        if (typeof message.content !== 'string' && !Array.isArray(message.content)) {
          return `${at}.content: not a string or parts`;
        }
        break;
      case 'assistant': {
        const calls = message.tool_calls ?? [];
        if (message.content !== null && typeof message.content !== 'string') {
          return `${at}.content: not a string or null`;
        }
        if (message.content === null && calls.length === 0) {
          return `${at}: neither content nor tool_calls`;
        }
        for (const call of calls) {
          if (typeof call.id !== 'string' || call.id === '') return `${at}: a tool call without id`;
          // Arguments need not be JSON: a call the model wrote badly goes back as it wrote it.
          if (
            call.type !== 'function' ||
            typeof call.function.name !== 'string' ||
            typeof call.function.arguments !== 'string'
          ) {
            return `${at}: tool call ${call.id} is not a function call`;
          }
        }
        pending = calls.map((call) => call.id);
        break;
      }
      case 'tool':
        if (!pending.includes(message.tool_call_id)) {
          return `${at}: a result for ${JSON.stringify(message.tool_call_id)}, which no call waits for`;
        }
        if (typeof message.content !== 'string') return `${at}.content: not a string`;
        pending = pending.filter((id) => id !== message.tool_call_id);
        break;
      default:
        return `${at}.role: ${JSON.stringify((message as { role: unknown }).role)}`;
    }
  }
  if (pending.length > 0) return `tool calls ${pending.join(', ')} have no result`;
  return undefined;
}
