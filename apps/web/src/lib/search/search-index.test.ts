import { describe, expect, it } from 'vitest';
import { createSearchIndex, highlightSegments, type SearchDocument } from './search-index.js';

function indexOf(documents: Record<string, SearchDocument>) {
  const reads: string[] = [];
  const index = createSearchIndex((id) => {
    reads.push(id);
    return documents[id];
  });
  return { index, reads, ids: Object.keys(documents) };
}

const DOCUMENTS: Record<string, SearchDocument> = {
  a: { title: 'Time in Seoul', text: 'What time is it in Seoul? It is 09:15 in Seoul.' },
  b: { title: 'Debounce', text: 'Show a TypeScript debounce function.\n\nHere is one: …' },
  c: { title: '서울 날씨', text: '서울이랑 뉴욕 지금 몇 시야? 서울은 오전 9시입니다.' },
};

describe('createSearchIndex', () => {
  it('matches titles case-insensitively, with every occurrence marked', () => {
    const { index, ids } = indexOf(DOCUMENTS);
    expect(index.search('SEOUL', ids)).toEqual([
      { id: 'a', title: 'Time in Seoul', titleRanges: [[8, 13]] },
    ]);
  });

  it('matches the text with a snippet around the first match, and Korean like any text', () => {
    const { index, ids } = indexOf(DOCUMENTS);
    expect(index.search('typescript', ids)).toEqual([
      {
        id: 'b',
        title: 'Debounce',
        titleRanges: [],
        snippet: { text: 'Show a TypeScript debounce function. Here is one: …', ranges: [[7, 17]] },
      },
    ]);
    expect(index.search('뉴욕', ids)).toEqual([
      {
        id: 'c',
        title: '서울 날씨',
        titleRanges: [],
        snippet: { text: '서울이랑 뉴욕 지금 몇 시야? 서울은 오전 9시입니다.', ranges: [[5, 7]] },
      },
    ]);
  });

  it('needs every word, in the title or the text; a blank query keeps everything in order', () => {
    const { index, ids } = indexOf(DOCUMENTS);
    expect(
      index.search('seoul 09:15', ids).map((hit) => [hit.id, hit.titleRanges, hit.snippet]),
    ).toEqual([
      [
        'a',
        [[8, 13]],
        {
          text: 'What time is it in Seoul? It is 09:15 in Seoul.',
          ranges: [
            [19, 24],
            [32, 37],
            [41, 46],
          ],
        },
      ],
    ]);
    expect(index.search('seoul tokyo', ids)).toEqual([]);
    expect(index.search('   ', ['c', 'a']).map((hit) => hit.id)).toEqual(['c', 'a']);
  });

  it('cuts a long text around the match', () => {
    const text = `${'word '.repeat(100)}needle ${'more '.repeat(100)}`;
    const { index } = indexOf({ x: { title: 't', text } });
    const [hit] = index.search('needle', ['x']);
    expect(hit?.snippet?.text).toBe(`…${'word '.repeat(6)}needle ${'more '.repeat(13)}more…`);
    expect(hit?.snippet?.ranges).toEqual([[31, 37]]);
  });

  it('reads a conversation once until it changes', () => {
    const documents = { ...DOCUMENTS };
    const { index, reads, ids } = indexOf(documents);
    index.search('s', ids);
    index.search('se', ids);
    documents.b = { title: 'Debounce', text: 'Now about Seoul too' };
    index.invalidate('b');
    expect(index.search('seoul', ids).map((hit) => hit.id)).toEqual(['a', 'b']);
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('skips conversations it cannot read, and does not mark what folding moved', () => {
    const { index } = indexOf({ i: { title: 'İstanbul', text: '' } });
    expect(index.search('i̇stanbul', ['i', 'gone'])).toEqual([
      { id: 'i', title: 'İstanbul', titleRanges: [] },
    ]);
  });
});

describe('highlightSegments', () => {
  it('cuts text into plain and matched pieces', () => {
    expect(highlightSegments('Time in Seoul', [[8, 13]])).toEqual([
      { text: 'Time in ', match: false },
      { text: 'Seoul', match: true },
    ]);
    expect(
      highlightSegments('abcabc', [
        [0, 3],
        [1, 4],
        [3, 6],
      ]),
    ).toEqual([
      { text: 'abc', match: true },
      { text: 'abc', match: true },
    ]);
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', match: false }]);
  });
});
