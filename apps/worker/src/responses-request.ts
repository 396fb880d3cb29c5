import type { OpenAIMessage, ToolDefinition } from '@edgechat/core';
import type OpenAI from 'openai';
import { isReasoningModel, type ProviderPreset } from './presets.js';

// The run loop speaks Chat Completions: its history is `messages` with assistant `tool_calls`
// and `role: 'tool'` results. The Responses API takes the same conversation as a list of
// input items, where a tool call and its result are items of their own, matched by `call_id`.

const MIN_OUTPUT_TOKENS = 16;

export type ResponsesRequest = OpenAI.Responses.ResponseCreateParamsStreaming;

export interface ResponsesRequestSettings {
  preset: ProviderPreset;
  model: string;
  temperature: number;
  maxTokens: number;
}

/** One step's Chat Completions request as a streaming Responses request. */
export function toResponsesRequest(
  request: { messages: readonly OpenAIMessage[]; tools?: readonly ToolDefinition[] | undefined },
  settings: ResponsesRequestSettings,
): ResponsesRequest {
  const { messages, tools } = request;
  // The leading system prompt is `instructions`, where OpenAI puts it in its own examples; a
  // system message later in the history stays in its place, as an input message.
  let leading = 0;
  while (isInstruction(messages[leading])) leading++;
  const instructions = messages
    .slice(0, leading)
    .map((message) => (message as { content: string }).content)
    .join('\n\n');
  const reasoning = isReasoningModel(settings.preset, settings.model);
  return {
    model: settings.model,
    ...(leading === 0 ? {} : { instructions }),
    input: messages.slice(leading).flatMap(toInputItems),
    ...(tools === undefined ? {} : { tools: tools.map(toFunctionTool) }),
    stream: true,
    // Nothing is kept on OpenAI's side: every step sends the whole history, as with Chat
    // Completions, so a conversation never depends on a stored response id.
    store: false,
    // The Responses API rejects a limit below 16 (Chat Completions takes 1); a tiny MAX_TOKENS
    // still gets a short answer rather than a 400 on every request.
    max_output_tokens: Math.max(MIN_OUTPUT_TOKENS, settings.maxTokens),
    // Reasoning models reject `temperature`; they can stream a summary of their thinking,
    // which is all the API shows of it.
    ...(reasoning ? { reasoning: { summary: 'auto' } } : { temperature: settings.temperature }),
  };
}

function isInstruction(message: OpenAIMessage | undefined): boolean {
  return message?.role === 'system' || message?.role === 'developer';
}

function toInputItems(message: OpenAIMessage): OpenAI.Responses.ResponseInputItem[] {
  switch (message.role) {
    case 'system':
    case 'developer':
      return [{ role: message.role, content: message.content }];
    case 'user':
      return [
        {
          role: 'user',
          content:
            typeof message.content === 'string'
              ? message.content
              : message.content.map((part) => ({ type: 'input_text', text: part.text })),
        },
      ];
    case 'assistant': {
      // Reasoning is not sent back: without stored responses OpenAI takes only its own
      // encrypted reasoning items, which a Chat Completions history does not have.
      const text: OpenAI.Responses.ResponseInputItem[] =
        message.content === null || message.content === ''
          ? []
          : [{ role: 'assistant', content: message.content }];
      const calls = (message.tool_calls ?? []).map((call): OpenAI.Responses.ResponseInputItem => ({
        type: 'function_call',
        call_id: call.id,
        name: call.function.name,
        arguments: call.function.arguments,
      }));
      return [...text, ...calls];
    }
    case 'tool':
      return [
        { type: 'function_call_output', call_id: message.tool_call_id, output: message.content },
      ];
  }
}

function toFunctionTool(tool: ToolDefinition): OpenAI.Responses.FunctionTool {
  const { name, description, parameters, strict } = tool.function;
  return {
    type: 'function',
    name,
    ...(description === undefined ? {} : { description }),
    parameters: parameters ?? null,
    // The Responses API makes a function strict unless told otherwise; Chat Completions does
    // not. Tools written for Chat Completions keep their meaning (a schema that is not strict-
    // compatible would otherwise be rejected).
    strict: strict ?? false,
  };
}
