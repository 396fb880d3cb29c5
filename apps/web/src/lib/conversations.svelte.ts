import { Chat, type ChatOptions } from './chat.svelte.js';
import { fromStoredTree } from './branches/message-tree.js';
import { newId } from './id.js';
import { createSearchIndex, type SearchHit } from './search/search-index.js';
import {
  loadConversations,
  saveConversations,
  serializeConversations,
  type Conversation,
  type KeyValueStorage,
  type StorageNotice,
} from './storage/index.js';

export interface ConversationMeta {
  id: string;
  title: string;
  titled: boolean;
  createdAt: number;
  updatedAt: number;
}

export type ConversationsOptions = Omit<ChatOptions, 'id' | 'messages' | 'onChange'> & {
  storage?: KeyValueStorage;
  /** Runs a save a little later (default: the next task), off the event that caused it. */
  defer?: (save: () => void) => void;
};

const TITLE_LENGTH = 60;

/**
 * The saved conversations and the one on screen. Each conversation gets its own `Chat` (made
 * when first opened), so an answer keeps streaming — and is saved — when the person switches
 * away. Conversations without messages are never saved.
 */
export class Conversations {
  /** Most recently changed first. */
  list = $state.raw<ConversationMeta[]>([]);
  activeId = $state('');
  notice = $state.raw<StorageNotice | undefined>(undefined);

  // Caches, not state: what the UI shows comes from `list` and `activeId` and the chats' runes.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #chats = new Map<string, Chat>();
  /** What storage holds (as far as we know): unchanged state is not written again. */
  #saved: string;
  #saveQueued = false;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #stored = new Map<string, Conversation>();
  readonly #options: ConversationsOptions;
  readonly #search = createSearchIndex((id) => {
    const meta = this.list.find((entry) => entry.id === id);
    if (meta === undefined) return undefined;
    const messages = this.#chats.get(id)?.messages ?? this.#stored.get(id)?.messages ?? [];
    const text = messages
      .flatMap((message) => message.parts.map((part) => (part.type === 'text' ? part.text : '')))
      .join(' ');
    return { title: meta.title, text };
  });

  constructor(options: ConversationsOptions = {}) {
    this.#options = options;
    const loaded = loadConversations(options.storage);
    for (const conversation of loaded.conversations)
      this.#stored.set(conversation.id, conversation);
    this.list = loaded.conversations
      .map(({ id, title, titled, createdAt, updatedAt }) => ({
        id,
        title,
        titled,
        createdAt,
        updatedAt,
      }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
    this.notice = loaded.notice;
    if (loaded.activeId !== undefined) this.activeId = loaded.activeId;
    else this.create();
    // Loading changes nothing: an unreadable store stays as it is until there is something new.
    this.#saved = this.#serialize();
  }

  get active(): Chat {
    return this.chat(this.activeId);
  }

  chat(id: string): Chat {
    let chat = this.#chats.get(id);
    if (chat === undefined) {
      const stored = this.#stored.get(id);
      const { announce } = this.#options;
      chat = new Chat({
        ...this.#options,
        // An answer that keeps streaming in a conversation the person left is not read aloud
        // over the one on screen.
        ...(announce === undefined
          ? {}
          : {
              announce: (text: string, kind: Parameters<typeof announce>[1]) => {
                if (id === this.activeId) announce(text, kind);
              },
            }),
        id,
        messages: stored?.messages ?? [],
        ...(stored?.tree === undefined ? {} : treeOption(stored.tree)),
        toolTimes: stored?.toolTimes ?? {},
        stopped: stored?.stopped ?? false,
        ...(stored?.error === undefined ? {} : { error: stored.error }),
        ...(stored?.unfinished === undefined ? {} : { unfinished: stored.unfinished }),
        onChange: () => this.#changed(id),
      });
      this.#chats.set(id, chat);
      this.#stored.delete(id);
    }
    return chat;
  }

  /**
   * The conversations whose title or text has every word of `query`, most recent first, with
   * what matched. Not reactive by itself: call it where `list` (or the query) is read.
   */
  search(query: string): SearchHit[] {
    return this.#search.search(
      query,
      this.list.map((meta) => meta.id),
    );
  }

  /** A conversation as it would be saved (every version), for export. */
  snapshot(id: string): Conversation | undefined {
    const meta = this.list.find((entry) => entry.id === id);
    return meta === undefined ? undefined : this.#snapshot(meta);
  }

  /**
   * Adds imported conversations (already validated) under new ids, so nothing existing is
   * replaced, and opens the first. Returns how many were added.
   */
  add(conversations: readonly Conversation[]): number {
    const added: ConversationMeta[] = [];
    for (const conversation of conversations) {
      const id = newId();
      this.#stored.set(id, { ...conversation, id });
      const { title, titled, createdAt, updatedAt } = conversation;
      added.push({ id, title, titled, createdAt, updatedAt });
    }
    const first = added[0];
    if (first === undefined) return 0;
    const previous = this.activeId;
    this.list = [...added, ...this.list];
    this.activeId = first.id;
    if (this.#isEmpty(previous)) this.#drop(previous);
    this.save();
    return added.length;
  }

  /** A new, empty conversation — unless the current one is still empty. */
  create(): void {
    const current = this.list.find((meta) => meta.id === this.activeId);
    if (current !== undefined && this.#isEmpty(current.id)) return;
    const now = this.#now();
    const meta: ConversationMeta = {
      id: newId(),
      title: '',
      titled: false,
      createdAt: now,
      updatedAt: now,
    };
    this.list = [meta, ...this.list];
    this.activeId = meta.id;
  }

  select(id: string): void {
    if (!this.list.some((meta) => meta.id === id) || id === this.activeId) return;
    const previous = this.activeId;
    this.activeId = id;
    // Leaving an empty new conversation drops it.
    if (this.#isEmpty(previous)) this.#drop(previous);
    this.save();
  }

  rename(id: string, title: string): void {
    const trimmed = title.trim().replace(/\s+/g, ' ');
    this.list = this.list.map((meta) =>
      meta.id === id ? { ...meta, title: trimmed, titled: trimmed !== '' } : meta,
    );
    this.#search.invalidate(id);
    if (trimmed === '') this.#retitle(id);
    this.save();
  }

  remove(id: string): void {
    this.#chats.get(id)?.stop();
    this.#drop(id);
    if (this.activeId === id) {
      const next = this.list[0];
      if (next === undefined) this.create();
      else this.activeId = next.id;
    }
    this.save();
  }

  dismissNotice(): void {
    this.notice = undefined;
  }

  /** Writes the conversations, unless storage already holds exactly this. */
  save(): void {
    const serialized = this.#serialize();
    if (serialized === this.#saved) return;
    if (saveConversations(this.#options.storage, serialized)) this.#saved = serialized;
    else this.notice = { kind: 'save-failed' };
  }

  #serialize(): string {
    const conversations: Conversation[] = [];
    for (const meta of this.list) {
      const conversation = this.#snapshot(meta);
      if (conversation !== undefined && conversation.messages.length > 0)
        conversations.push(conversation);
    }
    return serializeConversations(conversations, this.activeId);
  }

  #changed(id: string): void {
    const now = this.#now();
    const meta = this.list.find((entry) => entry.id === id);
    if (meta === undefined) return; // deleted while its answer finished
    this.#search.invalidate(id);
    this.list = [{ ...meta, updatedAt: now }, ...this.list.filter((entry) => entry !== meta)];
    if (!meta.titled) this.#retitle(id);
    this.#saveSoon();
  }

  /** Saving serialises every conversation: not inside the keypress or frame that sent. */
  #saveSoon(): void {
    if (this.#saveQueued) return;
    this.#saveQueued = true;
    (this.#options.defer ?? ((save) => setTimeout(save, 0)))(() => {
      this.#saveQueued = false;
      this.save();
    });
  }

  /** An untitled conversation is named after its first question. */
  #retitle(id: string): void {
    const first = this.#chats.get(id)?.messages.find((message) => message.role === 'user');
    const text =
      first?.parts.map((part) => (part.type === 'text' ? part.text : '')).join(' ') ?? '';
    const oneLine = text.replace(/\s+/g, ' ').trim();
    const title =
      oneLine.length > TITLE_LENGTH ? `${oneLine.slice(0, TITLE_LENGTH - 1)}…` : oneLine;
    this.list = this.list.map((meta) =>
      meta.id === id && !meta.titled ? { ...meta, title } : meta,
    );
    this.#search.invalidate(id);
  }

  #snapshot(meta: ConversationMeta): Conversation | undefined {
    const chat = this.#chats.get(meta.id);
    if (chat === undefined) {
      const stored = this.#stored.get(meta.id);
      return stored === undefined ? undefined : { ...stored, ...meta };
    }
    const conversation: Conversation = {
      ...meta,
      messages: chat.messages,
      toolTimes: chat.toolTimes,
      stopped: chat.stopped,
    };
    const tree = chat.branches.stored();
    if (tree !== undefined) conversation.tree = tree;
    if (chat.error !== undefined) conversation.error = chat.error;
    if (chat.unfinished !== undefined) conversation.unfinished = chat.unfinished;
    return conversation;
  }

  #isEmpty(id: string): boolean {
    const chat = this.#chats.get(id);
    if (chat !== undefined) return chat.messages.length === 0 && !chat.busy;
    return (this.#stored.get(id)?.messages.length ?? 0) === 0;
  }

  #drop(id: string): void {
    this.#search.remove(id);
    this.#chats.delete(id);
    this.#stored.delete(id);
    this.list = this.list.filter((meta) => meta.id !== id);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}

function treeOption(stored: NonNullable<Conversation['tree']>): Pick<ChatOptions, 'tree'> {
  const restored = fromStoredTree(stored);
  return restored.ok ? { tree: restored.tree } : {};
}
