import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import {
  choose,
  fromStoredTree,
  pathOf,
  siblingsOf,
  syncPath,
  toStoredTree,
  treeOfPath,
  type MessageTree,
} from './message-tree.js';

// Property-style: many seeded random histories of what the chat does to the tree (ask, answer,
// regenerate, edit, switch versions, reload), each step checked against invariants that must
// hold whatever the order. A seeded generator keeps a failure reproducible (the seed is in the
// test name) without a property-testing library.

/** mulberry32: small, fast, good enough to pick operations. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const message = (id: string, role: UIMessage['role']): UIMessage => ({
  id,
  role,
  parts: [{ type: 'text', text: id }],
});

const ids = (messages: readonly UIMessage[]) => messages.map((item) => item.id);

/** The invariants: the path is a chain from the root, and every stored view agrees with it. */
function check(tree: MessageTree, shown: readonly UIMessage[]): void {
  const path = pathOf(tree);
  expect(ids(path)).toEqual(ids(shown));
  path.forEach((item, index) => {
    const node = tree.nodes.get(item.id);
    expect(node?.parentId ?? null).toBe(index === 0 ? null : path[index - 1]?.id);
    const siblings = siblingsOf(tree, item.id);
    expect(siblings.index).toBeGreaterThanOrEqual(0);
    expect(siblings.index).toBeLessThan(siblings.count);
    expect(siblings.previous === undefined).toBe(siblings.index === 0);
    expect(siblings.next === undefined).toBe(siblings.index === siblings.count - 1);
  });
  // Every node is reachable from the root exactly once (a tree, not a graph).
  const seen = new Set<string>();
  const queue = [...tree.roots];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    queue.push(...(tree.nodes.get(id)?.children ?? []));
  }
  expect(seen.size).toBe(tree.nodes.size);
  // A reload (through JSON, as storage does) gives back the same tree and the same path.
  const restored = fromStoredTree(JSON.parse(JSON.stringify(toStoredTree(tree))));
  expect(restored.ok).toBe(true);
  if (!restored.ok) return;
  expect(ids(pathOf(restored.tree))).toEqual(ids(path));
  expect([...restored.tree.nodes.keys()].sort()).toEqual([...tree.nodes.keys()].sort());
  for (const id of tree.nodes.keys()) {
    expect(siblingsOf(restored.tree, id)).toEqual(siblingsOf(tree, id));
  }
}

function history(seed: number, steps: number): void {
  const next = random(seed);
  let counter = 0;
  const fresh = (role: UIMessage['role']) => message(`${role[0]}${counter++}`, role);
  let shown: UIMessage[] = [fresh('user'), fresh('assistant')];
  let tree = treeOfPath(shown);
  let nodeCount = tree.nodes.size;
  for (let step = 0; step < steps; step++) {
    const roll = next();
    if (roll < 0.3) {
      // Ask the next question and get an answer.
      shown = [...shown, fresh('user'), fresh('assistant')];
      syncPath(tree, shown);
    } else if (roll < 0.5 && shown.at(-1)?.role === 'assistant') {
      // Regenerate: the last answer is replaced by a new one.
      shown = [...shown.slice(0, -1), fresh('assistant')];
      syncPath(tree, shown);
    } else if (roll < 0.7) {
      // Edit a question: the path is cut before it, then the new question is answered.
      const questions = shown.flatMap((item, index) => (item.role === 'user' ? [index] : []));
      const at = questions[Math.floor(next() * questions.length)] ?? 0;
      shown = [...shown.slice(0, at), fresh('user'), fresh('assistant')];
      syncPath(tree, shown);
    } else if (roll < 0.95) {
      // Switch a message on the path to another of its versions; the rest follows that branch.
      const item = shown[Math.floor(next() * shown.length)];
      const siblings = item === undefined ? undefined : siblingsOf(tree, item.id);
      const other = next() < 0.5 ? siblings?.previous : siblings?.next;
      if (other !== undefined) {
        expect(choose(tree, other)).toBe(true);
        shown = pathOf(tree);
        expect(shown.some((entry) => entry.id === other)).toBe(true);
      }
    } else {
      // Reload.
      const restored = fromStoredTree(JSON.parse(JSON.stringify(toStoredTree(tree))));
      if (!restored.ok) throw new Error(restored.error);
      tree = restored.tree;
    }
    // Nothing is ever lost: every version made so far is still in the tree.
    expect(tree.nodes.size).toBeGreaterThanOrEqual(nodeCount);
    nodeCount = tree.nodes.size;
    check(tree, shown);
  }
}

describe('message tree, random histories', () => {
  for (const seed of [1, 2, 3, 7, 42, 1234, 99991, 2026]) {
    it(`keeps every version and a consistent chosen path (seed ${seed})`, () => {
      history(seed, 60);
    });
  }
});
