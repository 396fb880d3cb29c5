import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../i18n/en.js';
import BranchNav from './BranchNav.svelte';

const buttons = () => ({
  previous: screen.getByRole('button', { name: en.previousVersion }) as HTMLButtonElement,
  next: screen.getByRole('button', { name: en.nextVersion }) as HTMLButtonElement,
});

describe('BranchNav', () => {
  it('names its group by the position, shows 2/3 and chooses the neighbours', async () => {
    const onchoose = vi.fn();
    render(BranchNav, {
      siblings: { index: 1, count: 3, previous: 'a', next: 'c' },
      disabled: false,
      onchoose,
    });
    const group = screen.getByRole('group', { name: en.versionOf(2, 3) });
    expect(group.textContent?.replace(/\s+/g, '')).toBe('2/3');
    await userEvent.click(buttons().previous);
    await userEvent.click(buttons().next);
    expect(onchoose.mock.calls).toEqual([['a'], ['c']]);
  });

  it('has no previous on the first version, no next on the last, and neither while an answer streams', async () => {
    const { rerender } = render(BranchNav, {
      siblings: { index: 0, count: 2, next: 'b' },
      disabled: false,
      onchoose: () => {},
    });
    const states = () => [buttons().previous.disabled, buttons().next.disabled];
    expect(states()).toEqual([true, false]);
    await rerender({ siblings: { index: 1, count: 2, previous: 'a' }, disabled: false });
    expect(states()).toEqual([false, true]);
    await rerender({ siblings: { index: 1, count: 3, previous: 'a', next: 'c' }, disabled: true });
    expect(states()).toEqual([true, true]);
  });
});
