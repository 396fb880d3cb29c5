import type { OpenAIMessage, ToolDefinition } from '@edgechat/core';

function describe(message: OpenAIMessage): string {
  switch (message.role) {
    case 'tool':
      return `tool ${message.tool_call_id}: ${message.content}`;
    case 'assistant': {
      const lines: string[] = [];
      if (message.content !== null && message.content !== '') lines.push(message.content);
      for (const call of message.tool_calls ?? []) {
        lines.push(`→ ${call.function.name}(${call.function.arguments}) ${call.id}`);
      }
      return `assistant: ${lines.join('\n')}`;
    }
    case 'user': {
      const text =
        typeof message.content === 'string'
          ? message.content
          : message.content.map((part) => part.text).join('\n');
      return `user: ${text}`;
    }
    default:
      return `${message.role}: ${message.content}`;
  }
}

/** `│ first line`, then `│   continuation` lines; no trailing spaces on blank lines. */
function box(text: string): string[] {
  return text.split('\n').map((line, i) => (i === 0 ? `│ ${line}` : `│   ${line}`).trimEnd());
}

/**
 * The full message list as the model receives it (the debug view): every message, system and
 * tool results included, one per entry with continuation lines indented, then the tools offered.
 */
export function formatMessages(
  messages: readonly OpenAIMessage[],
  tools?: readonly ToolDefinition[],
): string {
  const offered =
    tools === undefined || tools.length === 0
      ? 'none'
      : tools.map((tool) => tool.function.name).join(', ');
  return [
    `┌─ ${messages.length} message${messages.length === 1 ? '' : 's'} → model`,
    ...messages.flatMap((message) => box(describe(message))),
    `└─ tools: ${offered}`,
  ].join('\n');
}
