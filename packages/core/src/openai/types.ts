import type { BodySource } from '../base/body.js';

// Shapes of the OpenAI Chat Completions API that the core reads and writes. Written out here
// (not imported from the `openai` package) so the core has no dependencies; field names are
// OpenAI's own, so objects pass straight through.

/** OpenAI's usage object, as sent (extra fields such as `*_tokens_details` are kept). */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  [key: string]: unknown;
}

export interface ChatCompletionChunkToolCallDelta {
  /** Some providers omit it (vercel/ai#7238); then the call is matched by `id`. */
  index?: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunkDelta {
  role?: string;
  content?: string | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionChunkToolCallDelta[];
}

export interface ChatCompletionChunkChoice {
  index: number;
  delta: ChatCompletionChunkDelta;
  finish_reason: string | null;
  logprobs?: unknown;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: ChatCompletionChunkChoice[];
  usage?: CompletionUsage | null;
  system_fingerprint?: string | null;
  service_tier?: string | null;
}

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** The assistant message in OpenAI's request shape: it can be sent back as it is. */
export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  refusal?: string | null;
  tool_calls?: ToolCall[];
}

export interface SystemMessage {
  role: 'system' | 'developer';
  content: string;
  name?: string;
}

export interface UserContentPart {
  type: 'text';
  text: string;
}

export interface UserMessage {
  role: 'user';
  content: string | UserContentPart[];
  name?: string;
}

export interface ToolMessage {
  role: 'tool';
  tool_call_id: string;
  content: string;
}

export type OpenAIMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A JSON Schema object (the subset OpenAI function calling uses is validated by the tools module). */
export type JSONSchema = { [key: string]: unknown };

/** One entry of the request's `tools` array. */
export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: JSONSchema; strict?: boolean };
}

export interface ChoiceResult {
  index: number;
  message: AssistantMessage;
  finishReason: string | null;
}

export interface ChatCompletionResult {
  id: string;
  model: string;
  /** Choice 0's message. */
  message: AssistantMessage;
  /** Choice 0's finish reason; `null` when the stream ended without one. */
  finishReason: string | null;
  usage?: CompletionUsage;
  choices: ChoiceResult[];
}

/** `choice` is the choice index (0 unless the request asked for `n > 1`). */
export type ChatStreamEvent =
  | { type: 'text-delta'; choice: number; delta: string }
  | { type: 'refusal-delta'; choice: number; delta: string }
  | { type: 'tool-call-start'; choice: number; index: number; id: string; name: string }
  | {
      type: 'tool-call-delta';
      choice: number;
      index: number;
      id: string;
      argumentsDelta: string;
      /** Best-effort value of the arguments so far (see `createPartialJsonParser`). */
      partialInput: unknown;
    }
  | {
      type: 'tool-call-end';
      choice: number;
      index: number;
      id: string;
      name: string;
      /** The complete arguments text; `''` from the upstream is normalised to `'{}'`. */
      arguments: string;
      /** Parsed arguments; exactly one of `input` / `inputError` is set. */
      input?: unknown;
      inputError?: string;
    }
  | { type: 'finish'; choice: number; finishReason: string }
  | { type: 'usage'; usage: CompletionUsage };

export interface StreamOptions {
  signal?: AbortSignal;
}

export type ChatCompletionSource = BodySource;

declare module '../base/errors.js' {
  // `EdgechatError.partial` is a ChatCompletionResult (see EdgechatErrorPartialMap).
  interface EdgechatErrorPartialMap {
    result: ChatCompletionResult;
  }
}
