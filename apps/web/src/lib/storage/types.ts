import type { UIMessage } from '@edgechat/core';
import type { StoredTree } from '../branches/message-tree.js';

/** When a tool call was first seen and when its result (or error) arrived, ms since the epoch. */
export interface ToolTime {
  start: number;
  end?: number;
}

/** What went wrong with the last answer of a conversation, in a form worth keeping. */
export interface ChatError {
  kind:
    | 'network'
    | 'rate-limited'
    | 'budget-spent'
    | 'bot-check'
    | 'too-large'
    | 'rejected'
    | 'upstream'
    | 'server'
    | 'truncated'
    | 'stream'
    | 'invalid-response'
    | 'unknown';
  /** HTTP status, for errors that had one. */
  status?: number;
  /** Seconds, from a 429's `retry-after`. */
  retryAfter?: number;
  /** The server's own words (JSON error message, `error` chunk text): safe to show as text. */
  detail?: string;
  /** When it happened (ms since the epoch), to count `retryAfter` down from. */
  at: number;
}

export interface Conversation {
  id: string;
  title: string;
  /** The person renamed it: the title no longer follows the first message. */
  titled: boolean;
  createdAt: number;
  updatedAt: number;
  /** What the chat shows: the chosen version of each message. */
  messages: UIMessage[];
  /**
   * Every version (edits, regenerated answers) and which is chosen, when there is more than
   * one; stored instead of `messages`, which are then its chosen path.
   */
  tree?: StoredTree;
  toolTimes: Record<string, ToolTime>;
  /** The last answer was stopped by the person. */
  stopped: boolean;
  error?: ChatError;
  /**
   * Saved while the last answer was still streaming, with the id of its last event here: on
   * opening, the worker is asked for the answer again (it may have finished meanwhile).
   */
  unfinished?: { lastEventId: number };
}

export interface StoredConversations {
  version: typeof STORAGE_VERSION;
  activeId: string | null;
  conversations: (Conversation | Omit<Conversation, 'messages'>)[];
}

export const STORAGE_KEY = 'edgechat.conversations';
/** Where an unreadable store is moved, so that nothing is lost for good. */
export const BACKUP_KEY = 'edgechat.conversations.unreadable';
/** Bump when the stored shape changes incompatibly (and teach `load` the old one if it matters). */
export const STORAGE_VERSION = 2;
/**
 * Versions `load` still reads. 1 → 2 added branches: a version-1 conversation is a version-2
 * one with a single version of everything (`messages`, no `tree`).
 */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
