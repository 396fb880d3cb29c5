/** Where a query matched, as [start, end) offsets into the string shown. */
export type Range = readonly [start: number, end: number];

export interface SearchHit {
  id: string;
  /** The title, and the parts of it that matched (empty if none did). */
  title: string;
  titleRanges: Range[];
  /** A piece of the conversation's text around the first match, when the title alone does not match. */
  snippet?: { text: string; ranges: Range[] };
}

export interface SearchDocument {
  title: string;
  /** All the text of the conversation, in order. */
  text: string;
}

export interface SearchIndex {
  /** The conversation changed: its text is read again (lazily, at the next search). */
  invalidate(id: string): void;
  remove(id: string): void;
  /**
   * The conversations (of `ids`, in that order) that contain every word of `query` in their
   * title or text, case-insensitively; all of them for a blank query.
   */
  search(query: string, ids: readonly string[]): SearchHit[];
}

interface Entry {
  title: Folded;
  text: Folded;
}

/** A string as shown (NFC, whitespace collapsed) and folded for matching. */
interface Folded {
  shown: string;
  folded: string;
  /** Folding kept every offset (true but for rare letters like 'İ'): ranges map back. */
  aligned: boolean;
}

const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 110;

/**
 * Search over all conversations, fast enough per keystroke for hundreds of them: each one's
 * text is extracted and folded once, when it is first searched after a change, so typing
 * costs only the substring scans. `read` gives a conversation's current title and text.
 */
export function createSearchIndex(read: (id: string) => SearchDocument | undefined): SearchIndex {
  const entries = new Map<string, Entry>();

  function entry(id: string): Entry | undefined {
    let found = entries.get(id);
    if (found === undefined) {
      const document = read(id);
      if (document === undefined) return undefined;
      found = { title: fold(document.title), text: fold(document.text) };
      entries.set(id, found);
    }
    return found;
  }

  return {
    invalidate(id) {
      entries.delete(id);
    },
    remove(id) {
      entries.delete(id);
    },
    search(query, ids) {
      const words = fold(query)
        .folded.split(' ')
        .filter((word) => word !== '');
      const hits: SearchHit[] = [];
      for (const id of ids) {
        const found = entry(id);
        if (found === undefined) continue;
        const hit = match(id, found, words);
        if (hit !== undefined) hits.push(hit);
      }
      return hits;
    },
  };
}

function match(id: string, { title, text }: Entry, words: string[]): SearchHit | undefined {
  const titleRanges: Range[] = [];
  let firstInText = -1;
  let firstWord = '';
  for (const word of words) {
    const inTitle = title.folded.indexOf(word);
    if (inTitle !== -1) {
      titleRanges.push(...occurrences(title, word));
      continue;
    }
    const inText = text.folded.indexOf(word);
    if (inText === -1) return undefined;
    if (firstInText === -1 || inText < firstInText) {
      firstInText = inText;
      firstWord = word;
    }
  }
  titleRanges.sort((a, b) => a[0] - b[0]);
  const hit: SearchHit = { id, title: title.shown, titleRanges };
  if (firstInText !== -1) hit.snippet = snippet(text, firstInText, firstWord, words);
  return hit;
}

function snippet(text: Folded, at: number, word: string, words: string[]): SearchHit['snippet'] {
  let start = Math.max(0, at - SNIPPET_BEFORE);
  // Cut at word boundaries (unless the text has none nearby, as in CJK without spaces).
  if (start > 0) {
    const space = text.shown.lastIndexOf(' ', start);
    if (space === -1) start = start <= 15 ? 0 : start;
    else if (at - space <= SNIPPET_BEFORE + 15) start = space + 1;
  }
  let end = Math.min(text.shown.length, Math.max(start + SNIPPET_LENGTH, at + word.length));
  if (end < text.shown.length) {
    const space = text.shown.lastIndexOf(' ', end);
    if (space > at + word.length && end - space <= 15) end = space;
  }
  const piece: Folded = {
    shown: text.shown.slice(start, end),
    folded: text.folded.slice(start, end),
    aligned: text.aligned,
  };
  const ranges = words.flatMap((each) => occurrences(piece, each)).sort((a, b) => a[0] - b[0]);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.shown.length ? '…' : '';
  return {
    text: `${prefix}${piece.shown}${suffix}`,
    ranges: ranges.map(([from, to]) => [from + prefix.length, to + prefix.length] as const),
  };
}

function occurrences(target: Folded, word: string): Range[] {
  if (!target.aligned) return [];
  const ranges: Range[] = [];
  for (
    let at = target.folded.indexOf(word);
    at !== -1;
    at = target.folded.indexOf(word, at + word.length)
  ) {
    ranges.push([at, at + word.length]);
  }
  return ranges;
}

function fold(text: string): Folded {
  const shown = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = shown.toLowerCase();
  return { shown, folded, aligned: folded.length === shown.length };
}

/** `text` cut into plain and matched pieces, for rendering with `<mark>` (never as HTML). */
export function highlightSegments(
  text: string,
  ranges: readonly Range[],
): { text: string; match: boolean }[] {
  const segments: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue; // overlapping matches of two words: the first one wins
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
