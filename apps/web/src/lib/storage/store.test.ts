import { describe, expect, it } from 'vitest';
import {
  loadConversations,
  saveConversations,
  serializeConversations,
  type KeyValueStorage,
} from './store.js';
import { BACKUP_KEY, STORAGE_KEY, type Conversation } from './types.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: KeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
  return { storage, data };
}

const conversation = (id: string, overrides: Partial<Conversation> = {}): Conversation => ({
  id,
  title: `Chat ${id}`,
  titled: false,
  createdAt: 1000,
  updatedAt: 2000,
  messages: [
    { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What time is it?', state: 'done' }] },
    {
      id: 'a1',
      role: 'assistant',
      metadata: { model: 'gpt-4o' },
      parts: [
        { type: 'step-start' },
        {
          type: 'dynamic-tool',
          toolCallId: 'call_1',
          toolName: 'get_current_time',
          state: 'output-available',
          input: { timezone: 'Asia/Seoul' },
          output: { iso: '2026-01-01T00:00:00+09:00' },
        },
        { type: 'step-start' },
        { type: 'text', text: 'It is midnight.', state: 'done' },
      ],
    },
  ],
  toolTimes: { call_1: { start: 1500, end: 1600 } },
  stopped: false,
  ...overrides,
});

describe('saveConversations + loadConversations', () => {
  it('round-trips conversations and the active one', () => {
    const { storage } = memoryStorage();
    const saved = [
      conversation('a'),
      conversation('b', { stopped: true, error: { kind: 'network', at: 5 } }),
      conversation('c', { error: { kind: 'budget-spent', status: 429, at: 6 } }),
    ];
    expect(saveConversations(storage, serializeConversations(saved, 'b'))).toBe(true);
    expect(loadConversations(storage)).toEqual({ conversations: saved, activeId: 'b' });
  });

  it('starts empty when nothing is stored or storage is unavailable', () => {
    expect(loadConversations(memoryStorage().storage)).toEqual({
      conversations: [],
      activeId: undefined,
    });
    expect(loadConversations(undefined)).toEqual({ conversations: [], activeId: undefined });
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {},
    };
    expect(loadConversations(throwing)).toEqual({ conversations: [], activeId: undefined });
  });

  it.each([
    ['not JSON', '{"version":1,"conv', 'corrupt'],
    ['JSON null', 'null', 'corrupt'],
    ['a string', '"hello"', 'corrupt'],
    ['no version', '{"conversations":[]}', 'corrupt'],
    ['conversations not an array', '{"version":1,"conversations":{}}', 'corrupt'],
    ['an old version', '{"version":0,"chats":[]}', 'old-format'],
    ['a future version', '{"version":3,"conversations":[]}', 'old-format'],
    ['a bare array (pre-versioned format)', '[{"role":"user","content":"hi"}]', 'old-format'],
  ])('%s → ignored with a notice, the data set aside', (_name, raw, kind) => {
    const { storage, data } = memoryStorage({ [STORAGE_KEY]: raw });
    expect(loadConversations(storage)).toEqual({
      conversations: [],
      activeId: undefined,
      notice: { kind },
    });
    expect(data.get(BACKUP_KEY)).toBe(raw);
  });

  it('skips single broken conversations and says how many', () => {
    const good = conversation('good');
    const broken = [
      { ...conversation('x'), messages: 'nope' },
      { ...conversation('y'), messages: [{ id: 'm', role: 'system', parts: [] }] },
      {
        ...conversation('z'),
        messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 5 }] }],
      },
      { ...conversation('w'), createdAt: 'yesterday' },
      {
        ...conversation('v'),
        messages: [
          {
            id: 'm',
            role: 'assistant',
            parts: [{ type: 'dynamic-tool', toolCallId: 'c', toolName: 't', state: 'exploded' }],
          },
        ],
      },
      conversation('good'), // duplicate id
      42,
    ];
    const { storage } = memoryStorage({
      [STORAGE_KEY]: JSON.stringify({
        version: 1,
        activeId: 'x',
        conversations: [good, ...broken],
      }),
    });
    expect(loadConversations(storage)).toEqual({
      conversations: [good],
      activeId: 'good',
      notice: { kind: 'skipped', count: 7 },
    });
  });

  it('drops unknown part types, finishes parts saved mid-stream, ignores bad tool times', () => {
    const stored = {
      ...conversation('a'),
      messages: [
        {
          id: 'a1',
          role: 'assistant',
          parts: [
            { type: 'text', text: 'Half an ans', state: 'streaming' },
            { type: 'file', url: 'x' },
            {
              type: 'dynamic-tool',
              toolCallId: 'c',
              toolName: 't',
              state: 'input-streaming',
              input: { a: 1 },
            },
          ],
        },
      ],
      toolTimes: { c: { start: 1 }, d: { start: 'x' }, e: null },
      error: { kind: 'explosion', at: 1 },
    };
    const { storage } = memoryStorage({
      [STORAGE_KEY]: JSON.stringify({ version: 1, activeId: 'a', conversations: [stored] }),
    });
    expect(loadConversations(storage).conversations).toEqual([
      {
        ...conversation('a'),
        messages: [
          {
            id: 'a1',
            role: 'assistant',
            parts: [
              { type: 'text', text: 'Half an ans', state: 'done' },
              {
                type: 'dynamic-tool',
                toolCallId: 'c',
                toolName: 't',
                state: 'input-streaming',
                input: { a: 1 },
              },
            ],
          },
        ],
        toolTimes: { c: { start: 1 } },
      },
    ]);
  });

  it('reports a refused save (quota exceeded)', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(saveConversations(full, serializeConversations([conversation('a')], 'a'))).toBe(false);
    expect(saveConversations(undefined, '{}')).toBe(false);
  });

  it('stores no active id for an empty list', () => {
    expect(JSON.parse(serializeConversations([], 'x'))).toEqual({
      version: 2,
      activeId: null,
      conversations: [],
    });
  });
});
