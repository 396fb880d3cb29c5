import type { UIMessage } from '@edgechat/core';
import {
  choose,
  hasBranches,
  pathOf,
  siblingsOf,
  syncPath,
  toStoredTree,
  treeOfPath,
  type MessageTree,
  type Siblings,
  type StoredTree,
} from './message-tree.js';

/**
 * A conversation's versions as the UI reads them: the plain `MessageTree`, and one signal that
 * changes when the tree does, so ‹ 2/3 › counters update without making the tree reactive.
 */
export class Branches {
  #tree: MessageTree;
  #version = $state(0);
  #branched = $state(false);

  constructor(tree: MessageTree | undefined, path: readonly UIMessage[]) {
    this.#tree = tree ?? treeOfPath(path);
    this.#branched = hasBranches(this.#tree);
  }

  /** The chat shows `path` now (called with each state of the chat). */
  sync(path: readonly UIMessage[]): void {
    const before = this.#tree.nodes.size;
    syncPath(this.#tree, path);
    // Only new versions change what the counters show; a growing answer does not.
    if (this.#tree.nodes.size !== before) this.#changed();
  }

  siblings(messageId: string): Siblings {
    void this.#version;
    return siblingsOf(this.#tree, messageId);
  }

  /** Chooses a version; returns the path to show. */
  choose(messageId: string): UIMessage[] | undefined {
    if (!choose(this.#tree, messageId)) return undefined;
    this.#changed();
    return pathOf(this.#tree);
  }

  /** Whether there is more than one version of anything. */
  get branched(): boolean {
    return this.#branched;
  }

  /** The stored form, or undefined when there is only one version (stored as plain messages). */
  stored(): StoredTree | undefined {
    return hasBranches(this.#tree) ? toStoredTree(this.#tree) : undefined;
  }

  #changed(): void {
    this.#version++;
    this.#branched = hasBranches(this.#tree);
  }
}
