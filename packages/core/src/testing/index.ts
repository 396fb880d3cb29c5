export {
  chatCompletionChunk,
  encodeChatCompletionFrames,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream.js';
export type {
  ChatCompletionChunkOptions,
  ChatCompletionStreamFrame,
  EncodeChatCompletionStreamOptions,
} from './encode-chat-completion-stream.js';
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
