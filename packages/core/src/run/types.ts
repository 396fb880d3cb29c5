import type { CompletionUsage, OpenAIMessage, ToolDefinition } from '../openai/types.js';
import type { ToolRegistry } from '../tools/index.js';
import type { UIFinishReason } from '../ui-stream/types.js';

/** What the run loop asks of a model for one step. */
export interface ChatModelRequest {
  messages: OpenAIMessage[];
  /** Absent (no key at all) when the step may not call tools. */
  tools?: ToolDefinition[];
  signal?: AbortSignal;
}

/**
 * A model is a function that returns the raw Chat Completions SSE body — a `fetch` `Response`
 * or its byte stream — so the core needs no SDK. A non-2xx `Response` is reported by the run
 * loop as an upstream error; a rejection means the request could not be made.
 */
export type ChatModel = (
  request: ChatModelRequest,
) => Promise<Response | ReadableStream<Uint8Array>>;

/** What `onFinish` receives, once per run, whatever the outcome. */
export interface RunChatResult {
  /**
   * The messages this turn added, in order, ready to append to the history: per step one
   * assistant message, followed by one `tool` message per tool call it made (so the history
   * stays valid for the API even when a call was not run). A step cut short by an error or an
   * abort contributes its text so far, without unfinished tool calls.
   */
  messages: OpenAIMessage[];
  /** The last step's finish reason; `'error'` after an upstream failure; `'other'` when aborted. */
  finishReason: UIFinishReason;
  /** Usage summed over the steps that reported it. */
  usage?: CompletionUsage;
  /** How many model calls were made. */
  steps: number;
  /** Whether the run ended because `signal` fired or the consumer cancelled the stream. */
  aborted: boolean;
}

export interface RunChatOptions {
  model: ChatModel;
  /** The conversation so far (system prompt included); not modified. */
  messages: OpenAIMessage[];
  /** Tools the model may call. Without tools (or with an empty registry) no `tools` are sent. */
  tools?: ToolRegistry;
  /**
   * How many model calls one turn may make. Default 5; an integer ≥ 1. The last one is made
   * without tools, so the model has to answer in text.
   */
  maxSteps?: number;
  /**
   * Caps on what one model stream may make the run hold; over one, the step ends with the
   * `error` "The model's answer was too large." and the body is cancelled. The longest
   * Server-Sent Event, default 1 MiB (`DEFAULT_MAX_EVENT_BYTES`). Sizes are UTF-16 code units
   * of the decoded text, never more than its UTF-8 bytes; `Infinity` turns a cap off.
   */
  maxEventBytes?: number;
  /** The text, reasoning and tool-call arguments of one step's answer. Default 4 MiB. */
  maxMessageBytes?: number;
  /** The tool calls of one step's answer. Default 128. */
  maxToolCalls?: number;
  signal?: AbortSignal;
  /** The id sent in `start`. Default: `generateId()`. */
  messageId?: string;
  /**
   * Read a leading `<think>…</think>` in the model's content as reasoning (servers that answer
   * that way; see `createThinkTagSplitter`). Default `false`.
   */
  thinkTags?: boolean;
  /** Sent in `start` (e.g. `{ model }`). */
  messageMetadata?: unknown;
  /** Ids for the message and text parts. Default `crypto.randomUUID`. */
  generateId?: () => string;
  /**
   * Called once when the run ends, before the last chunk (`finish` or `abort`), and awaited —
   * so work it does (saving the turn) is done before the response ends. If it throws after a
   * successful turn, an `error` chunk follows and the finish reason becomes `'error'`.
   */
  onFinish?: (result: RunChatResult) => void | Promise<void>;
}
