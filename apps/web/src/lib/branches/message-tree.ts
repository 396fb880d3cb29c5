import type { UIMessage } from '@edgechat/core';

/**
 * Every version of a conversation: each message knows its parent, each parent its children in
 * the order they were made, and which child was chosen last. The chat on screen (and in the
 * request) is the chosen path from the root; edit and regenerate add a sibling instead of
 * overwriting, so the older versions stay one click away.
 */
export interface MessageTree {
  nodes: Map<string, TreeNode>;
  /** Children of the root (first messages), in the order they were made. */
  roots: string[];
  /** Parent id (`ROOT` for the first messages) → the chosen child. */
  chosen: Map<string, string>;
}

export interface TreeNode {
  message: UIMessage;
  parentId: string | null;
  children: string[];
}

/** The stored form: nodes in creation order (a parent always before its children). */
export interface StoredTree {
  nodes: { message: UIMessage; parentId: string | null }[];
  /** Parent id (`''` for the root) → chosen child id. */
  chosen: Record<string, string>;
}

const ROOT = '';

export function emptyTree(): MessageTree {
  return { nodes: new Map(), roots: [], chosen: new Map() };
}

export function treeOfPath(messages: readonly UIMessage[]): MessageTree {
  const tree = emptyTree();
  syncPath(tree, messages);
  return tree;
}

/**
 * Takes the path the chat now shows into the tree: known messages are updated (a streaming
 * answer grows), new ones are added as the newest child of the message before them, and the
 * path becomes the chosen one. What the path no longer shows (the old answer a regenerate
 * replaced, the question before an edit) stays in the tree as a sibling. An empty assistant
 * message (a request that never showed anything) is not kept as a version.
 */
export function syncPath(tree: MessageTree, messages: readonly UIMessage[]): void {
  let parentId: string | null = null;
  for (const message of messages) {
    const key = parentId ?? ROOT;
    const node = tree.nodes.get(message.id);
    if (node === undefined) {
      const siblings = childrenOf(tree, parentId);
      dropEmptySibling(tree, siblings, key);
      tree.nodes.set(message.id, { message, parentId, children: [] });
      siblings.push(message.id);
    } else {
      node.message = message;
    }
    tree.chosen.set(key, message.id);
    parentId = message.id;
  }
}

function dropEmptySibling(tree: MessageTree, siblings: string[], key: string): void {
  const chosenId = tree.chosen.get(key);
  const chosen = chosenId === undefined ? undefined : tree.nodes.get(chosenId);
  if (chosen === undefined || chosen.children.length > 0) return;
  if (chosen.message.role !== 'assistant' || chosen.message.parts.length > 0) return;
  tree.nodes.delete(chosenId as string);
  siblings.splice(siblings.indexOf(chosenId as string), 1);
}

function childrenOf(tree: MessageTree, parentId: string | null): string[] {
  if (parentId === null) return tree.roots;
  return tree.nodes.get(parentId)?.children ?? [];
}

/** The chosen path: from the root, each time the chosen child (the newest if none was). */
export function pathOf(tree: MessageTree): UIMessage[] {
  const path: UIMessage[] = [];
  let children = tree.roots;
  let key = ROOT;
  // Bounded by the node count, so even a tree with a cycle (hostile storage) ends.
  while (children.length > 0 && path.length <= tree.nodes.size) {
    const chosenId = tree.chosen.get(key);
    const id = chosenId !== undefined && children.includes(chosenId) ? chosenId : children.at(-1);
    const node = id === undefined ? undefined : tree.nodes.get(id);
    if (node === undefined || id === undefined) break;
    path.push(node.message);
    children = node.children;
    key = id;
  }
  return path;
}

export interface Siblings {
  /** 0-based position of the message among its versions. */
  index: number;
  count: number;
  previous?: string;
  next?: string;
}

/** Where a message stands among its versions (count 1: it has none). */
export function siblingsOf(tree: MessageTree, messageId: string): Siblings {
  const node = tree.nodes.get(messageId);
  if (node === undefined) return { index: 0, count: 1 };
  const siblings = childrenOf(tree, node.parentId);
  const index = siblings.indexOf(messageId);
  const result: Siblings = { index, count: siblings.length };
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  if (previous !== undefined) result.previous = previous;
  if (next !== undefined) result.next = next;
  return result;
}

/** Makes `messageId` the chosen version; the path below follows its own chosen branch. */
export function choose(tree: MessageTree, messageId: string): boolean {
  const node = tree.nodes.get(messageId);
  if (node === undefined) return false;
  tree.chosen.set(node.parentId ?? ROOT, messageId);
  return true;
}

/** Whether any message has more than one version. */
export function hasBranches(tree: MessageTree): boolean {
  if (tree.roots.length > 1) return true;
  for (const node of tree.nodes.values()) if (node.children.length > 1) return true;
  return false;
}

export function toStoredTree(tree: MessageTree): StoredTree {
  const nodes: StoredTree['nodes'] = [];
  // Breadth-first from the root: a parent is always written before its children.
  const queue = [...tree.roots];
  for (let i = 0; i < queue.length; i++) {
    const node = tree.nodes.get(queue[i] as string);
    if (node === undefined) continue;
    nodes.push({ message: node.message, parentId: node.parentId });
    queue.push(...node.children);
  }
  return { nodes, chosen: Object.fromEntries(tree.chosen) };
}

/**
 * A stored tree back, or an error saying what is wrong: ids must be unique, a parent must come
 * before its children, and a choice must name a child of its parent. Nothing here trusts the
 * input (it may come from an imported file).
 */
export function fromStoredTree(
  stored: StoredTree,
): { ok: true; tree: MessageTree } | { ok: false; error: string } {
  const tree = emptyTree();
  for (const [index, { message, parentId }] of stored.nodes.entries()) {
    if (tree.nodes.has(message.id)) return { ok: false, error: `nodes[${index}]: duplicate id` };
    if (parentId !== null && !tree.nodes.has(parentId)) {
      return {
        ok: false,
        error: `nodes[${index}]: parent ${JSON.stringify(parentId)} not before it`,
      };
    }
    tree.nodes.set(message.id, { message, parentId, children: [] });
    childrenOf(tree, parentId).push(message.id);
  }
  for (const [key, childId] of Object.entries(stored.chosen)) {
    const child = tree.nodes.get(childId);
    if (child === undefined || (child.parentId ?? ROOT) !== key) {
      return { ok: false, error: `chosen[${JSON.stringify(key)}]: not a child of it` };
    }
    tree.chosen.set(key, childId);
  }
  return { ok: true, tree };
}
