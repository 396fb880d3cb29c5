import type { OpenAIMessage } from '../openai/types.js';

/** One tool call of the model's last step and what came back for it. */
export interface ToolRoundEntry {
  name: string;
  /** The call's arguments parsed, or `undefined` when they are not JSON. */
  input: unknown;
  /** The tool message's content parsed as JSON when it is JSON, else its text; `undefined` when no result came back. */
  output: unknown;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * When the conversation ends with `role: 'tool'` results, the calls of the assistant message
 * they answer, in the order the model made them, each with its result (matched by
 * `tool_call_id`, as the API does). `undefined` when the last message is not a tool result.
 */
export function readLastToolRound(
  messages: readonly OpenAIMessage[],
): ToolRoundEntry[] | undefined {
  let start = messages.length;
  while (start > 0 && messages[start - 1]?.role === 'tool') start--;
  if (start === messages.length) return undefined;
  const results = new Map<string, string>();
  for (let i = start; i < messages.length; i++) {
    const message = messages[i];
    if (message?.role === 'tool') results.set(message.tool_call_id, message.content);
  }
  const caller = messages[start - 1];
  const calls = caller?.role === 'assistant' ? (caller.tool_calls ?? []) : [];
  return calls.map((call) => {
    const content = results.get(call.id);
    return {
      name: call.function.name,
      input: parseJson(call.function.arguments),
      output: content === undefined ? undefined : (parseJson(content) ?? content),
    };
  });
}
