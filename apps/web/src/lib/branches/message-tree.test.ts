import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import {
  choose,
  fromStoredTree,
  hasBranches,
  pathOf,
  siblingsOf,
  syncPath,
  toStoredTree,
  treeOfPath,
} from './message-tree.js';

const user = (id: string, text = id): UIMessage => ({
  id,
  role: 'user',
  parts: [{ type: 'text', text }],
});
const bot = (id: string, text = id): UIMessage => ({
  id,
  role: 'assistant',
  parts: [{ type: 'text', text }],
});
const ids = (messages: UIMessage[]) => messages.map((message) => message.id);

describe('message tree', () => {
  it('keeps a regenerated answer as a sibling, and the new one chosen', () => {
    const tree = treeOfPath([user('q1'), bot('a1'), user('q2'), bot('a2')]);
    syncPath(tree, [user('q1'), bot('a1'), user('q2'), bot('a2b')]);
    expect(ids(pathOf(tree))).toEqual(['q1', 'a1', 'q2', 'a2b']);
    expect(siblingsOf(tree, 'a2b')).toEqual({ index: 1, count: 2, previous: 'a2' });
    expect(siblingsOf(tree, 'a2')).toEqual({ index: 0, count: 2, next: 'a2b' });
    expect(siblingsOf(tree, 'q2')).toEqual({ index: 0, count: 1 });
    expect(hasBranches(tree)).toBe(true);
  });

  it('keeps an edited question with its whole answer below it, and follows each branch', () => {
    const tree = treeOfPath([user('q1'), bot('a1'), user('q2'), bot('a2')]);
    // An edit of q2: the path is cut before it, then the new question and its answer stream.
    syncPath(tree, [user('q1'), bot('a1'), user('q2b', 'edited')]);
    syncPath(tree, [user('q1'), bot('a1'), user('q2b', 'edited'), bot('a2c', 'par')]);
    syncPath(tree, [user('q1'), bot('a1'), user('q2b', 'edited'), bot('a2c', 'partial, grown')]);
    expect(pathOf(tree).map((message) => message.parts)).toEqual([
      [{ type: 'text', text: 'q1' }],
      [{ type: 'text', text: 'a1' }],
      [{ type: 'text', text: 'edited' }],
      [{ type: 'text', text: 'partial, grown' }],
    ]);
    expect(choose(tree, 'q2')).toBe(true);
    expect(ids(pathOf(tree))).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(siblingsOf(tree, 'q2')).toEqual({ index: 0, count: 2, next: 'q2b' });
    choose(tree, 'q2b');
    expect(ids(pathOf(tree))).toEqual(['q1', 'a1', 'q2b', 'a2c']);
    expect(choose(tree, 'nope')).toBe(false);
  });

  it('keeps no empty answer as a version (a request that showed nothing)', () => {
    const tree = treeOfPath([user('q1'), { id: 'empty', role: 'assistant', parts: [] }]);
    syncPath(tree, [user('q1'), bot('a1')]);
    expect(siblingsOf(tree, 'a1')).toEqual({ index: 0, count: 1 });
    expect(tree.nodes.has('empty')).toBe(false);
  });

  it('stores and restores every branch and choice', () => {
    const tree = treeOfPath([user('q1'), bot('a1')]);
    syncPath(tree, [user('q1'), bot('a1b')]);
    syncPath(tree, [user('q0')]);
    choose(tree, 'q1');
    const stored = toStoredTree(tree);
    expect(stored).toEqual({
      nodes: [
        { message: user('q1'), parentId: null },
        { message: user('q0'), parentId: null },
        { message: bot('a1'), parentId: 'q1' },
        { message: bot('a1b'), parentId: 'q1' },
      ],
      chosen: { '': 'q1', q1: 'a1b' },
    });
    const restored = fromStoredTree(JSON.parse(JSON.stringify(stored)));
    expect(restored.ok && ids(pathOf(restored.tree))).toEqual(['q1', 'a1b']);
    expect(restored.ok && siblingsOf(restored.tree, 'q1')).toEqual({
      index: 0,
      count: 2,
      next: 'q0',
    });
  });

  it('refuses a stored tree that is not a tree', () => {
    const q = { message: user('q'), parentId: null };
    expect([
      fromStoredTree({ nodes: [q, q], chosen: {} }),
      fromStoredTree({ nodes: [{ message: bot('a'), parentId: 'q' }, q], chosen: {} }),
      fromStoredTree({ nodes: [{ message: user('q'), parentId: 'q' }], chosen: {} }),
      fromStoredTree({ nodes: [q], chosen: { q: 'q' } }),
      fromStoredTree({ nodes: [q], chosen: { '': 'missing' } }),
      fromStoredTree({ nodes: [q], chosen: JSON.parse('{"__proto__": "q"}') }),
    ]).toEqual([
      { ok: false, error: 'nodes[1]: duplicate id' },
      { ok: false, error: 'nodes[0]: parent "q" not before it' },
      { ok: false, error: 'nodes[0]: parent "q" not before it' },
      { ok: false, error: 'chosen["q"]: not a child of it' },
      { ok: false, error: 'chosen[""]: not a child of it' },
      { ok: false, error: 'chosen["__proto__"]: not a child of it' },
    ]);
  });
});
