export { parsePartialJson } from './parse-partial-json.js';
export { createPartialJsonParser } from './parser.js';
export type { PartialJsonParser, PartialJsonResult } from './types.js';
