/**
 * Caps how deeply markdown can nest before it reaches the parser. marked parses containers
 * (block quotes, list items) by recursion, one level per marker: about 2 KB of `>` or of
 * `- ` on one line overflows the stack, and a list nested by indentation a few thousand lines
 * deep takes minutes. No real answer nests that deep, so per line:
 * - container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) beyond `maxDepth` are dropped: the text
 *   after them stays, at the deepest level kept;
 * - indentation beyond `maxIndent` columns is cut to `maxIndent`.
 * Lines inside a fenced code block (at the top level) are code and left alone.
 */
export const MAX_NESTING_DEPTH = 20;
export const MAX_INDENT_COLUMNS = 40;

// CommonMark §5.1 and §5.2: up to three spaces, then `>` and an optional space, or a bullet
// or ordinal followed by whitespace (a marker at the end of the line starts an empty item,
// which cannot nest further).
const CONTAINER_MARKER = /[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)/y;
const LEADING_SPACE = /^[ \t]*/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function capNesting(
  markdown: string,
  maxDepth = MAX_NESTING_DEPTH,
  maxIndent = MAX_INDENT_COLUMNS,
): string {
  let fence: string | undefined;
  let changed = false;
  const lines = markdown.split('\n').map((line) => {
    const opening = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length) {
        if (/^[ \t]*$/.test(line.slice(line.indexOf(opening) + opening.length))) fence = undefined;
      }
      return line;
    }
    if (opening !== undefined) {
      // A backtick fence's info string may not contain a backtick (§4.5): then it is no fence.
      if (opening[0] !== '`' || !line.slice(opening.length).includes('`')) fence = opening;
      return line;
    }
    const capped = capLine(line, maxDepth, maxIndent);
    if (capped !== line) changed = true;
    return capped;
  });
  return changed ? lines.join('\n') : markdown;
}

function capLine(line: string, maxDepth: number, maxIndent: number): string {
  const indent = LEADING_SPACE.exec(line)?.[0] ?? '';
  let start = indent.length;
  let head = columns(indent) > maxIndent ? ' '.repeat(maxIndent) : indent;
  let kept = start;
  let depth = 0;
  CONTAINER_MARKER.lastIndex = start;
  for (let match = CONTAINER_MARKER.exec(line); match !== null;) {
    depth++;
    const end = start + match[0].length;
    if (depth <= maxDepth) kept = end;
    start = end;
    match = CONTAINER_MARKER.exec(line);
  }
  if (depth <= maxDepth && head === indent) return line;
  head += line.slice(indent.length, kept);
  // `>>> x` cut to `>> x`, not `>>x`: the space that ended the markers stays.
  const space = /[ \t]+$/.exec(line.slice(kept, start))?.[0] ?? '';
  return head + (/[ \t]$/.test(head) ? '' : space) + line.slice(start);
}

/** Width of leading whitespace; a tab advances to the next multiple of 4 (§2.2). */
function columns(space: string): number {
  let width = 0;
  for (const char of space) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}
