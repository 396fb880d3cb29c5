import {
  createUIMessageBuilder,
  readUIMessageStream,
  type UIMessage,
  type UIMessageChunk,
  type UIMessagePart,
} from '@edgechat/core';
import { createAnswerAnnouncer } from './answer-announcer.js';
import { byteStreamInPieces } from './byte-pieces.js';
import { ChunkLog, type ChunkLogView } from './chunk-log.js';
import { parseRetryAfter, toChatError } from './chat-error.js';
import { afterNextPaint, createFrameBatcher, nextFrame, type FrameScheduler } from './frames.js';
import { newId } from './id.js';
import type { ChatError, ToolTime } from './storage/index.js';

export type ChatStatus = 'ready' | 'submitted' | 'streaming';

export interface ChatOptions {
  id: string;
  messages?: UIMessage[];
  toolTimes?: Record<string, ToolTime>;
  stopped?: boolean;
  error?: ChatError;
  /** Default `/api/chat`. */
  api?: string;
  fetch?: typeof fetch;
  /** The model to ask for, read at each request; `undefined` → the server's default. */
  model?: () => string | undefined;
  /** Publishes state once per animation frame by default. */
  schedule?: FrameScheduler;
  now?: () => number;
  /** Something worth saving changed: a message was sent, an answer ended. */
  onChange?: () => void;
  /** Says a finished piece of the answer, or the answer's end, to screen readers. */
  announce?: (text: string, kind: 'text' | 'done' | 'stopped' | 'error') => void;
  /** How long the stream loop may run before it lets the browser paint. Default 4 ms. */
  sliceMs?: number;
  /** Waits until the browser has painted (default `afterNextPaint`). */
  yieldToPaint?: () => Promise<void>;
}

/** Chunks that put something on screen (the others only open the message or a step). */
const VISIBLE = /^(?:text|reasoning|tool|data)-/;
/** Bytes handed to the protocol reader at a time (see byte-pieces.ts). */
const READ_PIECE = 16 * 1024;
/** The first and the last chunks of an answer kept for the debug view. */
const KEEP_CHUNKS = 250;

/**
 * One conversation's live state, as runes, over the core's protocol reader and message builder
 * (DESIGN.md §5: "thin rune class over plain logic"). The builder folds chunks into a plain
 * message in place; once per animation frame a shallow snapshot of it is published to
 * `messages`, so a burst of tokens costs one render.
 */
export class Chat {
  readonly id: string;
  messages = $state.raw<UIMessage[]>([]);
  status = $state<ChatStatus>('ready');
  error = $state.raw<ChatError | undefined>(undefined);
  /** The person stopped the last answer. */
  stopped = $state(false);
  toolTimes = $state.raw<Record<string, ToolTime>>({});
  /** An answer kept on screen while its replacement is requested (retry, regenerate). */
  replacing = $state<string | undefined>(undefined);
  /** How many protocol chunks the last answer has had so far (see `chunks`). */
  chunkCount = $state(0);

  #chunks = new ChunkLog<UIMessageChunk>(KEEP_CHUNKS);
  #controller: AbortController | undefined;
  readonly #options: ChatOptions;
  readonly #now: () => number;

  constructor(options: ChatOptions) {
    this.id = options.id;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.messages = options.messages ?? [];
    this.toolTimes = options.toolTimes ?? {};
    this.stopped = options.stopped ?? false;
    this.error = options.error;
  }

  /**
   * Protocol chunks of the last answer in this session (debug view): the first and the last
   * `KEEP_CHUNKS`, with how many were left out between them — a long answer has tens of
   * thousands, and memory is better spent elsewhere.
   */
  get chunks(): ChunkLogView<UIMessageChunk> {
    void this.chunkCount; // a dependency: readers update as chunks arrive
    return this.#chunks.view();
  }

  get busy(): boolean {
    return this.status !== 'ready';
  }

  /** Index of the last user message, -1 if none. */
  get lastUserIndex(): number {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      if (this.messages[i]?.role === 'user') return i;
    }
    return -1;
  }

  send(text: string): Promise<void> {
    if (this.busy || text.trim() === '') return Promise.resolve();
    return this.#run([...this.messages, userMessage(text)]);
  }

  /** Asks again for the answer to the last user message (after an error, or to regenerate). */
  retry(): Promise<void> {
    const last = this.lastUserIndex;
    if (this.busy || last < 0) return Promise.resolve();
    return this.#run(this.messages.slice(0, last + 1), this.messages[last + 1]);
  }

  regenerate(): Promise<void> {
    return this.retry();
  }

  /** Replaces the last user message's text and asks again; what followed it is dropped. */
  editLastUserMessage(text: string): Promise<void> {
    const last = this.lastUserIndex;
    if (this.busy || last < 0 || text.trim() === '') return Promise.resolve();
    return this.#run([...this.messages.slice(0, last), userMessage(text)]);
  }

  /** Aborts the request: the worker sees the disconnect and stops the upstream. */
  stop(): void {
    this.#controller?.abort();
  }

  async #run(history: UIMessage[], kept?: UIMessage): Promise<void> {
    const options = this.#options;
    const now = this.#now;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'submitted';
    this.error = undefined;
    this.stopped = false;
    this.replacing = kept?.id;
    this.messages = kept === undefined ? history : [...history, kept];
    this.#chunks = new ChunkLog<UIMessageChunk>(KEEP_CHUNKS);
    this.chunkCount = 0;
    options.onChange?.();

    const chunks = this.#chunks;
    const times = { ...this.toolTimes };
    const builder = createUIMessageBuilder({ id: newId(), role: 'assistant', parts: [] });
    const announcer = createAnswerAnnouncer((text) => options.announce?.(text, 'text'));
    let visible = false;
    let timesChanged = false;
    const publish = (): void => {
      this.chunkCount = chunks.count;
      if (timesChanged) {
        this.toolTimes = { ...times };
        timesChanged = false;
      }
      if (!visible) return;
      const message = snapshot(builder.message);
      this.messages = [...history, message];
      const lastText = findLastIndex(message.parts, (part) => part.type === 'text');
      const part = message.parts[lastText];
      if (part?.type === 'text') announcer.update(String(lastText), part.text);
    };
    const batcher = createFrameBatcher(publish, options.schedule ?? nextFrame);

    let retryAfter: number | undefined;
    let error: ChatError | undefined;
    let stopped = false;
    try {
      const response = await (options.fetch ?? fetch)(options.api ?? '/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: this.id, messages: history, model: options.model?.() }),
        signal: controller.signal,
      });
      if (!response.ok) retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
      const source =
        response.ok && response.body !== null
          ? byteStreamInPieces(response.body, READ_PIECE)
          : response;
      const sliceMs = options.sliceMs ?? 4;
      const yieldToPaint = options.yieldToPaint ?? afterNextPaint;
      let sliceStart = performance.now();
      for await (const chunk of readUIMessageStream(source, { signal: controller.signal })) {
        chunks.push(chunk);
        builder.push(chunk);
        if (trackToolTime(chunk, times, now)) timesChanged = true;
        if (!visible && VISIBLE.test(chunk.type)) {
          visible = true;
          this.status = 'streaming';
          this.replacing = undefined;
        }
        batcher.request();
        // Chunks that arrived in a burst would otherwise be parsed in one long task: at most
        // one slice per frame, the rest after the paint.
        if (performance.now() - sliceStart > sliceMs) {
          await yieldToPaint();
          sliceStart = performance.now();
          // Stopped meanwhile: leave before asking the reader for more. (It would start a
          // read of the aborted body and drop it, an unhandled rejection — core read.ts.)
          if (controller.signal.aborted) break;
        }
      }
      if (controller.signal.aborted || builder.aborted) stopped = true;
      else if (builder.error !== undefined) {
        error = { kind: 'stream', detail: builder.error, at: now() };
      }
    } catch (caught) {
      if (controller.signal.aborted) stopped = true;
      else error = toChatError(caught, retryAfter, now());
    } finally {
      batcher.cancel();
      // Calls that never got a result end with the answer.
      for (const [id, time] of Object.entries(times)) {
        if (time.end !== undefined) continue;
        times[id] = { start: time.start, end: now() };
        timesChanged = true;
      }
      publish();
      announcer.finish();
      this.#controller = undefined;
      this.replacing = undefined;
      this.error = error;
      this.stopped = stopped;
      this.status = 'ready';
    }
    options.announce?.('', error !== undefined ? 'error' : stopped ? 'stopped' : 'done');
    options.onChange?.();
  }
}

function userMessage(text: string): UIMessage {
  return { id: newId(), role: 'user', parts: [{ type: 'text', text }] };
}

/**
 * The builder mutates text, reasoning and data parts in place; tool parts it replaces. A copy
 * of the mutable ones (and of the parts array) is enough for the UI to see every change.
 */
function snapshot(message: UIMessage): UIMessage {
  return { ...message, parts: message.parts.map(copyIfMutable) };
}

function copyIfMutable(part: UIMessagePart): UIMessagePart {
  return part.type === 'dynamic-tool' || part.type === 'step-start' ? part : { ...part };
}

/** Records when a call started and ended; returns whether anything changed. */
function trackToolTime(
  chunk: UIMessageChunk,
  times: Record<string, ToolTime>,
  now: () => number,
): boolean {
  switch (chunk.type) {
    case 'tool-input-start':
    case 'tool-input-delta':
    case 'tool-input-available':
      if (times[chunk.toolCallId] !== undefined) return false;
      times[chunk.toolCallId] = { start: now() };
      return true;
    case 'tool-input-error':
    case 'tool-output-available':
    case 'tool-output-error': {
      const time = times[chunk.toolCallId];
      if (time?.end !== undefined) return false;
      const end = now();
      times[chunk.toolCallId] = { start: time?.start ?? end, end };
      return true;
    }
    default:
      return false;
  }
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
