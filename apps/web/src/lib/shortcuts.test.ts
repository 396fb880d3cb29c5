import { describe, expect, it } from 'vitest';
import {
  isApplePlatform,
  isTextField,
  shortcutFor,
  shortcutKeys,
  type ShortcutContext,
  type ShortcutKeyEvent,
} from './shortcuts.js';

const key = (k: string, extra: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  keyCode: 0,
  defaultPrevented: false,
  ...extra,
});
const idle: ShortcutContext = {
  mac: false,
  inTextField: false,
  inEmptyComposer: false,
  busy: false,
};

describe('shortcutFor', () => {
  it('maps each shortcut, with Ctrl on Windows/Linux and ⌘ on a Mac', () => {
    const cases: [ShortcutKeyEvent, ShortcutContext][] = [
      [key('O', { ctrlKey: true, shiftKey: true }), idle],
      [key('O', { metaKey: true, shiftKey: true }), { ...idle, mac: true }],
      [key('k', { ctrlKey: true }), { ...idle, inTextField: true }],
      [key('k', { metaKey: true }), { ...idle, mac: true }],
      [key('Escape'), { ...idle, busy: true, inTextField: true }],
      [key('ArrowUp'), { ...idle, inTextField: true, inEmptyComposer: true }],
      [key('?', { shiftKey: true }), idle],
    ];
    expect(cases.map(([event, context]) => shortcutFor(event, context))).toEqual([
      'new-chat',
      'new-chat',
      'focus-search',
      'focus-search',
      'stop',
      'edit-last',
      'show-shortcuts',
    ]);
  });

  it('leaves keys alone where they mean something else', () => {
    const cases: [ShortcutKeyEvent, ShortcutContext][] = [
      // Ctrl+K on a Mac is the text field's "delete to end of line"; ⌘ on Windows is the OS's.
      [key('k', { ctrlKey: true }), { ...idle, mac: true }],
      [key('k', { metaKey: true }), idle],
      [key('k', { ctrlKey: true, altKey: true }), idle],
      [key('o', { ctrlKey: true }), idle],
      // Nothing to stop; Esc then belongs to whatever has focus.
      [key('Escape'), idle],
      // ↑ moves the caret in a composer with text, and does nothing while an answer streams.
      [key('ArrowUp'), { ...idle, inTextField: true }],
      [key('ArrowUp'), { ...idle, inEmptyComposer: true, busy: true }],
      [key('ArrowUp', { shiftKey: true }), { ...idle, inEmptyComposer: true }],
      // `?` typed in a field is a question mark.
      [key('?', { shiftKey: true }), { ...idle, inTextField: true }],
      // An IME composing (Korean input), or a control that already handled the key.
      [key('Escape', { isComposing: true }), { ...idle, busy: true }],
      [key('ArrowUp', { keyCode: 229 }), { ...idle, inEmptyComposer: true }],
      [key('Escape', { defaultPrevented: true }), { ...idle, busy: true }],
      [key('a'), idle],
    ];
    expect(cases.map(([event, context]) => shortcutFor(event, context))).toEqual(
      cases.map(() => undefined),
    );
  });

  it('names the keys for the sheet', () => {
    expect([shortcutKeys('new-chat', false), shortcutKeys('new-chat', true)]).toEqual([
      ['Ctrl', 'Shift', 'O'],
      ['⌘', 'Shift', 'O'],
    ]);
    expect(shortcutKeys('edit-last', false)).toEqual(['↑']);
  });

  it('tells Apple platforms and text fields', () => {
    expect(isApplePlatform({ platform: 'MacIntel', userAgent: '' })).toBe(true);
    expect(isApplePlatform({ platform: 'Linux x86_64', userAgent: 'X11; Linux' })).toBe(false);
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect([
      isTextField(document.createElement('textarea')),
      isTextField(document.createElement('input')),
      isTextField(checkbox),
      isTextField(document.createElement('button')),
      isTextField(null),
    ]).toEqual([true, true, false, false, false]);
  });
});
