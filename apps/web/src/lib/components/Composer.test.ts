import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Composer from './Composer.svelte';

function setup(busy = false) {
  const onsend = vi.fn();
  const onstop = vi.fn();
  const result = render(Composer, { busy, onsend, onstop });
  const textarea = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { ...result, onsend, onstop, textarea };
}

const enter = (init: Partial<KeyboardEventInit & { keyCode: number }> = {}) => ({
  key: 'Enter',
  code: 'Enter',
  keyCode: 13,
  ...init,
});

describe('Composer', () => {
  it('Enter sends the trimmed text and clears the box', async () => {
    const { onsend, textarea } = setup();
    await userEvent.type(textarea, '  hello  {Enter}');
    expect(onsend.mock.calls).toEqual([['hello']]);
    expect(textarea.value).toBe('');
  });

  it('Shift+Enter is a newline, not a send', async () => {
    const { onsend, textarea } = setup();
    await userEvent.type(textarea, 'line 1{Shift>}{Enter}{/Shift}line 2');
    expect([onsend.mock.calls, textarea.value]).toEqual([[], 'line 1\nline 2']);
  });

  it('never sends on an Enter that confirms an IME composition', async () => {
    const { onsend, textarea } = setup();
    await fireEvent.input(textarea, { target: { value: '안녕' } });
    await fireEvent.keyDown(textarea, enter({ isComposing: true }));
    await fireEvent.keyDown(textarea, enter({ keyCode: 229 }));
    await fireEvent.compositionStart(textarea);
    await fireEvent.keyDown(textarea, enter());
    // Safari: compositionend first, then the keydown of the same Enter.
    await fireEvent.compositionEnd(textarea);
    await fireEvent.keyDown(textarea, enter());
    expect(onsend).not.toHaveBeenCalled();
    // A later Enter (next task) sends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fireEvent.keyDown(textarea, enter());
    expect(onsend.mock.calls).toEqual([['안녕']]);
  });

  it('does not send empty text; the button is disabled', async () => {
    const { onsend, textarea } = setup();
    await userEvent.type(textarea, '   {Enter}');
    expect(onsend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });

  it('while busy the button stops, and Enter does not send', async () => {
    const { onsend, onstop, textarea } = setup(true);
    await userEvent.type(textarea, 'next question{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect([onsend.mock.calls, onstop.mock.calls.length, textarea.value]).toEqual([
      [],
      1,
      'next question',
    ]);
  });
});
