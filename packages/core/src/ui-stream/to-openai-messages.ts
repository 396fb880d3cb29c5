import { serializeToolResult, toolErrorContent } from '../openai/tool-result-content.js';
import type { OpenAIMessage, ToolCall, ToolMessage } from '../openai/types.js';
import type { DynamicToolUIPart, UIMessage, UIMessagePart } from './types.js';

export interface ToOpenAIMessagesOptions {
  /** Sent first, as a `system` message, when non-empty. */
  system?: string;
}

/**
 * A failed call's part keeps only the error's text (`errorText`: the UI message stream has no
 * field for the code), so its result is rebuilt with this code: that of a tool that threw, the
 * most common failure, whose result then reads to the model byte for byte as during the run.
 */
const HISTORY_TOOL_ERROR_CODE = 'execution_failed';

/**
 * The tool result sent for a call that never got one (the stream stopped before it ran): an
 * `aborted` error, as `runChat` records a call cut short by an abort.
 */
export const INTERRUPTED_TOOL_CALL_CONTENT = toolErrorContent(
  'aborted',
  'The tool call was interrupted before it completed.',
);

/**
 * UI messages (a chat's history) → the OpenAI Chat Completions `messages` array.
 *
 * - `options.system` comes first.
 * - A user message's text parts become its string content, joined with `'\n'` so separate
 *   parts stay separate. A `system` UI message maps the same way to a system message: the core
 *   keeps what it is given, deciding who may send system messages is the caller's job (the
 *   worker rejects them from clients).
 * - An assistant message is split into its steps (a `step-start` part opens a step; parts
 *   before the first one form a step too), because that is how the model produced it: each
 *   step becomes one assistant message — its text parts joined (`null` when there is no text),
 *   plus `tool_calls` for its tool parts whose input is complete — followed by one `tool`
 *   message per call, in the same order. OpenAI rejects a history in which a call has no
 *   result, so a call without one (interrupted) gets `INTERRUPTED_TOOL_CALL_CONTENT`.
 * - Tool results have the one shape `runChat` sends (`serializeToolResult`): the output as
 *   JSON (truncated past 32 KiB), or `{"error":{"code":…,"message":errorText}}` for a failed
 *   call — with the code `execution_failed`, since the part does not keep the run's code.
 * - A call whose arguments were not JSON (its input is their text) sends that text back as its
 *   arguments, as the model wrote them.
 * - Dropped: steps with neither text nor tool calls, calls whose input was still streaming
 *   (their arguments are incomplete), and reasoning and data parts (UI-only).
 */
export function toOpenAIMessages(
  messages: readonly UIMessage[],
  options: ToOpenAIMessagesOptions = {},
): OpenAIMessage[] {
  const result: OpenAIMessage[] = [];
  if (options.system !== undefined && options.system !== '') {
    result.push({ role: 'system', content: options.system });
  }
  for (const message of messages) {
    if (message.role === 'assistant') {
      for (const step of splitSteps(message.parts)) pushStep(result, step);
    } else {
      result.push({ role: message.role, content: textOf(message.parts, '\n') });
    }
  }
  return result;
}

function splitSteps(parts: readonly UIMessagePart[]): UIMessagePart[][] {
  const steps: UIMessagePart[][] = [[]];
  for (const part of parts) {
    if (part.type === 'step-start') steps.push([]);
    else (steps[steps.length - 1] as UIMessagePart[]).push(part);
  }
  return steps;
}

function pushStep(result: OpenAIMessage[], parts: readonly UIMessagePart[]): void {
  // The parts of one step are one continuous answer cut by the stream: joined as they are
  // (as the AI SDK's OpenAI provider does).
  const text = textOf(parts, '');
  const calls = parts.filter(isCompleteCall);
  if (text === '' && calls.length === 0) return;
  const toolCalls: ToolCall[] = calls.map((part) => ({
    id: part.toolCallId,
    type: 'function',
    function: { name: part.toolName, arguments: argumentsOf(part) },
  }));
  result.push(
    toolCalls.length === 0
      ? { role: 'assistant', content: text }
      : { role: 'assistant', content: text === '' ? null : text, tool_calls: toolCalls },
  );
  for (const part of calls) result.push(toolResult(part));
}

/**
 * A call whose arguments were not JSON keeps their text as its input (as the AI SDK does):
 * that text goes back as it came, so the model sees what it wrote, as it did during the run,
 * and not that text quoted as a JSON string.
 */
function argumentsOf(part: DynamicToolUIPart): string {
  if (part.state === 'output-error' && typeof part.input === 'string' && !isJsonText(part.input)) {
    return part.input;
  }
  return JSON.stringify(part.input ?? {});
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isCompleteCall(part: UIMessagePart): part is DynamicToolUIPart {
  return part.type === 'dynamic-tool' && part.state !== 'input-streaming';
}

function toolResult(part: DynamicToolUIPart): ToolMessage {
  let content: string;
  switch (part.state) {
    case 'output-available':
      content = serializeToolResult({ ok: true, output: part.output });
      break;
    case 'output-error':
      content = toolErrorContent(HISTORY_TOOL_ERROR_CODE, part.errorText);
      break;
    default:
      content = INTERRUPTED_TOOL_CALL_CONTENT;
  }
  return { role: 'tool', tool_call_id: part.toolCallId, content };
}

function textOf(parts: readonly UIMessagePart[], separator: string): string {
  const texts: string[] = [];
  for (const part of parts) if (part.type === 'text') texts.push(part.text);
  return texts.join(separator);
}
