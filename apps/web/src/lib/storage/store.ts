import { parseConversation } from './parse.js';
import {
  BACKUP_KEY,
  READABLE_VERSIONS,
  STORAGE_KEY,
  STORAGE_VERSION,
  type Conversation,
  type StoredConversations,
} from './types.js';

export type StorageNotice =
  | { kind: 'corrupt' }
  | { kind: 'old-format' }
  | { kind: 'skipped'; count: number }
  | { kind: 'save-failed' };

export interface LoadedConversations {
  conversations: Conversation[];
  activeId: string | undefined;
  notice?: StorageNotice;
}

/** The parts of `Storage` used here (tests pass a Map-backed one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Reads the saved conversations. Never throws and never gives up on the page: unreadable data
 * (not JSON, not our shape, another version) is copied to `BACKUP_KEY` and the app starts
 * with an empty list and a notice; single unreadable conversations are skipped, with a count.
 */
export function loadConversations(storage: KeyValueStorage | undefined): LoadedConversations {
  const empty: LoadedConversations = { conversations: [], activeId: undefined };
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return empty; // storage disabled: nothing to load, nothing to say yet
  }
  if (raw === null) return empty;

  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return setAside(storage, raw, 'corrupt');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return setAside(storage, raw, Array.isArray(data) ? 'old-format' : 'corrupt');
  }
  const record = data as Record<string, unknown>;
  if (typeof record.version !== 'number' || !READABLE_VERSIONS.includes(record.version)) {
    return setAside(storage, raw, typeof record.version === 'number' ? 'old-format' : 'corrupt');
  }
  if (!Array.isArray(record.conversations)) return setAside(storage, raw, 'corrupt');

  const conversations: Conversation[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const entry of record.conversations) {
    const conversation = parseConversation(entry);
    if (conversation === undefined || seen.has(conversation.id)) skipped++;
    else {
      seen.add(conversation.id);
      conversations.push(conversation);
    }
  }
  const activeId =
    typeof record.activeId === 'string' && seen.has(record.activeId)
      ? record.activeId
      : conversations[0]?.id;
  return skipped > 0
    ? { conversations, activeId, notice: { kind: 'skipped', count: skipped } }
    : { conversations, activeId };
}

function setAside(
  storage: KeyValueStorage | undefined,
  raw: string,
  kind: 'corrupt' | 'old-format',
): LoadedConversations {
  try {
    storage?.setItem(BACKUP_KEY, raw);
  } catch {
    // No room for a backup: the data stays under STORAGE_KEY until the next save replaces it.
  }
  return { conversations: [], activeId: undefined, notice: { kind } };
}

/** The stored form (`activeId` only matters when there is something to open). */
export function serializeConversations(
  conversations: readonly Conversation[],
  activeId: string | undefined,
): string {
  const data: StoredConversations = {
    version: STORAGE_VERSION,
    activeId: conversations.length === 0 ? null : (activeId ?? null),
    conversations: conversations.map(storedForm),
  };
  return JSON.stringify(data);
}

/**
 * A conversation as it is written (to storage and to export files): one with versions as its
 * tree alone, since its chosen path is derived on load; one without, as its messages.
 */
export function storedForm({
  messages,
  ...rest
}: Conversation): Conversation | Omit<Conversation, 'messages'> {
  return rest.tree === undefined ? { ...rest, messages } : rest;
}

/** Writes `serializeConversations`' text; `false` when the browser refused (quota, disabled). */
export function saveConversations(
  storage: KeyValueStorage | undefined,
  serialized: string,
): boolean {
  if (storage === undefined) return false;
  try {
    storage.setItem(STORAGE_KEY, serialized);
    return true;
  } catch {
    return false;
  }
}

/** `localStorage`, or `undefined` where reading it throws (disabled cookies, sandboxed frames). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
