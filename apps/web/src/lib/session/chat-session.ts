import type { UIMessage, UIMessageChunk } from '@edgechat/core';
import { finishNotice, type FinishNotice } from '../finish-reason.js';
import { afterNextPaint, createFrameBatcher, nextFrame, type FrameScheduler } from '../frames.js';
import { isChatId, newId } from '../id.js';
import type { ChatError, ToolTime } from '../storage/index.js';
import { createAnswer, type Answer } from './answer.js';
import { answerSpeech } from './answer-announcer.js';
import { toChatError, toStreamError } from './chat-error.js';
import type { ChunkLogView } from './chunk-log.js';
import { createExchangeView, type Exchange } from './exchange.js';
import { editTurn, regenerateTurn, retryTurn, type Turn } from './history.js';
import { timeSliced } from './time-sliced.js';
import { chatAnswerStream, type ChatAnswerStreamOptions } from './chat-answer-stream.js';
import { stopAnswer } from './transport.js';

export type ChatStatus = 'ready' | 'submitted' | 'streaming';

/** How an answer ended: what `announce` says, once per answer. */
export type AnnounceKind = 'done' | 'stopped' | 'error' | FinishNotice;

/** What a conversation shows. Replaced, never mutated: a changed field is a new object. */
export interface ChatSessionState {
  messages: UIMessage[];
  status: ChatStatus;
  error: ChatError | undefined;
  /** The person stopped the last answer. */
  stopped: boolean;
  toolTimes: Record<string, ToolTime>;
  /** An answer kept on screen while its replacement is requested (retry, regenerate). */
  replacing: string | undefined;
  /** How many protocol chunks the last answer has had so far (see `chunks()`). */
  chunkCount: number;
  /** The connection dropped mid-answer and a resume is under way. */
  reconnecting: boolean;
  /**
   * While an answer streams: the id of the last event in `messages`, to resume it after a
   * reload (saved with the conversation); `undefined` once it ended.
   */
  unfinished: Unfinished | undefined;
}

/** An answer saved before it ended, and the last event it had. */
export interface Unfinished {
  lastEventId: number;
}

export interface ChatSessionOptions extends ChatAnswerStreamOptions {
  messages?: UIMessage[];
  toolTimes?: Record<string, ToolTime>;
  stopped?: boolean;
  error?: ChatError;
  /** The model to ask for, read at each request; `undefined` → the server's default. */
  model?: () => string | undefined;
  /** The server's system prompt, when `/api/config` publishes it (for `exchange()`). */
  systemPrompt?: () => string | undefined;
  /** Publishes state once per animation frame by default. */
  schedule?: FrameScheduler;
  now?: () => number;
  /**
   * The last answer was saved before it ended (a reload mid-answer): it is replayed from the
   * worker as soon as the session exists, in place of the saved part of it.
   */
  unfinished?: Unfinished;
  /**
   * Something worth saving changed: a message was sent, an answer ended, and every few seconds
   * while it streams (so a reload finds it, see `unfinished`).
   */
  onChange?: () => void;
  /**
   * Says a finished piece of the answer, or the answer's end, to screen readers; an answer cut
   * at the token limit or by the content filter ends with that kind instead of `done`.
   */
  announce?: (text: string, kind: AnnounceKind) => void;
  /** How long the stream loop may run before it lets the browser paint. Default 4 ms. */
  sliceMs?: number;
  /** Waits until the browser has painted (default `afterNextPaint`). */
  yieldToPaint?: () => Promise<void>;
}

export interface ChatSession {
  readonly state: ChatSessionState;
  /** Calls `listener` with each new state; returns the unsubscribe. */
  subscribe(listener: (state: ChatSessionState) => void): () => void;
  send(text: string): Promise<void>;
  /**
   * After an error, a stop, or a question left without an answer: asks again for the answer
   * to the last question. Nothing to retry after a finished answer (that is `regenerate`).
   */
  retry(): Promise<void>;
  /** Replaces an answer, the last one by default (AI SDK semantics; see `regenerateTurn`). */
  regenerate(options?: { messageId?: string }): Promise<void>;
  /** Replaces the last user message's text and asks again; what followed it is dropped. */
  editLastUserMessage(text: string): Promise<void>;
  /**
   * Shows another version of the conversation (a branch). Only between answers: `false`
   * while one streams. The last answer's error and stop belong to the branch it was on.
   */
  show(messages: UIMessage[]): boolean;
  /** Stops the answer on the worker (`POST …/stop`) and lets go of its request. */
  stop(): void;
  /** The last answer's chunks: the first and the last 250, and how many between were not kept. */
  chunks(): ChunkLogView<UIMessageChunk>;
  /** The last request and its answer as the model sees them. */
  exchange(): Exchange;
}

const KEEP_CHUNKS = 250;
/** How often a streaming answer is saved, so that a reload loses little of it. */
const SAVE_EVERY_MS = 2000;

/**
 * One conversation, framework-free: the transport, the one reducer over the answer's chunks,
 * retry / regenerate / edit, and the error mapping. State goes out through `subscribe`, at most
 * once per animation frame while an answer streams, so a burst of tokens costs one render.
 */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const now = options.now ?? Date.now;
  const listeners = new Set<(state: ChatSessionState) => void>();
  const messages = options.messages ?? [];
  let state: ChatSessionState = {
    messages,
    status: 'ready',
    error: options.error,
    stopped: options.stopped ?? false,
    toolTimes: options.toolTimes ?? {},
    replacing: undefined,
    chunkCount: 0,
    reconnecting: false,
    unfinished: undefined,
  };
  // A restored conversation's last exchange: the history up to its last question, the answer.
  const restored = retryTurn(messages);
  let sent: UIMessage[] = restored?.history ?? [];
  let shownAnswer = restored?.kept;
  let answer: Answer | undefined;
  let controller: AbortController | undefined;
  const view = createExchangeView();

  function set(patch: Partial<ChatSessionState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  /** `replay`: no new request, the worker's latest answer again (a reload mid-answer). */
  async function run(turn: Turn, mode: 'ask' | 'replay' = 'ask'): Promise<void> {
    const { history, kept } = turn;
    const current = createAnswer({
      id: newId(),
      toolTimes: state.toolTimes,
      keepChunks: KEEP_CHUNKS,
      now,
    });
    const abort = new AbortController();
    answer = current;
    controller = abort;
    sent = history;
    shownAnswer = undefined;
    set({
      status: 'submitted',
      error: undefined,
      stopped: false,
      replacing: kept?.id,
      messages: kept === undefined ? history : [...history, kept],
      chunkCount: 0,
      reconnecting: false,
      unfinished: undefined,
    });
    if (mode === 'ask') options.onChange?.();

    const stream = chatAnswerStream(options, {
      mode,
      history,
      model: options.model?.(),
      signal: abort.signal,
      onReconnecting: (reconnecting) => set({ reconnecting }),
    });
    let savedAt: number | undefined;

    const publish = (): void => {
      const { lastEventId } = stream;
      const patch: Partial<ChatSessionState> = {
        chunkCount: current.chunkCount,
        unfinished: lastEventId === undefined ? undefined : { lastEventId },
      };
      const toolTimes = current.takeToolTimes();
      if (toolTimes !== undefined) patch.toolTimes = toolTimes;
      if (current.visible) {
        const message = current.snapshot();
        shownAnswer = message;
        patch.messages = [...history, message];
      }
      set(patch);
      // Saved once the answer can be resumed, then every few seconds.
      if (
        lastEventId !== undefined &&
        (savedAt === undefined || now() - savedAt >= SAVE_EVERY_MS)
      ) {
        savedAt = now();
        options.onChange?.();
      }
    };
    const batcher = createFrameBatcher(publish, options.schedule ?? nextFrame);
    const slicing = {
      sliceMs: options.sliceMs ?? 4,
      yieldToPaint: options.yieldToPaint ?? afterNextPaint,
    };

    let error: ChatError | undefined;
    let stopped = false;
    let finished = false;
    try {
      for await (const { chunk } of timeSliced(stream.events, slicing, abort.signal)) {
        const wasVisible = current.visible;
        current.push(chunk);
        if (chunk.type === 'finish') finished = true;
        if (!wasVisible && current.visible) set({ status: 'streaming', replacing: undefined });
        batcher.request();
      }
      if (abort.signal.aborted || current.aborted) stopped = true;
      else if (current.error !== undefined) error = toStreamError(current.error, now());
      // The worker no longer has the answer: it ends as it is, said to be cut off if it was.
      else if (stream.gone && mode === 'ask' && !finished) error = { kind: 'truncated', at: now() };
    } catch (caught) {
      if (abort.signal.aborted) stopped = true;
      else error = toChatError(caught, now(), stream.response);
    } finally {
      batcher.cancel();
      current.end();
      publish();
      controller = undefined;
      set({
        replacing: undefined,
        error,
        stopped,
        status: 'ready',
        reconnecting: false,
        unfinished: undefined,
      });
    }
    const end: AnnounceKind =
      error !== undefined
        ? 'error'
        : stopped
          ? 'stopped'
          : (finishNotice(current.finishReason) ?? 'done');
    // One announcement per answer, when it ends: how it ended, then (if it did) what it says.
    options.announce?.(end === 'error' || end === 'stopped' ? '' : answerSpeech(shownAnswer), end);
    options.onChange?.();
  }

  const idle = (): boolean => state.status === 'ready';
  const start = (turn: Turn | undefined, mode?: 'ask' | 'replay'): Promise<void> =>
    turn === undefined || !idle() ? Promise.resolve() : run(turn, mode);

  // A conversation saved mid-answer: the worker may have the rest (or all of it, finished in
  // another tab). The whole answer is replayed into a fresh builder, not the rest onto the saved
  // copy: that copy lost which text part was still open, and may be older than its event id.
  if (options.unfinished !== undefined && restored !== undefined) {
    queueMicrotask(() => void start(restored, 'replay'));
  }

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    send(text) {
      if (text.trim() === '') return Promise.resolve();
      return start({ history: [...state.messages, userMessage(text)] });
    },
    retry() {
      const failed = state.error !== undefined || state.stopped;
      const unanswered = state.messages.at(-1)?.role === 'user';
      return failed || unanswered ? start(retryTurn(state.messages)) : Promise.resolve();
    },
    regenerate({ messageId } = {}) {
      if (!idle()) return Promise.resolve();
      const turn = regenerateTurn(state.messages, messageId);
      if (turn === undefined && messageId !== undefined) {
        return Promise.reject(new Error(`regenerate: no message ${messageId}`));
      }
      return start(turn);
    },
    editLastUserMessage(text) {
      if (text.trim() === '') return Promise.resolve();
      return start(editTurn(state.messages, userMessage(text)));
    },
    show(messages) {
      if (!idle()) return false;
      const turn = retryTurn(messages);
      sent = turn?.history ?? [];
      shownAnswer = turn?.kept;
      set({ messages, error: undefined, stopped: false });
      options.onChange?.();
      return true;
    },
    stop() {
      if (controller === undefined) return;
      // Chat ids the worker would refuse (400) were never resumable: nothing to stop there.
      if (isChatId(options.id)) void stopAnswer(options, options.id);
      controller.abort();
    },
    chunks() {
      return answer?.chunks() ?? { head: [], omitted: 0, tail: [] };
    },
    exchange() {
      return view(sent, shownAnswer, options.systemPrompt?.());
    },
  };
}

function userMessage(text: string): UIMessage {
  return { id: newId(), role: 'user', parts: [{ type: 'text', text }] };
}
