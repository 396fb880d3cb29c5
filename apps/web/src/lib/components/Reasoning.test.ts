import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Reasoning from './Reasoning.svelte';

function view(container: HTMLElement) {
  const details = container.querySelector('details') as HTMLDetailsElement;
  return {
    open: details.open,
    summary: details.querySelector('summary')?.textContent,
    text: details.querySelector('p')?.textContent,
  };
}

describe('Reasoning', () => {
  it('is open while the model thinks, then closes with how long it thought', async () => {
    const start = Date.now() - 3_200;
    const { container, rerender } = render(Reasoning, {
      text: 'Seoul is UTC+9',
      streaming: true,
      time: { start },
    });
    expect(view(container)).toEqual({
      open: true,
      summary: 'Thinking… 3 s',
      text: 'Seoul is UTC+9',
    });
    await rerender({
      text: 'Seoul is UTC+9.',
      streaming: false,
      time: { start, end: start + 4_400 },
    });
    expect(view(container)).toEqual({
      open: false,
      summary: 'Thought for 4 s',
      text: 'Seoul is UTC+9.',
    });
  });

  it('says "Reasoning" for a stored part with no time, and at least 1 s for a quick one', async () => {
    const { container, rerender } = render(Reasoning, { text: 'x', streaming: false });
    expect(view(container)).toEqual({ open: false, summary: 'Reasoning', text: 'x' });
    await rerender({ text: 'x', streaming: false, time: { start: 0, end: 120 } });
    expect(view(container).summary).toBe('Thought for 1 s');
  });
});
