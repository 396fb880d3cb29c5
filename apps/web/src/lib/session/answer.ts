import {
  createUIMessageBuilder,
  type UIFinishReason,
  type UIMessage,
  type UIMessageChunk,
  type UIMessagePart,
} from '@edgechat/core';
import { withFinishReason } from '../finish-reason.js';
import { reasoningTimeKey } from '../reasoning-time.js';
import type { ToolTime } from '../storage/index.js';
import { ChunkLog, type ChunkLogView } from './chunk-log.js';

export interface AnswerOptions {
  /** The answer's id until a `start` chunk names one. */
  id: string;
  /** The conversation's tool times so far: this answer's calls are added to a copy. */
  toolTimes: Readonly<Record<string, ToolTime>>;
  /** How many of the first and of the last chunks the log keeps. */
  keepChunks: number;
  now: () => number;
}

/** One answer as it streams: the only place that reads its chunks. */
export interface Answer {
  /** Folds a chunk into the message, the tool times and the chunk log. */
  push(chunk: UIMessageChunk): void;
  /** Whether something to show has arrived (text, reasoning, a tool call, data). */
  readonly visible: boolean;
  /**
   * A copy of the message so far that differs, for the UI, wherever the message changed; once
   * a `finish` chunk named its reason, the metadata records it (`finishReasonOf`).
   */
  snapshot(): UIMessage;
  /** The tool times, when they changed since the last call; otherwise `undefined`. */
  takeToolTimes(): Record<string, ToolTime> | undefined;
  /** The answer ended: calls that never got a result end with it. */
  end(): void;
  readonly chunkCount: number;
  chunks(): ChunkLogView<UIMessageChunk>;
  /** The `errorText` of an `error` chunk. */
  readonly error: string | undefined;
  /** Whether an `abort` chunk arrived. */
  readonly aborted: boolean;
  /** The `finishReason` of the `finish` chunk, when it had one. */
  readonly finishReason: UIFinishReason | undefined;
}

/** Chunks that put something on screen (the others only open the message or a step). */
const VISIBLE = /^(?:text|reasoning|tool|data)-/;

/**
 * One reducer over the chunks: each goes to the core's message builder, to the chunk log, and —
 * in the same switch — stamps the times: a tool call's (when it was first seen, when its result
 * or error arrived; a call seen again in a later step keeps its first start) and a reasoning
 * part's (its first chunk to its end; "Thought for 4 s").
 */
export function createAnswer(options: AnswerOptions): Answer {
  const { now } = options;
  const builder = createUIMessageBuilder({ id: options.id, role: 'assistant', parts: [] });
  const log = new ChunkLog<UIMessageChunk>(options.keepChunks);
  const times: Record<string, ToolTime> = { ...options.toolTimes };
  let timesChanged = false;
  let visible = false;

  function started(key: string): void {
    if (times[key] !== undefined) return;
    times[key] = { start: now() };
    timesChanged = true;
  }

  function ended(key: string): void {
    const time = times[key];
    if (time?.end !== undefined) return;
    const end = now();
    times[key] = { start: time?.start ?? end, end };
    timesChanged = true;
  }

  return {
    push(chunk) {
      log.push(chunk);
      builder.push(chunk);
      switch (chunk.type) {
        case 'tool-input-start':
        case 'tool-input-delta':
        case 'tool-input-available':
          started(chunk.toolCallId);
          break;
        case 'reasoning-start':
        case 'reasoning-delta':
          started(reasoningTimeKey(builder.message.id, chunk.id));
          break;
        case 'reasoning-end':
          ended(reasoningTimeKey(builder.message.id, chunk.id));
          break;
        case 'tool-input-error':
        case 'tool-output-available':
        case 'tool-output-error':
          ended(chunk.toolCallId);
          break;
      }
      if (!visible && VISIBLE.test(chunk.type)) visible = true;
    },
    get visible() {
      return visible;
    },
    snapshot: () => snapshot(builder.message, builder.finishReason),
    takeToolTimes() {
      if (!timesChanged) return undefined;
      timesChanged = false;
      return { ...times };
    },
    end() {
      for (const [id, time] of Object.entries(times)) if (time.end === undefined) ended(id);
    },
    get chunkCount() {
      return log.count;
    },
    chunks: () => log.view(),
    get error() {
      return builder.error;
    },
    get aborted() {
      return builder.aborted;
    },
    get finishReason() {
      return builder.finishReason;
    },
  };
}

/**
 * The builder mutates text, reasoning and data parts in place; tool parts it replaces. A copy
 * of the mutable ones (and of the parts array) is enough for the UI to see every change.
 */
function snapshot(message: UIMessage, finishReason: UIFinishReason | undefined): UIMessage {
  const copy = { ...message, parts: message.parts.map(copyIfMutable) };
  if (finishReason !== undefined) copy.metadata = withFinishReason(message.metadata, finishReason);
  return copy;
}

function copyIfMutable(part: UIMessagePart): UIMessagePart {
  return part.type === 'dynamic-tool' || part.type === 'step-start' ? part : { ...part };
}
