import type { ChatCompletionChunk } from './wire-types.js';
import { createSeededRandom } from '../base/seeded-random.js';

/**
 * One frame of a Chat Completions stream:
 * - a chunk object is written as `data: <JSON>` followed by a blank line, as OpenAI does;
 * - `{ error }` is written the same way — OpenAI's mid-stream error frame,
 *   `data: {"error":{"message":…,"type":"server_error",…}}`;
 * - a string is written verbatim, for anything else a test needs: comments and keep-alives
 *   (`': keep-alive\n\n'`), an invalid data line, a named event, a half-written frame.
 */
export type ChatCompletionStreamFrame = ChatCompletionChunk | { error: unknown } | string;

export interface EncodeChatCompletionStreamOptions {
  /**
   * Where the bytes are cut into the pieces the stream enqueues. Without it each frame is one
   * piece (what a server flushing per frame sends).
   * - `number[]`: byte offsets to cut at, in any order (0, the length and repeats are ignored);
   * - `'random'`: pieces of 1–32 bytes, chosen by a generator seeded with `seed`, so a failing
   *   run can be repeated exactly;
   * - a function of the whole encoded bytes that returns the offsets.
   * Cuts may fall inside a multi-byte UTF-8 character or between a CR and its LF; that is the point.
   */
  split?: readonly number[] | 'random' | ((bytes: Uint8Array) => readonly number[]);
  /** How lines end. Default `'\n'` (OpenAI). Verbatim string frames are not rewritten. */
  lineEnding?: '\n' | '\r\n' | '\r';
  /** Write the closing `data: [DONE]` frame. Default `true`. */
  done?: boolean;
  /** Seed for `split: 'random'`. Default 1. */
  seed?: number;
}

/**
 * Encodes frames as the bytes of an OpenAI Chat Completions streaming response body
 * (`data: {json}\n\n` … `data: [DONE]\n\n`), optionally cut at chosen or random byte offsets.
 * The stream enqueues one piece per pull and records nothing: cancelling it stops it.
 */
export function encodeChatCompletionStream(
  frames: readonly ChatCompletionStreamFrame[],
  options: EncodeChatCompletionStreamOptions = {},
): ReadableStream<Uint8Array> {
  const bytes = encodeChatCompletionFrames(frames, options);
  const pieces = cutPieces(bytes, options, frames);
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece === undefined) controller.close();
      else controller.enqueue(piece);
    },
  });
}

/** The whole body `encodeChatCompletionStream` would stream, as one array of bytes. */
export function encodeChatCompletionFrames(
  frames: readonly ChatCompletionStreamFrame[],
  options: Pick<EncodeChatCompletionStreamOptions, 'lineEnding' | 'done'> = {},
): Uint8Array {
  return new TextEncoder().encode(frameTexts(frames, options).join(''));
}

function frameTexts(
  frames: readonly ChatCompletionStreamFrame[],
  {
    lineEnding = '\n',
    done = true,
  }: Pick<EncodeChatCompletionStreamOptions, 'lineEnding' | 'done'>,
): string[] {
  const end = lineEnding + lineEnding;
  const texts = frames.map((frame) =>
    typeof frame === 'string' ? frame : `data: ${JSON.stringify(frame)}${end}`,
  );
  if (done) texts.push(`data: [DONE]${end}`);
  return texts;
}

function cutPieces(
  bytes: Uint8Array,
  options: EncodeChatCompletionStreamOptions,
  frames: readonly ChatCompletionStreamFrame[],
): Uint8Array[] {
  const { split, seed = 1 } = options;
  let offsets: readonly number[];
  if (split === undefined) offsets = frameOffsets(frames, options);
  else if (split === 'random') offsets = randomOffsets(bytes.length, seed);
  else offsets = typeof split === 'function' ? split(bytes) : split;
  return cutAt(bytes, offsets);
}

/** Cuts `bytes` at the given offsets (any order; 0, the length and repeats ignored). */
export function cutAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length) {
      throw new RangeError(`split offset ${offset} is outside 0..${bytes.length}`);
    }
  }
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < bytes.length).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > start) pieces.push(bytes.slice(start, cut));
    start = cut;
  }
  return pieces;
}

function frameOffsets(
  frames: readonly ChatCompletionStreamFrame[],
  options: EncodeChatCompletionStreamOptions,
): number[] {
  const encoder = new TextEncoder();
  const offsets: number[] = [];
  let offset = 0;
  for (const text of frameTexts(frames, options)) {
    offset += encoder.encode(text).length;
    offsets.push(offset);
  }
  return offsets;
}

function randomOffsets(length: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const offsets: number[] = [];
  for (let offset = 1 + Math.floor(random() * 32); offset < length;) {
    offsets.push(offset);
    offset += 1 + Math.floor(random() * 32);
  }
  return offsets;
}

// Tests build the frames they encode with it; one import serves both.
export { chatCompletionChunk } from './chunk.js';
export type { ChatCompletionChunkOptions } from './chunk.js';
