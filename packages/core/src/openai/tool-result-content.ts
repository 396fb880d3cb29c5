// The content of the `role: 'tool'` message that carries a call's result back to the model. It
// is the one shape for a result: the run loop sends it, and `toOpenAIMessages` rebuilds it from
// a stored conversation, so a turn read back reads to the model as it did live.
// Everything is JSON, a string output too (`"text"` with its quotes): one rule the model can
// rely on, and an output can never be mistaken for an error object. A failure is
// `{"error":{"code":…,"message":…}}` so the model sees what went wrong and can try again.
// It sits here, with the wire format, because both the tools and the UI-message history use it.
import { utf8Length } from '../base/utf8-length.js';

/** A call's result as the model is told it; the tools' `ToolResult` is one. */
export type ToolResultContentSource =
  { ok: true; output: unknown } | { ok: false; error: { code: string; message: string } };

/** 32 KiB: enough for any sensible tool output, small enough to keep a runaway one cheap. */
export const TOOL_RESULT_MAX_BYTES = 32 * 1024;

export interface SerializeToolResultOptions {
  /** UTF-8 bytes the content may take, the truncation note included. Default 32 KiB. */
  maxBytes?: number;
}

/**
 * Never throws. An `undefined` output is `null`. An output `JSON.stringify` rejects (a BigInt,
 * a cycle) becomes an `execution_failed` error — the registry already reports such outputs as
 * failures, so this only happens to results built elsewhere. Content over `maxBytes` is cut at
 * a code point boundary and ends with `…[truncated: output was N bytes, limit M]`; it is then
 * no longer valid JSON, and the note says why.
 */
export function serializeToolResult(
  result: ToolResultContentSource,
  options: SerializeToolResultOptions = {},
): string {
  const maxBytes = options.maxBytes ?? TOOL_RESULT_MAX_BYTES;
  if (!result.ok) return toolErrorContent(result.error.code, result.error.message, maxBytes);
  const output = outputToJson(result.output);
  return output.ok
    ? toolOutputContent(output.json, maxBytes)
    : toolErrorContent('execution_failed', output.message, maxBytes);
}

export type OutputJson = { ok: true; json: string } | { ok: false; message: string };

/** The output as JSON, or why it cannot be. */
export function outputToJson(output: unknown): OutputJson {
  try {
    return { ok: true, json: JSON.stringify(output) ?? 'null' };
  } catch (error) {
    // V8's message for a cycle continues with a multi-line sketch of it; the first line says it.
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
    return { ok: false, message: `Tool output could not be serialised as JSON: ${reason}` };
  }
}

/**
 * The content for an output already turned into JSON by `outputToJson`. The registry checks an
 * output that way anyway; the run loop sends that text instead of serialising the output again.
 */
export function toolOutputContent(json: string, maxBytes = TOOL_RESULT_MAX_BYTES): string {
  return truncateUtf8(json, maxBytes);
}

/** `{"error":{"code":…,"message":…}}`, cut to `maxBytes` like an output. */
export function toolErrorContent(
  code: string,
  message: string,
  maxBytes = TOOL_RESULT_MAX_BYTES,
): string {
  return truncateUtf8(JSON.stringify({ error: { code, message } }), maxBytes);
}

const encoder = new TextEncoder();

function truncateUtf8(text: string, maxBytes: number): string {
  // A UTF-16 unit takes at most 3 bytes in UTF-8, so short text needs no counting.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = utf8Length(text);
  if (bytes <= maxBytes) return text;
  const note = `…[truncated: output was ${bytes} bytes, limit ${maxBytes}]`;
  const budget = Math.max(0, maxBytes - utf8Length(note));
  // encodeInto stops before a code point that does not fit whole, and `read` counts the
  // UTF-16 units it consumed: slicing there never splits a surrogate pair.
  const { read } = encoder.encodeInto(text, new Uint8Array(budget));
  return text.slice(0, read) + note;
}
