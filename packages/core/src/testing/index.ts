// The encoder and the chunk constructor ship with the openai/ layer (the demo model uses them);
// testing/ re-exports them under the names it always had.
export { chatCompletionChunk } from '../openai/chunk.js';
export type { ChatCompletionChunkOptions } from '../openai/chunk.js';
export {
  encodeChatCompletionFrames,
  encodeChatCompletionStream,
} from '../openai/encode-chat-completion-stream.js';
export type {
  ChatCompletionStreamFrame,
  EncodeChatCompletionStreamOptions,
} from '../openai/encode-chat-completion-stream.js';
export { createScriptedModel } from './scripted-model.js';
export type {
  ScriptedModel,
  ScriptedModelOptions,
  ScriptedRequest,
  ScriptedResponse,
  ScriptedStep,
  ScriptedToolCall,
} from './scripted-model.js';
export { joinDeltas } from './join-deltas.js';
