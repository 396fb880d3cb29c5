import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { createBlockSplitter } from './block-splitter.js';

/** Feeds `text` in pieces of `step` characters; returns every block, the tail last. */
function split(text: string, step = text.length): { blocks: string[]; tails: string[] } {
  const splitter = createBlockSplitter();
  const blocks: string[] = [];
  const tails: string[] = [];
  for (let end = step; end < text.length + step; end += step) {
    blocks.push(...splitter.push(text.slice(0, end)));
    tails.push(splitter.tail);
  }
  blocks.push(...splitter.finish());
  return { blocks, tails };
}

const FENCE = '```';

describe('createBlockSplitter', () => {
  it('cuts at blank lines once the next block starts, and finishes the last one', () => {
    const splitter = createBlockSplitter();
    expect(splitter.push('# Title\n\nFirst para')).toEqual(['# Title']);
    expect(splitter.tail).toBe('First para');
    expect(splitter.push('# Title\n\nFirst paragraph.\n\n')).toEqual([]);
    expect(splitter.tail).toBe('First paragraph.\n\n');
    expect(splitter.push('# Title\n\nFirst paragraph.\n\nSecond')).toEqual(['First paragraph.']);
    expect(splitter.tail).toBe('Second');
    expect(splitter.finish()).toEqual(['Second']);
  });

  it('keeps a fenced code block with blank lines in one block, whatever the fence', () => {
    const text = [
      'Intro',
      '',
      `${FENCE}ts`,
      'const a = 1;',
      '',
      '',
      'const b = 2;',
      `${FENCE}`,
      '',
      '~~~~',
      'x',
      '',
      '~~~', // too short: content
      '',
      '~~~~~  ',
      '',
      'After',
    ].join('\n');
    expect(split(text).blocks).toEqual([
      'Intro',
      `${FENCE}ts\nconst a = 1;\n\n\nconst b = 2;\n${FENCE}`,
      '~~~~\nx\n\n~~~\n\n~~~~~  ',
      'After',
    ]);
  });

  it('does not close a fence with the other character, an info string, or 4+ more columns', () => {
    const text = `${FENCE}\na\n\n~~~\n\n${FENCE} js\n\n    ${FENCE}\n\n${FENCE}\n\nend`;
    expect(split(text).blocks).toEqual([
      `${FENCE}\na\n\n~~~\n\n${FENCE} js\n\n    ${FENCE}\n\n${FENCE}`,
      'end',
    ]);
  });

  it('an unclosed fence keeps everything after it open', () => {
    const { blocks, tails } = split(`a\n\n${FENCE}py\nx = 1\n\n\ny = 2\n`, 1);
    expect(tails.at(-1)).toBe(`${FENCE}py\nx = 1\n\n\ny = 2\n`);
    expect(blocks).toEqual(['a', `${FENCE}py\nx = 1\n\n\ny = 2\n`]);
  });

  it('a backtick line whose info string has a backtick is not a fence', () => {
    expect(split('``` a ` b\n\nnext').blocks).toEqual(['``` a ` b', 'next']);
  });

  it('waits for the line start that decides whether a list or indented code continues', () => {
    const list = createBlockSplitter();
    expect(list.push('- a\n\n')).toEqual([]);
    expect(list.push('- a\n\n1')).toEqual([]); // could be "1. item"
    expect(list.push('- a\n\n1 ')).toEqual([]);
    expect(list.push('- a\n\n1 apple\n')).toEqual(['- a']);
    const code = createBlockSplitter();
    expect(code.push('    x\n\n  ')).toEqual([]);
    expect(code.push('    x\n\nDone')).toEqual(['    x']);
  });

  it('keeps a loose list together: indented continuations and further items', () => {
    const text = '1. one\n\n   more of one\n\n2. two\n\n- other list\n\nParagraph';
    expect(split(text).blocks).toEqual([
      '1. one\n\n   more of one\n\n2. two\n\n- other list',
      'Paragraph',
    ]);
  });

  it('a list that starts after a paragraph line still continues', () => {
    expect(split('Items:\n- a\n\n  still a\n\nafter').blocks).toEqual([
      'Items:\n- a\n\n  still a',
      'after',
    ]);
  });

  it('a fence inside a list item spans blank lines', () => {
    const text = `- step\n  ${FENCE}sh\n  ls\n\n  pwd\n  ${FENCE}\n\nDone`;
    expect(split(text).blocks).toEqual([`- step\n  ${FENCE}sh\n  ls\n\n  pwd\n  ${FENCE}`, 'Done']);
  });

  it('keeps an indented code block with blank lines together', () => {
    expect(split('    a\n\n    b\n\nc').blocks).toEqual(['    a\n\n    b', 'c']);
  });

  it('handles CRLF line ends and skips leading blank lines', () => {
    expect(split('\r\n\r\nA\r\n\r\nB\r\n').blocks).toEqual(['A', 'B\r\n']);
  });

  it('gives the same blocks whatever the chunking, each exactly once', () => {
    const text = CORPUS.join('\n\n');
    const whole = split(text).blocks;
    for (const step of [1, 2, 3, 7, 64]) expect(split(text, step).blocks).toEqual(whole);
  });

  it('blocks rendered one by one give the HTML of the whole text (marked, GFM)', () => {
    const marked = new Marked({ gfm: true, async: false });
    const render = (markdown: string) => marked.parse(markdown, { async: false });
    for (const sample of CORPUS) {
      const text = `${sample}\n\nA closing paragraph.`;
      expect(split(text, 5).blocks.map(render).join('')).toBe(render(text));
    }
  });

  it('rescans from scratch after reset()', () => {
    const splitter = createBlockSplitter();
    splitter.push('a\n\nb\n\nc');
    splitter.reset();
    expect(splitter.push('x\n\ny\n')).toEqual(['x']);
    expect(splitter.tail).toBe('y\n');
  });

  it('finish() with only blank text completes nothing', () => {
    const splitter = createBlockSplitter();
    splitter.push('\n\n  \n');
    expect(splitter.finish()).toEqual([]);
  });
});

const CORPUS = [
  '# Heading\n\nSome *emphasis* and **strong** text with `code`.',
  'Setext heading\n==============\n\nText',
  '- a\n- b\n  - nested\n\n- loose item\n\n  with a paragraph',
  '1. first\n2. second\n\n   continued\n\n3. third',
  '| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |',
  `${FENCE}js\nfunction f() {\n\n  return 1;\n}\n${FENCE}`,
  `~~~\ncode\n\n\nmore\n~~~`,
  '> quote\n> more\n\n> another quote',
  '    indented code\n\n    still code',
  '---\n\nAfter a rule',
  `- item with code:\n\n  ${FENCE}\n  a\n\n  b\n  ${FENCE}\n- next`,
  'Line one  \nline two (hard break)',
  '[link](https://example.com) and <https://auto.example>',
  '- [x] done\n- [ ] todo',
  `${FENCE}\nunclosed fence\n\nwith blank lines`,
];
