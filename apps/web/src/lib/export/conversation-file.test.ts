import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { syncPath, toStoredTree, treeOfPath } from '../branches/message-tree.js';
import type { Conversation } from '../storage/types.js';
import { CHATGPT_EXPORT } from './chatgpt-fixture.js';
import { conversationFile, MAX_IMPORT_BYTES, readConversationFile } from './conversation-file.js';

const text = (id: string, role: UIMessage['role'], value: string): UIMessage => ({
  id,
  role,
  parts: [{ type: 'text', text: value, state: 'done' }],
});
const q = text('q', 'user', 'Q');
const a1 = text('a1', 'assistant', 'one');
const a2 = text('a2', 'assistant', 'two');

function branched(): Conversation {
  const tree = treeOfPath([q, a1]);
  syncPath(tree, [q, a2]);
  return {
    id: 'c1',
    title: 'Q',
    titled: false,
    createdAt: 1,
    updatedAt: 2,
    messages: [q, a2],
    tree: toStoredTree(tree),
    toolTimes: {},
    stopped: false,
  };
}

describe('our conversation file', () => {
  it('round-trips every branch', () => {
    const text = conversationFile([branched()], new Date('2026-12-04T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'edgechat.conversations',
      version: 2,
      exportedAt: '2026-12-04T00:00:00.000Z',
    });
    expect(readConversationFile(text)).toEqual({
      ok: true,
      source: 'edgechat',
      conversations: [branched()],
    });
  });

  it('refuses, whole, a file that is not ours or not valid', () => {
    const good = JSON.parse(conversationFile([branched()], new Date(0)));
    const withConversations = (conversations: unknown[]) =>
      JSON.stringify({ ...good, conversations });
    const cases: [string, string, number?][] = [
      ['not json', '{"format":'],
      ['a number', '42'],
      ['someone else’s JSON', '{"hello":"world"}'],
      ['a newer version', JSON.stringify({ ...good, version: 99 })],
      ['a silly version', JSON.stringify({ ...good, version: '2' })],
      ['no conversations', withConversations([])],
      [
        'a bad message among good ones',
        withConversations([
          good.conversations[0],
          {
            ...good.conversations[0],
            id: 'x',
            tree: {
              nodes: [{ message: { id: 'm', role: 'hacker', parts: [] }, parentId: null }],
              chosen: {},
            },
          },
        ]),
      ],
      [
        'a prototype-polluting entry',
        `{"format":"edgechat.conversations","version":2,"conversations":[{"__proto__":{"polluted":true},"id":"p"}]}`,
      ],
      ['too large', '{}', MAX_IMPORT_BYTES + 1],
      ['an array of something else', '[1,2,3]'],
    ];
    expect(cases.map(([, text, size]) => readConversationFile(text, size))).toEqual([
      { ok: false, problem: { kind: 'not-json' } },
      { ok: false, problem: { kind: 'unknown-format' } },
      { ok: false, problem: { kind: 'unknown-format' } },
      { ok: false, problem: { kind: 'newer-version' } },
      { ok: false, problem: { kind: 'unknown-format' } },
      { ok: false, problem: { kind: 'empty' } },
      { ok: false, problem: { kind: 'invalid', index: 1 } },
      { ok: false, problem: { kind: 'invalid', index: 0 } },
      { ok: false, problem: { kind: 'too-large' } },
      { ok: false, problem: { kind: 'unknown-format' } },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('ChatGPT conversations.json', () => {
  it('becomes our tree: text only, both versions of the edited question, the shown one chosen', () => {
    const result = readConversationFile(JSON.stringify(CHATGPT_EXPORT));
    expect(result).toEqual({
      ok: true,
      source: 'chatgpt',
      conversations: [
        {
          id: 'conv-1',
          title: 'Seoul trip',
          titled: true,
          createdAt: 1733300000123,
          updatedAt: 1733300600500,
          messages: [
            text('q1b', 'user', 'Plan a day in Busan'),
            text('a1b', 'assistant', 'Start at Haeundae \nbeach.'),
          ],
          tree: {
            nodes: [
              { message: text('q1', 'user', 'Plan a day in Seoul'), parentId: null },
              { message: text('a1', 'assistant', 'Start at Gyeongbokgung.'), parentId: 'q1' },
              { message: text('q1b', 'user', 'Plan a day in Busan'), parentId: null },
              { message: text('a1b', 'assistant', 'Start at Haeundae \nbeach.'), parentId: 'q1b' },
            ],
            chosen: { '': 'q1b', q1b: 'a1b' },
          },
          toolTimes: {},
          stopped: false,
        },
      ],
    });
  });

  it('reads node ids as keys of the mapping only, never of its prototype', () => {
    const say = (role: string, text: string) => ({
      author: { role },
      content: { content_type: 'text', parts: [text] },
    });
    const tricky = [
      {
        title: 'proto',
        mapping: {
          // `constructor` is no node: q is a root, and the child `toString` does not exist.
          q: { message: say('user', 'hi'), parent: 'constructor', children: ['a', 'toString'] },
          a: { message: say('assistant', 'hello'), parent: 'q', children: [] },
        },
        current_node: 'a',
      },
    ];
    const result = readConversationFile(JSON.stringify(tricky));
    expect(result.ok && result.conversations[0]?.messages).toEqual([
      text('q', 'user', 'hi'),
      text('a', 'assistant', 'hello'),
    ]);
  });

  it('survives a cyclic or broken mapping without hanging', () => {
    const cyclic = [
      {
        title: 'loop',
        mapping: {
          a: {
            message: { author: { role: 'user' }, content: { content_type: 'text', parts: ['hi'] } },
            parent: 'b',
            children: ['b'],
          },
          b: { message: null, parent: 'a', children: ['a'] },
        },
        current_node: 'a',
      },
    ];
    // No root at all: nothing to keep, so the file is refused, not looped over.
    expect(readConversationFile(JSON.stringify(cyclic))).toEqual({
      ok: false,
      problem: { kind: 'invalid', index: 0 },
    });
  });
});
