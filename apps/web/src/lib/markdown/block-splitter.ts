/**
 * Cuts streaming markdown into top-level blocks as it grows, so a renderer can parse each
 * finished block once and re-parse only the last, open one per update (re-parsing the whole
 * message per token is quadratic: open-webui#3620).
 *
 * A block ends at a blank line, *once the next non-blank line shows it does not continue*:
 * - inside a fenced code block (``` or ~~~, CommonMark §4.5) blank lines are content: the block
 *   runs to the closing fence — same character, at least as long, only spaces after it, and
 *   indented at most 3 columns more than the opening fence;
 * - a block that contains a list item continues with an indented line or another list item
 *   (loose lists: CommonMark §5.3), so one list is never cut into several;
 * - an indented code block (§4.4) continues with a line indented 4 columns or more.
 * Splitting where CommonMark would not is what must never happen; keeping a block open longer
 * only costs time, so every doubtful case keeps it open. Known limit: a link reference
 * definition (`[x]: url`) applies only to links in its own block.
 *
 * Work is linear: each line is scanned once, when its newline arrives.
 */
export interface BlockSplitter {
  /**
   * Takes the whole text so far — it must extend the text of the previous call (`reset()`
   * otherwise) — and returns the blocks it completed, in order.
   */
  push(text: string): string[];
  /** The open block: everything after the last completed block. */
  readonly tail: string;
  /** The text is complete: returns the open block if it has content (then starts over). */
  finish(): string[];
  reset(): void;
}

interface Fence {
  char: string;
  length: number;
  column: number;
}

const OPENING_FENCE = /^((?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]))*[ \t]*)(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^([ \t]*)(`{3,}|~{3,})[ \t]*$/;
const LIST_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;

export function createBlockSplitter(): BlockSplitter {
  let text = '';
  /** Start of the first line not scanned yet. */
  let scanned = 0;
  /** Start of the open block (its first content line, or `scanned` while it has none). */
  let blockStart = 0;
  let hasContent = false;
  let hasList = false;
  let indentedCode = false;
  /** End of the block's last content line (before its line end). */
  let contentEnd = 0;
  /** Whether a blank line followed the block's content. */
  let blankSeen = false;
  let fence: Fence | undefined;

  function reset(): void {
    text = '';
    scanned = 0;
    blockStart = 0;
    hasContent = false;
    hasList = false;
    indentedCode = false;
    contentEnd = 0;
    blankSeen = false;
    fence = undefined;
  }

  function startBlock(at: number): void {
    blockStart = at;
    hasContent = false;
    hasList = false;
    indentedCode = false;
    blankSeen = false;
  }

  function continuesAfterBlank(line: string): boolean {
    if (hasList) return /^[ \t]/.test(line) || LIST_ITEM.test(line);
    if (indentedCode) return columns(line) >= 4;
    return false;
  }

  /** Scans one line (without its line ending); returns a completed block, if any. */
  function scanLine(line: string, start: number, next: number): string | undefined {
    const end = start + line.length;
    if (fence !== undefined) {
      contentEnd = end;
      const close = CLOSING_FENCE.exec(line);
      if (
        close !== null &&
        close[2]?.[0] === fence.char &&
        (close[2]?.length ?? 0) >= fence.length &&
        columns(close[1] ?? '') <= fence.column + 3
      ) {
        fence = undefined;
      }
      return undefined;
    }
    if (BLANK.test(line)) {
      if (hasContent) blankSeen = true;
      else blockStart = next;
      return undefined;
    }
    let completed: string | undefined;
    if (hasContent && blankSeen) {
      if (continuesAfterBlank(line)) {
        blankSeen = false;
      } else {
        completed = text.slice(blockStart, contentEnd);
        startBlock(start);
      }
    }
    contentEnd = end;
    if (!hasContent) {
      hasContent = true;
      indentedCode = columns(line) >= 4;
    }
    if (!indentedCode && LIST_ITEM.test(line)) hasList = true;
    const open = indentedCode ? null : OPENING_FENCE.exec(line);
    // CommonMark §4.5: a backtick fence's info string may not contain a backtick.
    if (open !== null && !(open[2]?.[0] === '`' && open[3]?.includes('`'))) {
      const marker = open[2] ?? '```';
      fence = { char: marker[0] ?? '`', length: marker.length, column: columns(open[1] ?? '') };
    }
    return completed;
  }

  /**
   * After a blank line, the first characters of the next line often settle whether the block
   * continues, before that line's newline arrives: anything after a paragraph, table, heading…
   * starts a new block; after a list or indented code only an indented line (or, for a list,
   * a possible list marker) can continue it.
   */
  function decideEarly(): string | undefined {
    if (fence !== undefined || !hasContent || !blankSeen || scanned >= text.length)
      return undefined;
    const first = text[scanned] as string;
    if (first === ' ' || first === '\t' || first === '\r') return undefined;
    if (hasList && /[-*+0-9]/.test(first)) return undefined;
    const completed = text.slice(blockStart, contentEnd);
    startBlock(scanned);
    return completed;
  }

  return {
    push(next) {
      text = next;
      const completed: string[] = [];
      for (;;) {
        const newline = text.indexOf('\n', scanned);
        if (newline < 0) break;
        const end =
          newline > scanned && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        const block = scanLine(text.slice(scanned, end), scanned, newline + 1);
        scanned = newline + 1;
        if (block !== undefined) completed.push(block);
      }
      const early = decideEarly();
      if (early !== undefined) completed.push(early);
      return completed;
    },
    get tail() {
      return text.slice(blockStart);
    },
    finish() {
      const completed: string[] = [];
      // The last line has no newline, but it is complete now: judge it like the others.
      if (scanned < text.length) {
        const block = scanLine(text.slice(scanned), scanned, text.length);
        if (block !== undefined) completed.push(block);
      }
      const last = text.slice(blockStart);
      if (last.trim() !== '') completed.push(last);
      reset();
      return completed;
    },
    reset,
  };
}

/** Width of the leading whitespace, tabs to the next multiple of 4 (CommonMark §2.2). */
function columns(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}
