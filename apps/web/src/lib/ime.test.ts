import { describe, expect, it } from 'vitest';
import { createEnterKeyGuard, type EnterKeyEvent } from './ime.js';

const enter = (overrides: Partial<EnterKeyEvent> = {}): EnterKeyEvent => ({
  key: 'Enter',
  shiftKey: false,
  isComposing: false,
  keyCode: 13,
  ...overrides,
});

function manualDefer() {
  const queue: (() => void)[] = [];
  return {
    defer: (callback: () => void) => void queue.push(callback),
    run: () => queue.splice(0).forEach((callback) => callback()),
  };
}

describe('createEnterKeyGuard', () => {
  it('Enter sends; Shift+Enter and other keys keep the default', () => {
    const guard = createEnterKeyGuard();
    expect([
      guard.keydown(enter()),
      guard.keydown(enter({ shiftKey: true })),
      guard.keydown(enter({ key: 'a', keyCode: 65 })),
      guard.keydown(enter({ key: 'Tab', keyCode: 9 })),
    ]).toEqual(['send', 'default', 'default', 'default']);
  });

  it('never sends while composing: isComposing, keyCode 229, or between the composition events', () => {
    const guard = createEnterKeyGuard(manualDefer().defer);
    expect(guard.keydown(enter({ isComposing: true }))).toBe('default');
    expect(guard.keydown(enter({ keyCode: 229 }))).toBe('default');
    guard.compositionStart();
    expect(guard.keydown(enter())).toBe('default');
  });

  it('Chrome order: keydown (composing) → compositionend → the next Enter sends', () => {
    const tasks = manualDefer();
    const guard = createEnterKeyGuard(tasks.defer);
    guard.compositionStart();
    const confirming = guard.keydown(enter({ isComposing: true, keyCode: 229 }));
    guard.compositionEnd();
    tasks.run();
    expect([confirming, guard.keydown(enter())]).toEqual(['default', 'send']);
  });

  it('Safari order: compositionend → keydown in the same turn does not send; a later one does', () => {
    const tasks = manualDefer();
    const guard = createEnterKeyGuard(tasks.defer);
    guard.compositionStart();
    guard.compositionEnd();
    const sameTurn = guard.keydown(enter());
    tasks.run();
    expect([sameTurn, guard.keydown(enter())]).toEqual(['default', 'send']);
  });

  it('clears the Safari flag with a real task by default', async () => {
    const guard = createEnterKeyGuard();
    guard.compositionStart();
    guard.compositionEnd();
    expect(guard.keydown(enter())).toBe('default');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(guard.keydown(enter())).toBe('send');
  });
});
