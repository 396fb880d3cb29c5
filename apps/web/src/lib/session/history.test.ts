import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { editTurn, lastUserIndex, regenerateTurn, retryTurn } from './history.js';

const user = (id: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text: id }] });
const assistant = (id: string): UIMessage => ({ id, role: 'assistant', parts: [] });
const [q1, a1, q2, a2] = [user('q1'), assistant('a1'), user('q2'), assistant('a2')];

describe('turns: what a request sends, and what stays on screen meanwhile', () => {
  it('lastUserIndex', () => {
    expect([[], [q1], [q1, a1], [q1, a1, q2, a2]].map(lastUserIndex)).toEqual([-1, 0, 0, 2]);
  });

  it('retry: up to the last question; its answer so far is kept on screen', () => {
    expect(retryTurn([q1, a1, q2, a2])).toEqual({ history: [q1, a1, q2], kept: a2 });
    expect(retryTurn([q1, a1, q2])).toEqual({ history: [q1, a1, q2] });
    expect(retryTurn([])).toBeUndefined();
  });

  it('regenerate: an answer from what preceded it; a question gets a new answer', () => {
    const conversation = [q1, a1, q2, a2];
    expect(regenerateTurn(conversation, undefined)).toEqual({ history: [q1, a1, q2], kept: a2 });
    expect(regenerateTurn(conversation, 'a1')).toEqual({ history: [q1], kept: a1 });
    expect(regenerateTurn(conversation, 'q1')).toEqual({ history: [q1], kept: a1 });
    expect(regenerateTurn([q1, a1, q2], undefined)).toEqual({ history: [q1, a1, q2] });
    expect(regenerateTurn(conversation, 'missing')).toBeUndefined();
    expect(regenerateTurn([], undefined)).toBeUndefined();
  });

  it('edit: the last question replaced, nothing after it', () => {
    const edited = user('q2-edited');
    expect(editTurn([q1, a1, q2, a2], edited)).toEqual({ history: [q1, a1, edited] });
    expect(editTurn([], edited)).toBeUndefined();
  });
});
