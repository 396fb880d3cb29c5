import { hexDigitValue, simpleEscape } from './escapes.js';
import { isNumberAccepting, NUMBER_END, NUMBER_START, numberStep } from './number-grammar.js';
import { createOpenString } from './open-string.js';
import { needsDefineProperty, setOwnProperty } from './set-own-property.js';
import type { PartialJsonParser } from './types.js';

// Parser states. Everything the parser knows between pushes lives in the closure below, so a
// piece may end anywhere — inside a key, an escape, a \uXXXX, a number or a literal.
const VALUE = 0; // a value is expected: at the root, after ':' or after ',' in an array
const VALUE_OR_END = 1; // just after '[': a value or ']'
const KEY_OR_END = 2; // just after '{': a key or '}'
const KEY = 3; // after ',' in an object: a key
const COLON = 4;
const AFTER_VALUE = 5; // ',' or the closing bracket; at the root only whitespace
const STRING = 6; // inside a string (a key when `stringIsKey`)
const ESCAPE = 7; // after '\' in a string
const UNICODE = 8; // inside '\uXXXX', `hexCount` digits read
const NUMBER = 9;
const LITERAL = 10; // inside true / false / null
const FAILED = 11;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const CHAR_0 = 0x30;
const CHAR_9 = 0x39;
const COLON_CHAR = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

interface ArrayFrame {
  readonly array: unknown[];
  readonly object: null;
}

interface ObjectFrame {
  readonly array: null;
  readonly object: Record<string, unknown>;
  /** The key whose value is being read. */
  key: string;
  /** `key` must be set with defineProperty (see needsDefineProperty). */
  define: boolean;
}

type Frame = ArrayFrame | ObjectFrame;

/**
 * Creates an incremental parser for one JSON text (RFC 8259) arriving in pieces, such as the
 * `arguments` of a streamed tool call. Each character is read exactly once, and the value is
 * kept as a live tree that pushes mutate in place, so n pushes cost O(total length) overall.
 *
 * The value of an incomplete text — the same as `parsePartialJson(text).value`:
 * - open arrays and objects are closed: `{"a":[1,{"b":` → `{ a: [1, {}] }`;
 * - an open string is closed: `{"a":"Se` → `{ a: 'Se' }`; an escape not yet complete (`\`,
 *   `\u00`) is left out, and so is a trailing UTF-16 high surrogate whose low half has not
 *   arrived yet (`"\ud83d` → `''`), so a half emoji is never shown;
 * - a number is its longest valid prefix: `12.` → 12, `1.5e+` → 1.5; with no valid prefix
 *   (`-`) it is left out — an array gets no element, an object no property, the root is
 *   `undefined`;
 * - a started literal is completed: `t`, `tru` → true; `f` → false; `n` → null;
 * - a key without its value (`{"a`, `{"a":`) is left out.
 *
 * The first character that makes the text invalid (not a prefix of any JSON text) puts the
 * parser in a failed state for good: later pushes are ignored, and the value stays the value
 * of the text before that character. *
 * `push` returns that live tree: the same object and array instances, mutated by later pushes.
 * Clone (`structuredClone`) to keep a snapshot; never mutate it.
 */
export function createPartialJsonParser(): PartialJsonParser {
  let state = VALUE;
  let root: unknown = undefined;
  const stack: Frame[] = [];
  // The value being read has already been placed in its parent array (pushes after the first
  // replace the last element rather than append).
  let placed = false;

  const string = createOpenString();
  let stringIsKey = false;
  let hex = 0;
  let hexCount = 0;

  let numberText = '';
  let numberState = NUMBER_START;
  // Length of the longest prefix of numberText that is a whole number.
  let numberValidLength = 0;

  let literal = '';
  let literalValue: boolean | null = null;
  let literalMatched = 0;

  function place(value: unknown): void {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      root = value;
    } else if (top.object === null) {
      if (placed) top.array[top.array.length - 1] = value;
      else {
        top.array.push(value);
        placed = true;
      }
    } else {
      setOwnProperty(top.object, top.key, value, top.define);
    }
  }

  /** Puts the open leaf's best value into the tree; containers are already there. */
  function materialise(): void {
    if (state === STRING || state === ESCAPE || state === UNICODE) {
      if (!stringIsKey) place(string.partial());
    } else if (state === NUMBER) {
      if (numberValidLength === 0) return;
      const whole = numberValidLength === numberText.length;
      place(Number(whole ? numberText : numberText.slice(0, numberValidLength)));
    } else if (state === LITERAL) {
      place(literalValue);
    }
  }

  function fail(): unknown {
    materialise();
    state = FAILED;
    return root;
  }

  function openContainer(frame: Frame, next: number): void {
    place(frame.object ?? frame.array);
    stack.push(frame);
    state = next;
  }

  function closeContainer(): void {
    stack.pop();
    state = AFTER_VALUE;
  }

  function openString(isKey: boolean): void {
    string.reset();
    stringIsKey = isKey;
    state = STRING;
  }

  function closeString(): void {
    const text = string.close();
    const top = stack[stack.length - 1];
    if (stringIsKey && top !== undefined && top.object !== null) {
      top.key = text;
      top.define = needsDefineProperty(text);
      state = COLON;
    } else {
      place(text);
      state = AFTER_VALUE;
    }
  }

  function openLiteral(word: string, value: boolean | null): number {
    literal = word;
    literalValue = value;
    literalMatched = 0;
    state = LITERAL;
    return 0; // the literal state reads the first letter itself
  }

  /** Starts the value whose first character is `c`; returns the characters consumed, -1 if invalid. */
  function startValue(c: number): number {
    placed = false;
    if (c === OPEN_BRACE) {
      openContainer({ array: null, object: {}, key: '', define: false }, KEY_OR_END);
    } else if (c === OPEN_BRACKET) {
      openContainer({ array: [], object: null }, VALUE_OR_END);
    } else if (c === QUOTE) {
      openString(false);
    } else if (c === MINUS || (c >= CHAR_0 && c <= CHAR_9)) {
      numberText = '';
      numberState = NUMBER_START;
      numberValidLength = 0;
      state = NUMBER;
      return 0; // the number state reads `c` itself
    } else if (c === 0x74 /* t */) {
      return openLiteral('true', true);
    } else if (c === 0x66 /* f */) {
      return openLiteral('false', false);
    } else if (c === 0x6e /* n */) {
      return openLiteral('null', null);
    } else {
      return -1;
    }
    return 1;
  }

  /**
   * Reads one non-whitespace character in a structural state (anything but a string, number or
   * literal); returns the characters consumed, -1 if `c` is invalid here.
   */
  function structural(c: number): number {
    switch (state) {
      case VALUE_OR_END:
        if (c !== CLOSE_BRACKET) return startValue(c);
        closeContainer();
        return 1;
      case VALUE:
        return startValue(c);
      case KEY_OR_END:
        if (c !== CLOSE_BRACE) return startKey(c);
        closeContainer();
        return 1;
      case KEY:
        return startKey(c);
      case COLON:
        if (c !== COLON_CHAR) return -1;
        state = VALUE;
        return 1;
      case AFTER_VALUE: {
        const top = stack[stack.length - 1];
        if (top === undefined) return -1; // one value per text: only whitespace may follow
        if (c === COMMA) state = top.object === null ? VALUE : KEY;
        else if (c === (top.object === null ? CLOSE_BRACKET : CLOSE_BRACE)) closeContainer();
        else return -1;
        return 1;
      }
      default:
        return -1;
    }
  }

  function startKey(c: number): number {
    if (c !== QUOTE) return -1;
    openString(true);
    return 1;
  }

  function push(delta: string): unknown {
    if (state === FAILED) return root;
    const n = delta.length;
    let i = 0;
    while (i < n) {
      switch (state) {
        case STRING: {
          // RFC 8259 §7: "All Unicode characters may be placed within the quotation marks,
          // except for the characters that MUST be escaped: quotation mark, reverse solidus,
          // and the control characters (U+0000 through U+001F)." Plain runs are copied whole.
          const start = i;
          let c = 0;
          while (i < n) {
            c = delta.charCodeAt(i);
            if (c === QUOTE || c === BACKSLASH || c < SPACE) break;
            i++;
          }
          if (i > start) string.appendRun(delta, start, i);
          if (i === n) break;
          if (c === QUOTE) closeString();
          else if (c === BACKSLASH) state = ESCAPE;
          else return fail();
          i++;
          break;
        }
        case ESCAPE: {
          const c = delta.charCodeAt(i);
          const unit = simpleEscape(c);
          if (unit >= 0) {
            string.appendUnit(unit);
            state = STRING;
          } else if (c === 0x75 /* u */) {
            hex = 0;
            hexCount = 0;
            state = UNICODE;
          } else return fail();
          i++;
          break;
        }
        case UNICODE: {
          const digit = hexDigitValue(delta.charCodeAt(i));
          if (digit < 0) return fail();
          hex = hex * 16 + digit;
          i++;
          if (++hexCount === 4) {
            // Each \uXXXX is one UTF-16 code unit; an escaped surrogate pair ("\ud83d\ude00")
            // becomes the pair in the JS string by appending both halves.
            string.appendUnit(hex);
            state = STRING;
          }
          break;
        }
        case NUMBER: {
          const start = i;
          while (i < n) {
            const next = numberStep(numberState, delta.charCodeAt(i));
            if (next === NUMBER_END) break;
            numberState = next;
            i++;
            if (isNumberAccepting(next)) numberValidLength = numberText.length + (i - start);
          }
          if (i > start) numberText += delta.slice(start, i);
          if (i === n) break;
          // The number ends at this character, which is read again as the next token.
          if (!isNumberAccepting(numberState)) return fail();
          place(Number(numberText));
          state = AFTER_VALUE;
          break;
        }
        case LITERAL: {
          if (delta.charCodeAt(i) !== literal.charCodeAt(literalMatched)) return fail();
          i++;
          if (++literalMatched === literal.length) {
            place(literalValue);
            state = AFTER_VALUE;
          }
          break;
        }
        default: {
          // RFC 8259 §2: ws = *( %x20 / %x09 / %x0A / %x0D ), allowed around structural characters.
          const c = delta.charCodeAt(i);
          if (c === SPACE || c === LF || c === CR || c === TAB) {
            i++;
            break;
          }
          const consumed = structural(c);
          if (consumed < 0) return fail();
          i += consumed;
        }
      }
    }
    materialise();
    return root;
  }

  return {
    push,
    finish: () => root,
    get value() {
      return root;
    },
    get complete() {
      if (stack.length > 0) return false;
      return state === AFTER_VALUE || (state === NUMBER && isNumberAccepting(numberState));
    },
    get failed() {
      return state === FAILED;
    },
  };
}
