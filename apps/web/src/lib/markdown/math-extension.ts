import type { MarkedExtension, Tokens } from 'marked';

/** A formula as marked hands it to the renderer. */
export interface MathToken extends Tokens.Generic {
  type: 'math' | 'mathBlock';
  raw: string;
  tex: string;
  display: boolean;
}

// The delimiters people and models write. `$…$` follows Pandoc's rule so that prices stay
// text ("$5 and $10"): the opening `$` is followed by a non-space, the closing one preceded by
// a non-space and not followed by a digit. `$$…$$` and `\[…\]` are display math anywhere;
// `\(…\)` is inline. A backslash-escaped `\$` is a dollar sign.
const DISPLAY_DOLLARS = /^\$\$([\s\S]+?)\$\$/;
const DISPLAY_BRACKETS = /^\\\[([\s\S]+?)\\\]/;
const INLINE_PARENS = /^\\\(([\s\S]+?)\\\)/;
const INLINE_DOLLAR = /^\$(?![\s$])((?:\\.|[^\\$\n])*?[^\s\\])\$(?!\d)/;
// A display formula on lines of its own is a block (it may span lines, not paragraphs).
const BLOCK = /^ {0,3}(\$\$|\\\[)[ \t]*\n?([\s\S]+?)\n?[ \t]*(\$\$|\\\])[ \t]*(?:\n|$)/;

function token(raw: string, tex: string, display: boolean): MathToken | undefined {
  const trimmed = tex.trim();
  if (trimmed === '') return undefined;
  return { type: 'math', raw, tex: trimmed, display };
}

/**
 * Formulas as `<span class="math …">TeX</span>`: the TeX stays text (escaped) in the sanitised
 * HTML, and `typesetMath` turns it into KaTeX once the fragment exists, so no TeX ever passes
 * through the HTML sanitiser as markup. Code spans and blocks are tokenized before this, so
 * `$` in code stays code.
 */
export function mathExtension(escape: (text: string) => string): MarkedExtension {
  return {
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src) => src.match(/(?:^|\n) {0,3}(?:\$\$|\\\[)/)?.index,
        tokenizer(src) {
          const match = BLOCK.exec(src);
          if (match === null) return undefined;
          const [raw, open, tex = '', close] = match;
          if ((open === '$$') !== (close === '$$')) return undefined;
          const math = token(raw, tex, true);
          return math === undefined ? undefined : { ...math, type: 'mathBlock' };
        },
        renderer: (math) => `<p>${render(math as MathToken, escape)}</p>\n`,
      },
      {
        name: 'math',
        level: 'inline',
        start: (src) => src.match(/\$|\\[([]/)?.index,
        tokenizer(src) {
          let match = DISPLAY_DOLLARS.exec(src) ?? DISPLAY_BRACKETS.exec(src);
          if (match !== null) return token(match[0], match[1] ?? '', true);
          match = INLINE_PARENS.exec(src) ?? INLINE_DOLLAR.exec(src);
          if (match !== null) return token(match[0], match[1] ?? '', false);
          return undefined;
        },
        renderer: (math) => render(math as MathToken, escape),
      },
    ],
  };
}

function render(math: MathToken, escape: (text: string) => string): string {
  return `<span class="math ${math.display ? 'math-display' : 'math-inline'}">${escape(math.tex)}</span>`;
}
