import { getContext, setContext } from 'svelte';
import { en } from './en.js';
import type { Messages } from './messages.js';

const KEY = Symbol('edgechat.i18n');

/** Call in the root component; every descendant reads the same strings with `getMessages()`. */
export function setMessages(messages: Messages): void {
  setContext(KEY, messages);
}

/** The strings of the app's locale; English when no ancestor set any (isolated component tests). */
export function getMessages(): Messages {
  return getContext<Messages | undefined>(KEY) ?? en;
}
