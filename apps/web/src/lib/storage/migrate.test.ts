import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { syncPath, toStoredTree, treeOfPath } from '../branches/message-tree.js';
import { loadConversations, serializeConversations, type KeyValueStorage } from './store.js';
import { STORAGE_KEY, type Conversation } from './types.js';

const text = (id: string, role: 'user' | 'assistant', value: string): UIMessage => ({
  id,
  role,
  parts: [{ type: 'text', text: value, state: 'done' }],
});

function storageWith(raw: string): KeyValueStorage {
  const data = new Map([[STORAGE_KEY, raw]]);
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

// Exactly what version 1 of the app wrote (before branches).
const V1 = JSON.stringify({
  version: 1,
  activeId: 'c1',
  conversations: [
    {
      id: 'c1',
      title: 'Seoul',
      titled: false,
      createdAt: 1000,
      updatedAt: 2000,
      messages: [text('u1', 'user', 'Time in Seoul?'), text('a1', 'assistant', '09:15.')],
      toolTimes: { call_1: { start: 1, end: 2 } },
      stopped: false,
    },
    {
      id: 'c2',
      title: 'Busan',
      titled: true,
      createdAt: 3000,
      updatedAt: 4000,
      messages: [text('u2', 'user', 'Weather in Busan?'), text('a2', 'assistant', 'Sunny')],
      toolTimes: {},
      stopped: true,
      error: { kind: 'rate-limited', status: 429, retryAfter: 30, at: 3500 },
      unfinished: { lastEventId: 7 },
    },
  ],
});

describe('storage version 1 → 2', () => {
  it('reads a version-1 store as conversations with one version of everything, and writes version 2', () => {
    const loaded = loadConversations(storageWith(V1));
    const expected: Conversation = {
      id: 'c1',
      title: 'Seoul',
      titled: false,
      createdAt: 1000,
      updatedAt: 2000,
      messages: [text('u1', 'user', 'Time in Seoul?'), text('a1', 'assistant', '09:15.')],
      toolTimes: { call_1: { start: 1, end: 2 } },
      stopped: false,
    };
    // The extras of a conversation (error, unfinished answer, stopped) come through unchanged.
    const second: Conversation = JSON.parse(V1).conversations[1];
    expect(loaded).toEqual({ conversations: [expected, second], activeId: 'c1' });
    const saved = JSON.parse(serializeConversations(loaded.conversations, 'c1'));
    expect(saved).toEqual({ ...JSON.parse(V1), version: 2 });
  });

  it('stores a branched conversation as its tree and loads the chosen path back', () => {
    const tree = treeOfPath([text('u1', 'user', 'Q'), text('a1', 'assistant', 'first')]);
    syncPath(tree, [text('u1', 'user', 'Q'), text('a2', 'assistant', 'second')]);
    const branched: Conversation = {
      ...JSON.parse(V1).conversations[0],
      messages: [text('u1', 'user', 'Q'), text('a2', 'assistant', 'second')],
      tree: toStoredTree(tree),
    };
    const raw = serializeConversations([branched], 'c1');
    expect(JSON.parse(raw).conversations[0].messages).toBeUndefined();
    const loaded = loadConversations(storageWith(raw));
    expect(loaded.conversations).toEqual([branched]);
  });

  it('skips a conversation whose tree is broken, and keeps the rest', () => {
    const good = JSON.parse(V1).conversations[0];
    const broken = [
      { nodes: 'no', chosen: {} },
      { nodes: [{ message: text('x', 'user', 'x'), parentId: 'missing' }], chosen: {} },
      { nodes: [{ message: { id: 'x', role: 'robot', parts: [] }, parentId: null }], chosen: {} },
      { nodes: [{ message: text('x', 'user', 'x'), parentId: null }], chosen: { '': 7 } },
      { nodes: [{ message: text('x', 'user', 'x'), parentId: 5 }], chosen: {} },
    ].map((tree, index) => ({ ...good, id: `bad${index}`, tree }));
    const raw = JSON.stringify({ version: 2, activeId: 'c1', conversations: [good, ...broken] });
    const loaded = loadConversations(storageWith(raw));
    expect(loaded.conversations.map((conversation) => conversation.id)).toEqual(['c1']);
    expect(loaded.notice).toEqual({ kind: 'skipped', count: 5 });
  });
});
