import type { OpenAIMessage } from '@edgechat/core';
import type { ProviderPreset } from './presets.js';

/**
 * The core keeps a turn's reasoning on its assistant message (`reasoning_content`). Most
 * services reject that field in a request (Groq, OpenAI: unknown parameter), and DeepSeek
 * wants it only on an assistant turn with tool calls, where the model has to continue its own
 * line of thought — on other turns it is dropped. So it goes upstream only there, and only to a
 * preset that sends reasoning back.
 */
export function withReasoningForUpstream(
  messages: OpenAIMessage[],
  preset: Pick<ProviderPreset, 'sendsReasoningBack'>,
): OpenAIMessage[] {
  if (!messages.some(hasReasoning)) return messages;
  return messages.map((message) => {
    if (!hasReasoning(message)) return message;
    if (preset.sendsReasoningBack && (message.tool_calls?.length ?? 0) > 0) return message;
    const { reasoning_content: _dropped, ...rest } = message;
    return rest;
  });
}

function hasReasoning(
  message: OpenAIMessage,
): message is Extract<OpenAIMessage, { role: 'assistant' }> {
  return message.role === 'assistant' && message.reasoning_content !== undefined;
}
