/** An open fenced code block at the end of a streaming answer: its opening line and code so far. */
export interface OpenFence {
  /** The opening fence line, without its newline (what identifies the block). */
  opening: string;
  language: string;
  code: string;
}

/**
 * `markdown` as an open fenced code block (CommonMark §4.5), or undefined: it starts with a
 * fence (after blank lines), and no later line closes it. Such a block only ever grows at its
 * end while it streams, so the view can append its new text instead of parsing it again.
 */
export function openFenceOf(markdown: string): OpenFence | undefined {
  const text = markdown.replace(/^(?:[ \t]*\n)+/, '');
  const match = /^( {0,3})(`{3,}|~{3,})([^\n]*)\n/.exec(text);
  if (match === null) return undefined;
  const [opening, indent = '', fence = '', info = ''] = match;
  // A backtick fence's info string may not contain backticks (it would be inline code).
  if (fence[0] === '`' && info.includes('`')) return undefined;
  // An indented opening fence strips that much indentation from its lines: not worth it here.
  if (indent !== '') return undefined;
  const code = text.slice(opening.length);
  const closing = new RegExp(
    `(?:^|\\n) {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*(?:\\n|$)`,
  );
  if (closing.test(code)) return undefined;
  const language = /^[\w+#.-]+/.exec(info.trim())?.[0] ?? '';
  return { opening: opening.slice(0, -1), language, code };
}
