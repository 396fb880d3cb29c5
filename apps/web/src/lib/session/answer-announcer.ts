import type { UIMessage } from '@edgechat/core';

/** Longer answers are cut: the whole text is on the page, a click away. */
export const MAX_SPEECH = 2000;

/**
 * The words of a finished answer, for the one announcement a screen reader hears when it
 * ends: its text parts as speech (no markup, no code), cut at `max` characters. Nothing is
 * announced while it streams — neither every token nor every block — so the reader is never
 * interrupted mid-answer, and the end is one clear event.
 */
export function answerSpeech(message: UIMessage | undefined, max = MAX_SPEECH): string {
  if (message === undefined) return '';
  const text = message.parts
    .map((part) => (part.type === 'text' ? markdownToSpeech(part.text) : ''))
    .filter((speech) => speech !== '')
    .join(' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // At a word, when there is one in the second half (CJK text may have none).
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Markdown → the words worth reading aloud: no markup; code blocks are left to the page. */
export function markdownToSpeech(markdown: string): string {
  return markdown
    .replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\1[ \t]*(?=\n|$)|$)/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gm, '')
    .replace(/^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/[*~`]+/g, '')
    .replace(/(^|[\s(])_+|_+(?=[\s).,!?:;]|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
