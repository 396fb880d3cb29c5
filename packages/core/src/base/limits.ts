import { EdgechatError } from './errors.js';

// What one upstream stream may make the core hold. Sizes are counted in UTF-16 code units of
// the decoded text (what `string.length` gives, so checking costs nothing per piece): never
// more than the text's UTF-8 bytes, so a stream within N bytes is always within a cap of N.

/** Default `maxEventBytes`: one Server-Sent Event (all its lines). Real chunks are < 64 KiB. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;
/** Default `maxMessageBytes`: text, refusal, reasoning and tool-call arguments of one answer. */
export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** Default `maxToolCalls`: tool calls in one answer (over all its choices). */
export const DEFAULT_MAX_TOOL_CALLS = 128;

/**
 * `value`, or `fallback` when it is undefined. A cap must be a number > 0 (`Infinity` turns it
 * off); anything else is the caller's bug, a RangeError now rather than a stream that fails.
 */
export function limitOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new RangeError(`${name} must be a number > 0, got ${String(value)}`);
  }
  return value;
}

/** The error a stream ends with when it goes over a cap. */
export function tooLargeError(what: string, option: string, limit: number): EdgechatError {
  return new EdgechatError('stream_too_large', `${what} is over ${option} (${limit})`);
}
