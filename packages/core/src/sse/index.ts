export { createSSEParser } from './parser.js';
export { SSEDecoderStream } from './decoder-stream.js';
export type { SSEDecoderStreamOptions } from './decoder-stream.js';
export type { ServerSentEvent, SSEParser, SSEParserHandlers, SSEParserOptions } from './types.js';
export { createJsonEventParser } from './json-event-parser.js';
export type { JsonEventHandlers, JsonEventParser } from './json-event-parser.js';
