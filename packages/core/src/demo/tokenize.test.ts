import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeArguments, tokenizeText } from './tokenize.js';

describe('tokenizeText', () => {
  it('cuts words with their trailing spaces, long words in 8-character pieces', () => {
    expect(tokenizeText('  Hi there,\n\nOPENAI_API_KEY=sk 서울은 😀😀')).toEqual([
      '  ',
      'Hi ',
      'there,\n\n',
      'OPENAI_A',
      'PI_KEY=s',
      'k ',
      '서울은 ',
      '😀😀',
    ]);
    expect(tokenizeText('')).toEqual([]);
  });

  it('never cuts a surrogate pair', () => {
    expect(tokenizeText('😀'.repeat(9))).toEqual(['😀'.repeat(8), '😀']);
  });

  it('joins back to the text, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(tokenizeText(text).join('')).toBe(text);
      }),
    );
  });
});

describe('tokenizeArguments', () => {
  it('cuts JSON into punctuation runs and pieces of up to 4 characters', () => {
    expect(tokenizeArguments('{"timezone":"Asia/Seoul"}')).toEqual([
      '{"',
      'time',
      'zone',
      '":"',
      'Asia',
      '/Seo',
      'ul',
      '"}',
    ]);
    expect(tokenizeArguments('')).toEqual([]);
  });

  it('joins back to the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value);
        expect(tokenizeArguments(json).join('')).toBe(json);
      }),
    );
  });
});
