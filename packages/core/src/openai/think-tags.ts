const OPEN = '<think>';
const CLOSE = '</think>';

/** Where a piece of `content` belongs once the think tags are taken out. */
export type ThinkPieceKind = 'text' | 'reasoning';

/**
 * Splits a choice's `content` into reasoning and text for servers that put the model's
 * thinking in the content as a leading `<think>…</think>` (Ollama, LM Studio, vLLM and
 * Together with reasoning parsers off, Workers AI). Streamed: pieces come out as soon as they
 * cannot be part of a tag, so a tag cut anywhere across deltas is still found, and at most a
 * tag's length of text waits.
 *
 * Only a tag at the very start of the answer (after whitespace) opens reasoning, and only
 * once: a `<think>` later in the answer is the answer's own text (a model explaining the
 * format). Whitespace around the reasoning and right after `</think>` is dropped — the
 * templates put newlines there, and they would show as empty lines. A stream that ends inside
 * the reasoning leaves it all as reasoning.
 */
export interface ThinkTagSplitter {
  push(content: string, emit: (kind: ThinkPieceKind, text: string) => void): void;
  /** End of the content: what was held back goes out. */
  flush(emit: (kind: ThinkPieceKind, text: string) => void): void;
}

type State = 'start' | 'reasoning-start' | 'reasoning' | 'after' | 'text';

export function createThinkTagSplitter(): ThinkTagSplitter {
  let state: State = 'start';
  // Text not yet known to be outside a tag: the answer's start, or a possible `</think>` prefix.
  let held = '';

  function push(content: string, emit: (kind: ThinkPieceKind, text: string) => void): void {
    let rest = content;
    while (rest !== '') {
      switch (state) {
        case 'text':
          emit('text', rest);
          return;
        case 'start': {
          held += rest;
          rest = '';
          const trimmed = held.trimStart();
          if (trimmed.startsWith(OPEN)) {
            state = 'reasoning-start';
            rest = trimmed.slice(OPEN.length);
            held = '';
          } else if (!OPEN.startsWith(trimmed)) {
            state = 'text';
            rest = held;
            held = '';
          }
          break;
        }
        case 'reasoning-start':
        case 'after': {
          rest = rest.trimStart();
          if (rest !== '') state = state === 'after' ? 'text' : 'reasoning';
          break;
        }
        case 'reasoning': {
          const text = held + rest;
          held = '';
          rest = '';
          const close = text.indexOf(CLOSE);
          if (close !== -1) {
            const reasoning = text.slice(0, close).trimEnd();
            if (reasoning !== '') emit('reasoning', reasoning);
            state = 'after';
            rest = text.slice(close + CLOSE.length);
            break;
          }
          // Held back: a possible start of `</think>`, and the whitespace before it, which is
          // dropped if the tag follows.
          const ready = trimmedEnd(text, text.length - partialTagLength(text));
          if (ready > 0) emit('reasoning', text.slice(0, ready));
          held = text.slice(ready);
          break;
        }
      }
    }
  }

  return {
    push,
    flush(emit) {
      // An answer that is only whitespace, or only the start of `<think>`, is text after all.
      const tail = state === 'start' ? held : held.trimEnd();
      held = '';
      if (tail !== '') emit(state === 'start' ? 'text' : 'reasoning', tail);
    },
  };
}

/** Where the whitespace that ends `text.slice(0, end)` begins. */
function trimmedEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text.charAt(i - 1))) i--;
  return i;
}

/** How many characters at the end of `text` could be the start of `</think>`. */
function partialTagLength(text: string): number {
  for (let length = Math.min(CLOSE.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(CLOSE.slice(0, length))) return length;
  }
  return 0;
}
