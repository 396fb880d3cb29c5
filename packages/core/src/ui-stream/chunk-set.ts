import type { UIMessageChunk } from './types.js';

// The AI SDK kept the header `x-vercel-ai-ui-message-stream: v1` while its chunk set grew, and
// its clients check chunks strictly: before 7.0 an unknown field fails the whole stream, and
// every version fails on an unknown chunk type. So what a stream may carry depends on the
// client's major version, which the protocol never says. A client that reads more asks with
// `UI_CHUNK_SET_HEADER`; everyone else gets what AI SDK 5.0.0 reads.

/**
 * The AI SDK major version whose UI message chunks a client reads. `5`: the 5.0.0 set, which
 * every client since reads. `6`: adds `tool-input-error` and `finish.finishReason`.
 */
export type UIChunkSet = 5 | 6;

/** The request header a client sends to get a richer chunk set than 5.0.0's: `6`. */
export const UI_CHUNK_SET_HEADER = 'x-edgechat-chunk-set';

/**
 * The chunk set a request header asks for. Absent, unreadable or older → `5`; a newer major
 * than this library knows → the newest it has (`6`), which that client reads too.
 */
export function parseUIChunkSet(value: string | null | undefined): UIChunkSet {
  const major = /^\s*(\d{1,4})\s*$/.exec(value ?? '')?.[1];
  return major !== undefined && Number(major) >= 6 ? 6 : 5;
}

const V5_TYPES = new Set([
  'start',
  'finish',
  'abort',
  'error',
  'message-metadata',
  'start-step',
  'finish-step',
  'text-start',
  'text-delta',
  'text-end',
  'reasoning-start',
  'reasoning-delta',
  'reasoning-end',
  'tool-input-start',
  'tool-input-delta',
  'tool-input-available',
  'tool-output-available',
  'tool-output-error',
]);
const V6_TYPES = new Set([...V5_TYPES, 'tool-input-error']);

/**
 * `chunk` as a client of `set` can read it, passed to `emit` (zero, one or two chunks). What a
 * set lacks is said in its own words where it can be: a `tool-input-error` becomes the call's
 * `tool-input-available` and a `tool-output-error` with the same text, so an AI SDK 5 client
 * still shows the failed call. Fields a set does not know are left out (`finish.finishReason`
 * before 6, `abort.reason` always), and chunk types it does not know are not sent (`data-*`
 * chunks are in every set).
 */
export function toUIChunkSet(
  chunk: UIMessageChunk,
  set: UIChunkSet,
  emit: (chunk: UIMessageChunk) => void,
): void {
  switch (chunk.type) {
    case 'finish': {
      if (set >= 6 || chunk.finishReason === undefined) emit(chunk);
      else
        emit(
          chunk.messageMetadata === undefined
            ? { type: 'finish' }
            : { type: 'finish', messageMetadata: chunk.messageMetadata },
        );
      return;
    }
    case 'abort':
      emit('reason' in chunk ? { type: 'abort' } : chunk);
      return;
    case 'tool-input-error':
      if (set >= 6) {
        emit(chunk);
        return;
      }
      emit({
        type: 'tool-input-available',
        toolCallId: chunk.toolCallId,
        toolName: chunk.toolName,
        input: chunk.input,
        ...(chunk.dynamic === undefined ? {} : { dynamic: chunk.dynamic }),
      });
      emit({
        type: 'tool-output-error',
        toolCallId: chunk.toolCallId,
        errorText: chunk.errorText,
        ...(chunk.dynamic === undefined ? {} : { dynamic: chunk.dynamic }),
      });
      return;
    default:
      if ((set >= 6 ? V6_TYPES : V5_TYPES).has(chunk.type) || chunk.type.startsWith('data-')) {
        emit(chunk);
      }
  }
}
