import { describe, expect, it } from 'vitest';
import { createInterruptPolicy } from './interrupts.js';

function policyAt(times: number[]) {
  let i = 0;
  return createInterruptPolicy({ now: () => times[i++] ?? 0, windowMs: 1000 });
}

describe('createInterruptPolicy', () => {
  it('stops a streaming answer, then exits on the next Ctrl-C when idle', () => {
    const policy = policyAt([0, 60_000]);
    expect(policy.interrupt(true)).toBe('abort');
    expect(policy.interrupt(false)).toBe('exit');
  });

  it('exits on two quick Ctrl-C while still streaming, not on two slow ones', () => {
    const quick = policyAt([0, 1000]);
    expect([quick.interrupt(true), quick.interrupt(true)]).toEqual(['abort', 'exit']);
    const slow = policyAt([0, 1001]);
    expect([slow.interrupt(true), slow.interrupt(true)]).toEqual(['abort', 'abort']);
  });

  it('hints first when idle, exits the second time', () => {
    const policy = policyAt([0, 5000]);
    expect(policy.interrupt(false)).toBe('hint');
    expect(policy.interrupt(false)).toBe('exit');
  });

  it('starts over once a line is entered', () => {
    const policy = policyAt([0, 10, 20, 30]);
    expect(policy.interrupt(false)).toBe('hint');
    policy.reset();
    expect(policy.interrupt(false)).toBe('hint');
    policy.reset();
    expect(policy.interrupt(true)).toBe('abort');
    policy.reset();
    expect(policy.interrupt(true)).toBe('abort');
  });
});
