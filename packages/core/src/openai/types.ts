import type { BodySource } from '../base/body.js';

// The core's own shapes over the Chat Completions wire format (results, stream events).
// The wire types live in wire-types.ts; they are re-exported here so every import keeps working.
import type { AssistantMessage, CompletionUsage } from './wire-types.js';

export type * from './wire-types.js';

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
  /** The model's thinking, from whichever field the server uses (see `createChatCompletionAccumulator`). */
  | { type: 'reasoning-delta'; choice: number; delta: string }
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
  /**
   * The longest Server-Sent Event accepted (a non-streaming JSON body counts as one), in
   * UTF-16 code units — never more than its UTF-8 bytes. Past it the stream throws
   * EdgechatError `stream_too_large` and the body is cancelled. Default 1 MiB
   * (`DEFAULT_MAX_EVENT_BYTES`); `Infinity` turns the cap off.
   */
  maxEventBytes?: number;
}

/** Caps on the merged answer of one stream; exceeding one throws `stream_too_large`. */
export interface MessageLimits {
  /**
   * Text, refusal, reasoning, and tool-call ids, names and arguments of the answer (all
   * choices), in UTF-16 code units. Default 4 MiB (`DEFAULT_MAX_MESSAGE_BYTES`); `Infinity`
   * turns the cap off.
   */
  maxMessageBytes?: number;
  /** Tool calls of the answer (all choices). Default 128 (`DEFAULT_MAX_TOOL_CALLS`). */
  maxToolCalls?: number;
}

export type ChatCompletionSource = BodySource;

declare module '../base/errors.js' {
  // `EdgechatError.partial` is a ChatCompletionResult (see EdgechatErrorPartialMap).
  interface EdgechatErrorPartialMap {
    result: ChatCompletionResult;
  }
}
