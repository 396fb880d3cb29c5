// fast-check support for the fuzz tests of the core's validator and the worker's POST /api/chat.
export { DEFAULT_FUZZ_SEED, fuzzSettings, type FuzzSettings } from './settings.js';
export {
  deepJsonText,
  deepValue,
  hostileValue,
  hugeString,
  HUGE_SIZES,
  MEANINGFUL_STRINGS,
  nested,
  PROTOTYPE_KEYS,
  prototypeObject,
  surrogateString,
} from './hostile-values.js';
export {
  assistantMessage,
  chatBody,
  chatId,
  conversation,
  userMessage,
  type ChatBodyOptions,
} from './messages.js';
export { copy, mutate, mutation, mutations, sameTree, type Mutation } from './mutate.js';
