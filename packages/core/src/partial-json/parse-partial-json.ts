import { createPartialJsonParser } from './parser.js';
import type { PartialJsonResult } from './types.js';

/**
 * Best-effort parse of a possibly incomplete JSON text, e.g. the arguments of a tool call that
 * is still streaming. Never throws. The rules for incomplete and invalid text are those of
 * `createPartialJsonParser`, which this is one push of — so feeding the same text in pieces
 * always gives the same value.
 *
 * @example parsePartialJson('{"city":"Seo') // { value: { city: 'Seo' }, complete: false, failed: false }
 */
export function parsePartialJson(text: string): PartialJsonResult {
  const parser = createPartialJsonParser();
  const value = parser.push(text);
  return { value, complete: parser.complete, failed: parser.failed };
}
