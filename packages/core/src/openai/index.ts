export { readChatCompletionChunks } from './read-chunks.js';
export { streamChatCompletion } from './stream.js';
export type { StreamChatCompletionOptions } from './stream.js';
export { collectChatCompletion } from './collect.js';
export type { CollectChatCompletionOptions } from './collect.js';
export { createChatCompletionAccumulator } from './accumulator.js';
export type { ChatCompletionAccumulator, ChatCompletionAccumulatorOptions } from './accumulator.js';
export type {
  AssistantMessage,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionChunkToolCallDelta,
  CompletionUsage,
  JSONSchema,
  OpenAIMessage,
  ReasoningDetail,
  SystemMessage,
  ToolCall,
  ToolDefinition,
  ToolMessage,
  UserContentPart,
  UserMessage,
} from './wire-types.js';
export type {
  ChatCompletionResult,
  ChatCompletionSource,
  ChatStreamEvent,
  ChoiceResult,
  MessageLimits,
  StreamOptions,
} from './types.js';
