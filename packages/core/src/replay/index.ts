export {
  createAnswerLog,
  ANSWER_TOO_LONG_TO_REPLAY,
  DEFAULT_ANSWER_LOG_MAX_BYTES,
} from './answer-log.js';
export type {
  AnswerLog,
  AnswerLogListener,
  AnswerLogOptions,
  AnswerLogState,
} from './answer-log.js';
export {
  createAnswerEventStream,
  DEFAULT_HEARTBEAT_MS,
  parseLastEventId,
} from './answer-event-stream.js';
export type { AnswerEventStreamOptions } from './answer-event-stream.js';
export { createMemoryAnswerLogStore } from './store.js';
export type { AnswerLogEvent, AnswerLogStore } from './store.js';
