export { UI_MESSAGE_STREAM_HEADERS } from './headers.js';
export { encodeUIMessageStream, UI_MESSAGE_STREAM_FALLBACK_ERROR_TEXT } from './encode.js';
export type { EncodeUIMessageStreamOptions, UIChunkStep } from './encode.js';
export { parseUIChunkSet, toUIChunkSet, UI_CHUNK_SET_HEADER } from './chunk-set.js';
export type { UIChunkSet } from './chunk-set.js';
export { readUIMessageStream } from './read.js';
export type { ReadUIMessageStreamOptions } from './read.js';
export { createUIMessageBuilder } from './builder.js';
export type { UIMessageBuilder } from './builder.js';
export { toOpenAIMessages, INTERRUPTED_TOOL_CALL_CONTENT } from './to-openai-messages.js';
export type { ToOpenAIMessagesOptions } from './to-openai-messages.js';
export type {
  DataUIMessageChunk,
  DataUIPart,
  DynamicToolUIPart,
  ReasoningUIPart,
  StepStartUIPart,
  TextUIPart,
  UIFinishReason,
  UIMessage,
  UIMessageChunk,
  UIMessagePart,
} from './types.js';
export { validateUIMessages, DEFAULT_MAX_JSON_DEPTH } from './validate-ui-messages.js';
export type {
  UIMessageProblemCode,
  UIMessageValidation,
  UIMessageValidationError,
  ValidateUIMessagesOptions,
} from './validate-ui-messages.js';
