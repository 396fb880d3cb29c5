import type { DynamicToolUIPart } from '@edgechat/core';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ToolCall from './ToolCall.svelte';

const base = { type: 'dynamic-tool', toolCallId: 'call_a', toolName: 'get_current_time' } as const;

function panel(container: HTMLElement) {
  const details = container.querySelector('details') as HTMLDetailsElement;
  return {
    details,
    status: () => details.querySelector('.tool-status')?.textContent?.trim(),
    duration: () => details.querySelector('.tool-duration')?.textContent ?? '',
    blocks: () => [...details.querySelectorAll('pre, p')].map((element) => element.textContent),
  };
}

async function expand(details: HTMLDetailsElement) {
  await fireEvent.click(details.querySelector('summary') as HTMLElement);
  if (!details.open) {
    details.open = true;
    await fireEvent(details, new Event('toggle'));
  }
}

describe('ToolCall', () => {
  it('tells calls apart while collapsed: the header sums up the arguments, the result stays hidden', () => {
    const headers = ['Asia/Seoul', 'America/New_York', 'Europe/London'].map((timezone) => {
      const { container } = render(ToolCall, {
        part: {
          ...base,
          state: 'output-available',
          input: { timezone },
          output: { time: '09:15' },
        },
        live: false,
      });
      const details = container.querySelector('details') as HTMLDetailsElement;
      return {
        summary: details.querySelector('.tool-summary')?.textContent,
        open: details.open,
        resultShown: details.textContent?.includes('09:15'),
      };
    });
    expect(headers).toEqual([
      { summary: 'Asia/Seoul', open: false, resultShown: false },
      { summary: 'America/New_York', open: false, resultShown: false },
      { summary: 'Europe/London', open: false, resultShown: false },
    ]);
  });

  it('is collapsed by default and shows name, status and duration', () => {
    const { container } = render(ToolCall, {
      part: {
        ...base,
        state: 'output-available',
        input: { timezone: 'UTC' },
        output: { ok: true },
      },
      time: { start: 1000, end: 2234 },
      live: false,
    });
    const view = panel(container);
    expect({
      open: view.details.open,
      name: screen.getByText('get_current_time').textContent,
      status: view.status(),
      duration: view.duration(),
      body: view.blocks(),
    }).toEqual({
      open: false,
      name: 'get_current_time',
      status: 'done',
      duration: '1.2 s',
      body: [],
    });
  });

  it('streams partial arguments as pretty JSON while running, then shows the result', async () => {
    const streaming: DynamicToolUIPart = {
      ...base,
      state: 'input-streaming',
      input: { timezone: 'Asia/' },
      rawInput: '{"timezone":"Asia/',
    };
    const { container, rerender } = render(ToolCall, {
      part: streaming,
      time: { start: Date.now() },
      live: true,
    });
    const view = panel(container);
    await expand(view.details);
    expect([view.status(), view.blocks()]).toEqual([
      'running',
      ['Arguments', '{\n  "timezone": "Asia/"\n}', 'waiting for the result…'],
    ]);
    await rerender({
      part: { ...base, state: 'input-available', input: { timezone: 'Asia/Seoul' } },
      time: { start: Date.now() },
      live: true,
    });
    expect(view.blocks()).toEqual([
      'Arguments',
      '{\n  "timezone": "Asia/Seoul"\n}',
      'waiting for the result…',
    ]);
    await rerender({
      part: {
        ...base,
        state: 'output-available',
        input: { timezone: 'Asia/Seoul' },
        output: { local: '09:00' },
      },
      time: { start: 1000, end: 1400 },
      live: true,
    });
    expect([view.status(), view.duration(), view.blocks()]).toEqual([
      'done',
      '400 ms',
      ['Arguments', '{\n  "timezone": "Asia/Seoul"\n}', 'Result', '{\n  "local": "09:00"\n}'],
    ]);
  });

  it('shows a failed call with its error', async () => {
    const { container } = render(ToolCall, {
      part: {
        ...base,
        state: 'output-error',
        input: { timezone: 'Mars/Olympus' },
        errorText: 'Unknown time zone',
      },
      live: false,
    });
    const view = panel(container);
    await expand(view.details);
    expect([view.status(), view.blocks()]).toEqual([
      'failed',
      ['Arguments', '{\n  "timezone": "Mars/Olympus"\n}', 'Error', 'Unknown time zone'],
    ]);
  });

  it('a call left without a result when the answer ended is failed, and says why', async () => {
    const { container } = render(ToolCall, {
      part: { ...base, state: 'input-available', input: {} },
      live: false,
    });
    const view = panel(container);
    await expand(view.details);
    expect([view.status(), view.blocks()]).toEqual([
      'failed',
      ['Arguments', '{}', 'Error', 'No result: the answer ended before the tool finished.'],
    ]);
  });
});
