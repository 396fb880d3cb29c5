import type { UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { ChunkLog } from '../session/chunk-log.js';
import { createChunkPane } from './chunk-pane.js';

const delta = (n: number): UIMessageChunk => ({ type: 'text-delta', id: 't', delta: `w${n}` });
const lines = (chunks: UIMessageChunk[]) => chunks.map((chunk) => `${JSON.stringify(chunk)}\n`);

describe('createChunkPane', () => {
  it('shows the same lines as a fresh render after every chunk, touching only the new ones', () => {
    const pre = document.createElement('pre');
    const pane = createChunkPane(pre, (count) => `… ${count} not kept …`);
    const log = new ChunkLog<UIMessageChunk>(3);
    const all: UIMessageChunk[] = [];
    const firstNodes: ChildNode[] = [];
    for (let n = 0; n < 10; n++) {
      const chunk = delta(n);
      all.push(chunk);
      log.push(chunk);
      pane.update(log.view());
      const view = log.view();
      const expected = [
        ...lines([...view.head]),
        view.omitted > 0 ? `… ${view.omitted} not kept …\n` : '',
        ...lines([...view.tail]),
      ].join('');
      expect(pre.textContent).toBe(expected);
      if (n === 0) firstNodes.push(...pre.childNodes);
    }
    // The head's text node and the marker stay the same nodes all along.
    expect([...pre.childNodes].slice(0, 2)).toEqual(firstNodes.slice(0, 2));
    expect(pre.textContent).toBe(
      [...lines(all.slice(0, 3)), '… 4 not kept …\n', ...lines(all.slice(7))].join(''),
    );
  });

  it('starts over for another answer', () => {
    const pre = document.createElement('pre');
    const pane = createChunkPane(pre, () => '');
    pane.update({ head: [delta(1), delta(2)], omitted: 0, tail: [] });
    pane.update({ head: [delta(9)], omitted: 0, tail: [] });
    expect(pre.textContent).toBe(lines([delta(9)]).join(''));
    pane.update({ head: [], omitted: 0, tail: [] });
    expect(pre.textContent).toBe('');
  });
});
