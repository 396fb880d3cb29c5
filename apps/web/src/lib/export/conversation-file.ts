import { parseConversation } from '../storage/parse.js';
import { storedForm } from '../storage/store.js';
import { STORAGE_VERSION, type Conversation } from '../storage/types.js';
import { chatGptConversations } from './chatgpt.js';

/** What our export files say they are. */
export const FILE_FORMAT = 'edgechat.conversations';
/** Files bigger than this are refused before they are read as JSON (a tab can't hold more). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
/** More conversations than this in one file are refused: the list would not stay usable. */
export const MAX_IMPORT_CONVERSATIONS = 2000;

/** Our export format: the stored form of each conversation (every branch), versioned. */
export interface ConversationFile {
  format: typeof FILE_FORMAT;
  version: number;
  exportedAt: string;
  conversations: unknown[];
}

export function conversationFile(conversations: readonly Conversation[], now: Date): string {
  const file: ConversationFile = {
    format: FILE_FORMAT,
    version: STORAGE_VERSION,
    exportedAt: now.toISOString(),
    conversations: conversations.map(storedForm),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportProblem =
  | { kind: 'too-large' }
  | { kind: 'not-json' }
  | { kind: 'unknown-format' }
  | { kind: 'newer-version' }
  | { kind: 'too-many' }
  | { kind: 'invalid'; index: number }
  | { kind: 'empty' };

export type ImportResult =
  | { ok: true; source: 'edgechat' | 'chatgpt'; conversations: Conversation[] }
  | { ok: false; problem: ImportProblem };

/**
 * An imported file's conversations, all or nothing: one that fails the same checks as stored
 * data (the core's UIMessage validator, the tree's shape) refuses the whole file, so an import
 * never half-happens. Reads our export and ChatGPT's `conversations.json`. `size` is the
 * file's size in bytes, checked before anything is parsed.
 */
export function readConversationFile(text: string, size = text.length): ImportResult {
  if (size > MAX_IMPORT_BYTES) return refuse({ kind: 'too-large' });
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return refuse({ kind: 'not-json' });
  }
  if (Array.isArray(data)) {
    const converted = chatGptConversations(data);
    if (converted === undefined) return refuse({ kind: 'unknown-format' });
    return checked('chatgpt', converted);
  }
  if (typeof data !== 'object' || data === null) return refuse({ kind: 'unknown-format' });
  const file = data as Partial<Record<keyof ConversationFile, unknown>>;
  if (file.format !== FILE_FORMAT || !Array.isArray(file.conversations)) {
    return refuse({ kind: 'unknown-format' });
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return refuse({ kind: 'unknown-format' });
  }
  if (file.version > STORAGE_VERSION) return refuse({ kind: 'newer-version' });
  return checked('edgechat', file.conversations);
}

function checked(source: 'edgechat' | 'chatgpt', entries: unknown[]): ImportResult {
  if (entries.length === 0) return refuse({ kind: 'empty' });
  if (entries.length > MAX_IMPORT_CONVERSATIONS) return refuse({ kind: 'too-many' });
  const conversations: Conversation[] = [];
  for (const [index, entry] of entries.entries()) {
    const conversation = parseConversation(entry);
    if (conversation === undefined || conversation.messages.length === 0) {
      return refuse({ kind: 'invalid', index });
    }
    // Whatever was running when it was exported is over here.
    delete conversation.unfinished;
    conversations.push(conversation);
  }
  return { ok: true, source, conversations };
}

function refuse(problem: ImportProblem): ImportResult {
  return { ok: false, problem };
}
