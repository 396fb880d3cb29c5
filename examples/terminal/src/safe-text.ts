/**
 * Makes text from outside (the model, a tool, an upstream error) safe to print on a terminal:
 * every control character except `\n` and `\t` is shown instead of obeyed, so no escape
 * sequence it carries (an OSC 52 clipboard write, a title change, a clear screen) reaches the
 * terminal, and no bidi override reorders what is shown.
 *
 * - ESC → `␛`, the rest of C0 (U+0000–U+001F) → its control picture (U+2400–U+241F), DEL → `␡`;
 * - C1 (U+0080–U+009F) → `\u{9b}` style escapes: a terminal may read U+009B as CSI;
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) → `\u{202e}` style.
 *
 * Each character is replaced on its own, with no state, so a sequence split across stream
 * deltas is neutralised just the same. `\r` is shown too (`␍`): alone it would let text
 * overwrite the line it is on.
 */
export function safeText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, replace) : text;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

function replace(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u{${code.toString(16)}}`;
}
