// The OpenAI Chat Completions wire format: the shapes the core reads and writes. Written out here
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

/**
 * One entry of OpenRouter's `reasoning_details`. Only the readable kinds carry text; an
 * `reasoning.encrypted` entry (and any kind added later) has none to show.
 */
export interface ReasoningDetail {
  type: 'reasoning.text' | 'reasoning.summary' | 'reasoning.encrypted' | (string & {});
  text?: string;
  summary?: string;
  [key: string]: unknown;
}

export interface ChatCompletionChunkDelta {
  role?: string;
  content?: string | null;
  refusal?: string | null;
  /** The model's thinking: DeepSeek, vLLM, Qwen and most compatible servers. */
  reasoning_content?: string | null;
  /** The same, as OpenRouter, Groq, Ollama and gpt-oss servers name it. */
  reasoning?: string | null;
  /** OpenRouter's structured form (sent alongside `reasoning`, which carries the same text). */
  reasoning_details?: ReasoningDetail[];
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
  /** Groq's extensions; its usage comes here, on the last chunk, instead of in `usage`. */
  x_groq?: { usage?: CompletionUsage | null; [key: string]: unknown } | null;
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
  /**
   * The model's reasoning, under DeepSeek's name: DeepSeek requires it back on an assistant
   * turn with tool calls. Most services reject or ignore it — a model adapter sends it only
   * to services that want it.
   */
  reasoning_content?: string;
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
