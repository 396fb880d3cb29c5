/** The decoded text of a JSON string that is still being read, appended to piece by piece. */
export interface OpenString {
  /** Starts a new, empty string. */
  reset(): void;
  /** Appends the characters `source[start..end)` (start < end) as they are. */
  appendRun(source: string, start: number, end: number): void;
  /** Appends one UTF-16 code unit, e.g. from an escape. */
  appendUnit(unit: number): void;
  /**
   * The text so far, except a trailing high surrogate whose low half has not arrived yet —
   * so a partial value never ends in half a character (`"\ud83d` shows as `''`, not `'\ud83d'`).
   */
  partial(): string;
  /** The whole text, for when the closing quote has been read. */
  close(): string;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Creates the accumulator of one open string. Appends use `+=`, which engines keep as a rope,
 * so an append costs O(piece) and nothing here reads characters back. The held-back high
 * surrogate is kept apart rather than sliced off the text: slicing a rope flattens it, which
 * would make every push O(string length).
 */
export function createOpenString(): OpenString {
  let text = '';
  let pendingHigh = '';

  return {
    reset() {
      text = '';
      pendingHigh = '';
    },
    appendRun(source, start, end) {
      text += pendingHigh;
      if (isHighSurrogate(source.charCodeAt(end - 1))) {
        if (end - 1 > start) text += source.slice(start, end - 1);
        pendingHigh = source.charAt(end - 1);
      } else {
        text += source.slice(start, end);
        pendingHigh = '';
      }
    },
    appendUnit(unit) {
      text += pendingHigh;
      const char = String.fromCharCode(unit);
      if (isHighSurrogate(unit)) pendingHigh = char;
      else {
        text += char;
        pendingHigh = '';
      }
    },
    partial: () => text,
    close() {
      text += pendingHigh;
      pendingHigh = '';
      return text;
    },
  };
}
