import { createBlockSplitter } from '../markdown/block-splitter.js';

export interface AnswerAnnouncer {
  /** The text so far of one text part of the answer (`key` tells parts apart). */
  update(key: string, text: string): void;
  /** The answer ended: says what is left. */
  finish(): void;
  reset(): void;
}

/**
 * Speaks a streaming answer block by block through `say` (an aria-live region): announcing
 * each token would make screen readers stutter, announcing only at the end would leave a
 * long answer silent. Blocks come from the same splitter the renderer uses.
 */
export function createAnswerAnnouncer(say: (text: string) => void): AnswerAnnouncer {
  const splitter = createBlockSplitter();
  let current: string | undefined;

  const speak = (blocks: readonly string[]): void => {
    for (const block of blocks) {
      const text = markdownToSpeech(block);
      if (text !== '') say(text);
    }
  };

  return {
    update(key, text) {
      if (key !== current) {
        speak(splitter.finish());
        current = key;
      }
      speak(splitter.push(text));
    },
    finish() {
      speak(splitter.finish());
      current = undefined;
    },
    reset() {
      splitter.reset();
      current = undefined;
    },
  };
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
