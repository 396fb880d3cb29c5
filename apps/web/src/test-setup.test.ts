import { describe, expect, it } from 'vitest';

describe('test DOM (happy-dom + test-setup shims)', () => {
  it('a NodeIterator keeps going after removing the node it is on', () => {
    const div = document.createElement('div');
    div.innerHTML = '<span>a</span><img><b><i>x</i></b><span id="z">f</span>';
    const iterator = document.createNodeIterator(div, NodeFilter.SHOW_ELEMENT, null);
    const seen: string[] = [];
    for (let node = iterator.nextNode(); node !== null; node = iterator.nextNode()) {
      seen.push(node.nodeName);
      if (node.nodeName === 'IMG' || node.nodeName === 'B') (node as Element).remove();
    }
    expect(seen).toEqual(['DIV', 'SPAN', 'IMG', 'B', 'SPAN']);
  });

  it('Node.prototype.nodeName reads like a browser', () => {
    const getter = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName')?.get;
    expect(
      [document.createElement('p'), document.createTextNode('t')].map((n) => getter?.call(n)),
    ).toEqual(['P', '#text']);
  });
});
