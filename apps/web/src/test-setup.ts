// happy-dom quirk: `Node.prototype.nodeName`'s getter returns '' for elements (the real value
// comes from an override on `Element.prototype`). DOMPurify 3.4 reads `nodeName` through the
// `Node.prototype` getter — so that clobbered properties cannot fool it — and under happy-dom
// it would then see every element as tagless. Browsers are fine; this makes the test DOM
// behave like them by dispatching to the most derived getter.
const base = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');
if (base?.get !== undefined && document.createElement('p').nodeName === 'P') {
  const baseGet = base.get;
  Object.defineProperty(Node.prototype, 'nodeName', {
    configurable: true,
    get(this: Node): string {
      for (
        let proto = Object.getPrototypeOf(this);
        proto !== null && proto !== Node.prototype;
        proto = Object.getPrototypeOf(proto)
      ) {
        const own = Object.getOwnPropertyDescriptor(proto, 'nodeName');
        if (own?.get !== undefined) return own.get.call(this) as string;
      }
      return baseGet.call(this) as string;
    },
  });
}

// happy-dom quirk 2: its NodeIterator stops when the node it returned last is removed (a real
// NodeIterator moves its reference to the node before it: DOM §6.1 "removing steps"). DOMPurify
// walks with a NodeIterator while removing nodes, so under happy-dom everything after the first
// removed element would go unchecked — a sanitiser test would pass for the wrong reason. This
// iterator keeps, with each node it returns, the node before it in document order, and resumes
// from there when the node is gone: what the spec's removing steps amount to for a walker that
// only ever removes the node it is on (DOMPurify's pattern).
const nodeIterator = function createNodeIterator(
  root: Node,
  whatToShow = 0xffffffff,
  filter: NodeFilter | null = null,
): NodeIterator {
  let current: Node | null = null;
  let before: Node | null = null;
  const following = (node: Node): Node | null => {
    if (node.firstChild !== null) return node.firstChild;
    for (let at: Node | null = node; at !== null && at !== root; at = at.parentNode) {
      if (at.nextSibling !== null) return at.nextSibling;
    }
    return null;
  };
  const preceding = (node: Node): Node => {
    let at = node.previousSibling;
    if (at === null) return node.parentNode ?? root;
    while (at.lastChild !== null) at = at.lastChild;
    return at;
  };
  const accepts = (node: Node): boolean => {
    if (((whatToShow >>> (node.nodeType - 1)) & 1) === 0) return false;
    if (filter === null) return true;
    const verdict = typeof filter === 'function' ? filter(node) : filter.acceptNode(node);
    return verdict === NodeFilter.FILTER_ACCEPT;
  };
  const iterator = {
    root,
    whatToShow,
    filter,
    get referenceNode() {
      return current ?? root;
    },
    pointerBeforeReferenceNode: current === null,
    nextNode(): Node | null {
      let next: Node | null;
      if (current === null) next = root;
      else if (current === root || root.contains(current)) next = following(current);
      else next = before === null ? null : following(before);
      while (next !== null && !accepts(next)) next = following(next);
      if (next !== null) {
        before = next === root ? null : preceding(next);
        current = next;
      }
      return next;
    },
    previousNode(): Node | null {
      throw new Error('test-setup NodeIterator: previousNode is not implemented');
    },
    detach(): void {},
  };
  return iterator as unknown as NodeIterator;
} as Document['createNodeIterator'];

// Installed on every prototype that defines its own (happy-dom's HTMLDocument overrides Document).
for (let proto: object | null = document; proto !== null; proto = Object.getPrototypeOf(proto)) {
  if (Object.prototype.hasOwnProperty.call(proto, 'createNodeIterator')) {
    Object.defineProperty(proto, 'createNodeIterator', {
      configurable: true,
      writable: true,
      value: nodeIterator,
    });
  }
}
