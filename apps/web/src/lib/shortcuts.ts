/** What a shortcut does; App.svelte carries it out. */
export type ShortcutAction = 'new-chat' | 'focus-search' | 'stop' | 'edit-last' | 'show-shortcuts';

/** The fields of a `keydown` event the shortcuts read. */
export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  /** 229: the IME has the key (see ime.ts). */
  keyCode: number;
  defaultPrevented: boolean;
}

/** Where the key was pressed, and what the page is doing. */
export interface ShortcutContext {
  /** Apple platforms use ⌘ where others use Ctrl. */
  mac: boolean;
  /** Focus is in a text field (typing `?` there is text, not a command). */
  inTextField: boolean;
  /** Focus is in the composer and it is empty. */
  inEmptyComposer: boolean;
  /** An answer is streaming. */
  busy: boolean;
}

/**
 * A key press → the shortcut it means, if any. Ctrl/⌘+Shift+O is a new chat and Ctrl/⌘+K
 * the search box (as in ChatGPT and most chat apps); Esc stops a streaming answer; ↑ in the
 * empty composer edits the last message (as in Slack); `?` outside a text field shows the
 * sheet. Keys an IME is composing with, and events a control already handled, are never
 * shortcuts.
 */
export function shortcutFor(
  event: ShortcutKeyEvent,
  context: ShortcutContext,
): ShortcutAction | undefined {
  if (event.defaultPrevented || event.isComposing || event.keyCode === 229) return undefined;
  const command = context.mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (command && !event.altKey) {
    if (event.shiftKey && key === 'o') return 'new-chat';
    if (!event.shiftKey && key === 'k') return 'focus-search';
    return undefined;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (key === 'Escape') return context.busy ? 'stop' : undefined;
  if (key === 'ArrowUp' && !event.shiftKey) {
    return context.inEmptyComposer && !context.busy ? 'edit-last' : undefined;
  }
  if (key === '?' && !context.inTextField) return 'show-shortcuts';
  return undefined;
}

/** The keys of each shortcut, for the sheet, on this platform. */
export function shortcutKeys(action: ShortcutAction, mac: boolean): string[] {
  const command = mac ? '⌘' : 'Ctrl';
  switch (action) {
    case 'new-chat':
      return [command, 'Shift', 'O'];
    case 'focus-search':
      return [command, 'K'];
    case 'stop':
      return ['Esc'];
    case 'edit-last':
      return ['↑'];
    case 'show-shortcuts':
      return ['?'];
  }
}

export const SHORTCUT_ACTIONS: readonly ShortcutAction[] = [
  'new-chat',
  'focus-search',
  'stop',
  'edit-last',
  'show-shortcuts',
];

/** Whether this browser is on an Apple platform (where ⌘ is the command key). */
export function isApplePlatform(nav: { platform?: string; userAgent: string }): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(nav.platform ?? '') || /Mac OS X/.test(nav.userAgent);
}

/** Whether `element` takes typed text (so `?` typed there is text). */
export function isTextField(element: Element | null): boolean {
  if (element === null) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      element.type,
    );
  }
  return element instanceof HTMLElement && element.isContentEditable;
}
