import type { UIMessage, UIMessageChunk } from '@edgechat/core';
import { Branches } from './branches/branches.svelte.js';
import type { MessageTree } from './branches/message-tree.js';
import {
  createChatSession,
  type ChatSession,
  type ChatSessionOptions,
  type ChatSessionState,
  type ChatStatus,
  type Unfinished,
} from './session/chat-session.js';
import type { ChunkLogView } from './session/chunk-log.js';
import type { Exchange } from './session/exchange.js';
import { lastUserIndex } from './session/history.js';
import type { ChatError, ToolTime } from './storage/index.js';

export type ChatOptions = ChatSessionOptions & {
  /** Every version of the conversation, when it has more than the messages. */
  tree?: MessageTree;
};
export type { ChatStatus };

/**
 * One conversation's state as runes over a framework-free `ChatSession` (DESIGN.md §5: thin
 * rune class over plain logic), like the AI SDK's Svelte `Chat` over its `AbstractChat`. Each
 * field is its own signal, set from the session's states: one that did not change notifies
 * nobody, so a reader of `status` does not rerun for every frame of streamed text.
 */
export class Chat {
  readonly id: string;
  #messages = $state.raw<UIMessage[]>([]);
  #status = $state<ChatStatus>('ready');
  #error = $state.raw<ChatError | undefined>(undefined);
  #stopped = $state(false);
  #toolTimes = $state.raw<Record<string, ToolTime>>({});
  #replacing = $state<string | undefined>(undefined);
  #chunkCount = $state(0);
  #reconnecting = $state(false);
  #unfinished = $state.raw<Unfinished | undefined>(undefined);
  readonly #session: ChatSession;
  /** Every version of this conversation: edit and regenerate add one, nothing overwrites. */
  readonly branches: Branches;

  constructor(options: ChatOptions) {
    this.id = options.id;
    this.branches = new Branches(options.tree, options.messages ?? []);
    this.#session = createChatSession(options);
    this.#sync(this.#session.state);
    this.#session.subscribe((state) => this.#sync(state));
  }

  #sync(state: ChatSessionState): void {
    this.branches.sync(state.messages);
    this.#messages = state.messages;
    this.#status = state.status;
    this.#error = state.error;
    this.#stopped = state.stopped;
    this.#toolTimes = state.toolTimes;
    this.#replacing = state.replacing;
    this.#chunkCount = state.chunkCount;
    this.#reconnecting = state.reconnecting;
    this.#unfinished = state.unfinished;
  }

  get messages(): UIMessage[] {
    return this.#messages;
  }
  get status(): ChatStatus {
    return this.#status;
  }
  get error(): ChatError | undefined {
    return this.#error;
  }
  get stopped(): boolean {
    return this.#stopped;
  }
  get toolTimes(): Record<string, ToolTime> {
    return this.#toolTimes;
  }
  get replacing(): string | undefined {
    return this.#replacing;
  }
  /** The connection dropped mid-answer; it is being resumed. */
  get reconnecting(): boolean {
    return this.#reconnecting;
  }
  /** While an answer streams: what to save so that a reload resumes it. */
  get unfinished(): Unfinished | undefined {
    return this.#unfinished;
  }
  get busy(): boolean {
    return this.#status !== 'ready';
  }
  get lastUserIndex(): number {
    return lastUserIndex(this.#messages);
  }
  /** The last answer's kept chunks (debug view); readers update as chunks arrive. */
  get chunks(): ChunkLogView<UIMessageChunk> {
    void this.#chunkCount;
    return this.#session.chunks();
  }
  /** The last request and its answer as the model sees them (debug view). */
  get exchange(): Exchange {
    void this.#messages;
    return this.#session.exchange();
  }

  send = (text: string): Promise<void> => this.#session.send(text);
  retry = (): Promise<void> => this.#session.retry();
  regenerate = (options?: { messageId?: string }): Promise<void> =>
    this.#session.regenerate(options);
  editLastUserMessage = (text: string): Promise<void> => this.#session.editLastUserMessage(text);
  stop = (): void => this.#session.stop();
  /** Shows another version of a message (and what follows it on that branch). */
  showVersion = (messageId: string): boolean => {
    if (this.busy) return false;
    const path = this.branches.choose(messageId);
    return path !== undefined && this.#session.show(path);
  };
}
