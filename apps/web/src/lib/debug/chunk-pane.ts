import type { UIMessageChunk } from '@edgechat/core';
import type { ChunkLogView } from '../session/chunk-log.js';

export interface ChunkPane {
  /** Shows `view`, the chunk log of the answer with `count` chunks so far. */
  update(view: ChunkLogView<UIMessageChunk>): void;
}

/**
 * The debug panel's chunk lines, kept in `pre` incrementally: a streaming answer adds a line
 * per chunk, so each frame appends the new lines (and, past the kept head, drops as many from
 * the front of the tail) instead of rewriting hundreds of lines of JSON. Each chunk is
 * turned into JSON once.
 */
export function createChunkPane(
  pre: HTMLElement,
  omittedLine: (count: number) => string,
): ChunkPane {
  const head = document.createTextNode('');
  const marker = document.createTextNode('');
  const tail: Text[] = [];
  let headCount = 0;
  let total = 0;
  /** The first chunk of the answer shown: another one means another answer. */
  let first: UIMessageChunk | undefined;
  pre.replaceChildren(head, marker);

  const line = (chunk: UIMessageChunk) => `${JSON.stringify(chunk)}\n`;

  function appendTail(chunks: readonly UIMessageChunk[]): void {
    for (const chunk of chunks) {
      const node = document.createTextNode(line(chunk));
      pre.append(node);
      tail.push(node);
    }
  }

  function rebuild(view: ChunkLogView<UIMessageChunk>): void {
    head.data = view.head.map(line).join('');
    for (const node of tail.splice(0)) node.remove();
    appendTail(view.tail);
  }

  /** New chunks fill the head first, then the tail, whose oldest lines make room. */
  function grow(view: ChunkLogView<UIMessageChunk>, added: number): void {
    const newInHead = view.head.length - headCount;
    if (newInHead > 0) head.appendData(view.head.slice(headCount).map(line).join(''));
    const newInTail = Math.min(added - newInHead, view.tail.length);
    const dropped = Math.min(tail.length, Math.max(0, tail.length + newInTail - view.tail.length));
    for (const node of tail.splice(0, dropped)) node.remove();
    appendTail(view.tail.slice(view.tail.length - newInTail));
  }

  return {
    update(view) {
      const count = view.head.length + view.omitted + view.tail.length;
      if (view.head[0] !== first || count < total) rebuild(view);
      else if (count > total) grow(view, count - total);
      first = view.head[0];
      headCount = view.head.length;
      total = count;
      const omitted = view.omitted > 0 ? `${omittedLine(view.omitted)}\n` : '';
      if (marker.data !== omitted) marker.data = omitted;
    },
  };
}
