import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createThinkTagSplitter, type ThinkPieceKind } from './think-tags.js';

type Piece = [ThinkPieceKind, string];

/** Runs the splitter over `pieces`; joins consecutive output of one kind. */
function split(pieces: string[]): Piece[] {
  const out: Piece[] = [];
  const emit = (kind: ThinkPieceKind, text: string): void => {
    expect(text).not.toBe('');
    const last = out.at(-1);
    if (last?.[0] === kind) last[1] += text;
    else out.push([kind, text]);
  };
  const splitter = createThinkTagSplitter();
  for (const piece of pieces) splitter.push(piece, emit);
  splitter.flush(emit);
  return out;
}

function cutAt(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

const cases: [string, string, Piece[]][] = [
  [
    'a leading think block (newlines after both tags dropped)',
    '<think>\nThe user wants 2+2.\n</think>\n\nIt is **4**.',
    [
      ['reasoning', 'The user wants 2+2.'],
      ['text', 'It is **4**.'],
    ],
  ],
  [
    'whitespace before the tag',
    '\n  <think>hmm</think>ok',
    [
      ['reasoning', 'hmm'],
      ['text', 'ok'],
    ],
  ],
  ['no tag: all text, leading whitespace kept', '  Hello <think>', [['text', '  Hello <think>']]],
  [
    'a later <think> is the answer’s own text',
    '<think>a</think>Use <think> and </think> tags.',
    [
      ['reasoning', 'a'],
      ['text', 'Use <think> and </think> tags.'],
    ],
  ],
  [
    'cut inside the reasoning: all of it is reasoning',
    '<think>still going </th',
    [['reasoning', 'still going </th']],
  ],
  ['an empty think block', '<think></think>\nAnswer', [['text', 'Answer']]],
  ['only the start of a tag', '<thi', [['text', '<thi']]],
  ['a near miss of the tag', '<thinking>x', [['text', '<thinking>x']]],
  ['only whitespace', ' \n', [['text', ' \n']]],
  [
    'whitespace inside the reasoning is kept',
    '<think>a \n b\n\n</think>c',
    [
      ['reasoning', 'a \n b'],
      ['text', 'c'],
    ],
  ],
  ['cut inside the reasoning after whitespace', '<think>a  ', [['reasoning', 'a']]],
  [
    'Korean and emoji across the tags',
    '<think>생각 🤔</think>답: 4',
    [
      ['reasoning', '생각 🤔'],
      ['text', '답: 4'],
    ],
  ],
  [
    'a `<` inside the reasoning that is not the close tag',
    '<think>a </b> <</think>b',
    [
      ['reasoning', 'a </b> <'],
      ['text', 'b'],
    ],
  ],
];

describe('createThinkTagSplitter', () => {
  test.each(cases)('%s: whole', (_name, text, expected) => {
    expect(split([text])).toEqual(expected);
  });

  test.each(cases)(
    '%s: cut at every position, and into single characters',
    (_name, text, expected) => {
      for (let offset = 0; offset <= text.length; offset++) {
        expect(split([text.slice(0, offset), text.slice(offset)])).toEqual(expected);
      }
      expect(split([...text])).toEqual(expected);
    },
  );

  test('cut at random positions: the same pieces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.array(fc.nat(), { maxLength: 12 }),
        ([, text, expected], offsets) => {
          expect(split(cutAt(text, offsets))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('text goes out as it arrives once it cannot be a tag; reasoning holds back only a possible close tag and the whitespace before it', () => {
    const out: Piece[] = [];
    const splitter = createThinkTagSplitter();
    const emit = (kind: ThinkPieceKind, text: string): void => void out.push([kind, text]);
    splitter.push('<think>one </', emit);
    expect(out).toEqual([['reasoning', 'one']]);
    splitter.push('b> two', emit);
    expect(out).toEqual([
      ['reasoning', 'one'],
      ['reasoning', ' </b> two'],
    ]);
    splitter.push('</think>An', emit);
    splitter.push('swer', emit);
    expect(out.slice(2)).toEqual([
      ['text', 'An'],
      ['text', 'swer'],
    ]);
  });
});
