import { describe, expect, it, vi } from 'vitest';
import { createFrameBudget } from '../frame-budget.js';
import { createIdleQueue, type IdleDeadlineLike } from '../idle-queue.js';
import type { Highlighter } from './highlight.js';
import { renderMarkdown } from './render.js';
import { createMarkdownView, type MarkdownViewOptions } from './view.js';

const FENCE = '```';
const labels = {
  copy: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  language: (language: string) => language || 'code',
};

const NO_HIGHLIGHTING: Highlighter = { highlight: () => undefined, compiled: () => true };

// A frozen clock unless a test gives one: on a busy machine the real clock can pass a frame's
// deadline before the first block, and a test about what is rendered would see nothing.
const FROZEN = (): number => 0;

function setup(
  overrides: Partial<MarkdownViewOptions> = {},
  budgetMs = 8,
  now: () => number = FROZEN,
) {
  const root = document.createElement('div');
  document.body.append(root);
  const frames: (() => void)[] = [];
  const budget = createFrameBudget({
    budgetMs,
    schedule: (callback) => void frames.push(callback),
    now,
  });
  const idlePeriods: ((deadline: IdleDeadlineLike) => void)[] = [];
  const idle = createIdleQueue((callback) => void idlePeriods.push(callback));
  const view = createMarkdownView(root, {
    labels,
    budget,
    idle,
    highlighter: NO_HIGHLIGHTING,
    now,
    ...overrides,
  });
  const runFrames = () => {
    while (frames.length > 0) frames.shift()?.();
  };
  /** An idle period of `ms`. */
  const runIdle = (ms: number) => idlePeriods.shift()?.({ timeRemaining: () => ms });
  return { root, view, frames, runFrames, runIdle };
}

/** The rendered HTML without the view's own wrappers, for comparison with a plain render. */
function plain(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  for (const header of clone.querySelectorAll('.code-header')) header.remove();
  for (const wrapper of clone.querySelectorAll('.code-block, .table-wrap, .md-tail, .md-group')) {
    wrapper.replaceWith(...wrapper.childNodes);
  }
  for (const element of clone.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
  return clone.innerHTML;
}

const ANSWER = [
  '# Plan',
  '',
  'First paragraph with a [link](https://example.com).',
  '',
  `${FENCE}ts`,
  'const a = 1;',
  '',
  'const b = 2;',
  FENCE,
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '- one',
  '- two',
  '',
  'The end.',
].join('\n');

describe('createMarkdownView', () => {
  it('streams token by token to the same DOM as rendering the whole text', () => {
    const { root, view, runFrames } = setup();
    for (let end = 1; end <= ANSWER.length; end += 3) view.update(ANSWER.slice(0, end), true);
    view.update(ANSWER, false);
    runFrames();
    expect(plain(root)).toBe(renderMarkdown(ANSWER));
  });

  it('never re-renders a finished block: its nodes stay the same objects', () => {
    const { root, view, runFrames } = setup();
    view.update('# Plan\n\nFirst paragraph.\n\nSecond', true);
    runFrames();
    const heading = root.querySelector('h1');
    const paragraph = root.querySelector('p');
    expect([heading?.textContent, paragraph?.textContent]).toEqual(['Plan', 'First paragraph.']);
    // The open block is the tail; the finished ones are outside it.
    expect(root.querySelector('.md-tail')?.textContent?.trim()).toBe('Second');
    view.update('# Plan\n\nFirst paragraph.\n\nSecond paragraph, longer now', true);
    view.update('# Plan\n\nFirst paragraph.\n\nSecond paragraph, longer now.', false);
    runFrames();
    expect(root.querySelector('h1')).toBe(heading);
    expect(root.querySelector('p')).toBe(paragraph);
    expect(root.querySelector('.md-tail')?.textContent).toBe('');
  });

  it('grows an open code block at the end by appending, without parsing it again', () => {
    const render = vi.fn((markdown: string) => {
      const template = document.createElement('template');
      template.innerHTML = renderMarkdown(markdown);
      return template.content;
    });
    const { root, view, runFrames } = setup({ render });
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i};`);
    let text = 'Intro.\n\n';
    view.update(text, true);
    runFrames();
    text += `${FENCE}ts\n`;
    view.update(text, true);
    runFrames();
    const code = root.querySelector('.md-tail code');
    const node = code?.firstChild;
    for (const line of lines) {
      text += `${line}\n`;
      view.update(text, true);
      runFrames();
    }
    // Only the intro went through the markdown renderer (open, then finished): 200 lines, no
    // re-parse of the code.
    expect(render.mock.calls.map(([markdown]) => markdown)).toEqual(['Intro.\n\n', 'Intro.']);
    expect(root.querySelector('.md-tail code')).toBe(code);
    expect(code?.firstChild).toBe(node);
    expect(code?.className).toBe('language-ts');
    expect(code?.textContent).toBe(`${lines.join('\n')}\n`);
    // Closed and finished, it is rendered once, as any block, to the same DOM as a whole render.
    text += `${FENCE}\n`;
    view.update(text, false);
    runFrames();
    expect(render.mock.calls.filter(([markdown]) => markdown.includes('line 0;'))).toEqual([
      [`${FENCE}ts\n${lines.join('\n')}\n${FENCE}\n`],
    ]);
    expect(plain(root)).toBe(renderMarkdown(text));
  });

  it('keeps a code fence with blank lines open until it closes', () => {
    const { root, view } = setup();
    view.update(`${FENCE}py\nx = 1\n\n\ny = 2\n`, true);
    expect(root.querySelectorAll('.code-block').length).toBe(0);
    expect(root.querySelector('.md-tail pre')?.textContent).toBe('x = 1\n\n\ny = 2\n');
    view.update(`${FENCE}py\nx = 1\n\n\ny = 2\n${FENCE}\n\nafter\n`, true);
    expect(root.querySelector('.code-block pre')?.textContent).toBe('x = 1\n\n\ny = 2\n');
    expect(root.querySelector('.md-tail')?.textContent).toBe('after\n');
  });

  it('renders a long text within the frame budget, a few blocks per frame, in order', () => {
    let clock = 0;
    // Each block takes 3 ms to render; the budget is 8 ms a frame.
    const { root, view, frames } = setup({ onBlock: () => (clock += 3) }, 8, () => clock);
    const paragraphs = Array.from({ length: 10 }, (_, i) => `Paragraph ${i}.`);
    view.update(paragraphs.join('\n\n'), false);
    const counts = [root.querySelectorAll('p').length];
    while (frames.length > 0) {
      frames.shift()?.();
      counts.push(root.querySelectorAll('p').length);
    }
    // A block that starts before the deadline finishes: three a frame.
    expect(counts).toEqual([3, 6, 9, 10]);
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual(paragraphs);
  });

  it('starts over when the text is replaced rather than extended', () => {
    const { root, view } = setup();
    view.update('Old answer.\n\nMore', false);
    view.update('New', true);
    expect(plain(root)).toBe('<p>New</p>\n');
  });

  it('adds a copy button to finished code blocks that copies the code', async () => {
    const copy = vi.fn(() => Promise.resolve());
    const { root, view } = setup({ copy });
    view.update(`${FENCE}sh\necho "<hi>"\n${FENCE}`, false);
    const button = root.querySelector<HTMLButtonElement>('.code-block button.copy-code');
    expect([root.querySelector('.code-language')?.textContent, button?.textContent]).toEqual([
      'sh',
      'Copy code',
    ]);
    button?.click();
    await vi.waitFor(() => expect(button?.textContent).toBe('Copied'));
    expect(copy).toHaveBeenCalledWith('echo "<hi>"\n');
  });

  it('says so when copying fails', async () => {
    const { root, view } = setup({ copy: () => Promise.reject(new Error('denied')) });
    view.update(`${FENCE}\nx\n${FENCE}`, false);
    const button = root.querySelector<HTMLButtonElement>('button.copy-code');
    button?.click();
    await vi.waitFor(() => expect(button?.textContent).toBe('Copy failed'));
  });

  it('highlights finished code blocks in idle time, once the grammar loads, sanitised', async () => {
    let loaded = false;
    let used = false;
    const grammar = Promise.resolve().then(() => (loaded = true));
    const highlighter: Highlighter = {
      highlight(code, language) {
        if (language !== 'js') return undefined;
        if (!loaded) return grammar;
        used = true;
        return `<span class="hljs-keyword">let</span>${code.slice(3)}<img src=x onerror="window.__xss=1">`;
      },
      compiled: (language) => language !== 'js' || used,
    };
    const { root, view, runFrames, runIdle } = setup({ highlighter });
    view.update(`${FENCE}js\nlet x;\n${FENCE}\n\n${FENCE}\nplain\n${FENCE}`, false);
    runFrames();
    const code = () => root.querySelector('code')?.innerHTML;
    expect(code()).toBe('let x;\n'); // nothing before the browser is idle
    runIdle(50); // asks for the grammar
    await grammar;
    runIdle(10); // too short for a grammar's first use (it compiles)
    expect(code()).toBe('let x;\n');
    runIdle(50);
    const codes = [...root.querySelectorAll('code')].map((element) => [
      element.className,
      element.innerHTML,
    ]);
    expect(codes).toEqual([
      ['language-js hljs', '<span class="hljs-keyword">let</span> x;\n'],
      ['', 'plain\n'],
    ]);
  });

  it('reports the text of each finished block (for announcements)', () => {
    const onBlock = vi.fn();
    const { view, runFrames } = setup({ onBlock });
    view.update('Hello **there**.\n\nSecond', true);
    view.update('Hello **there**.\n\nSecond one.', false);
    runFrames();
    expect(onBlock.mock.calls).toEqual([['Hello there.'], ['Second one.']]);
  });

  it('puts finished blocks in groups of 16 (skipped off screen), the open block after them', () => {
    const { root, view, runFrames } = setup();
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    view.update(text, true);
    runFrames();
    expect([...root.children].map((child) => [child.className, child.childElementCount])).toEqual([
      ['md-group', 16],
      ['md-group', 16],
      ['md-group', 7],
      ['md-tail', 1],
    ]);
  });

  it('makes scrollable code and tables reachable by keyboard', () => {
    const { root, view, runFrames } = setup();
    view.update(`| a |\n|---|\n| 1 |\n\n${FENCE}\nx\n${FENCE}`, false);
    runFrames();
    expect(
      [...root.querySelectorAll('[tabindex="0"]')].map((e) => e.className || e.tagName),
    ).toEqual(['table-wrap', 'PRE']);
  });

  it('shows a block whose rendering throws as plain text; the blocks after it still render', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const render = (markdown: string): DocumentFragment => {
      if (markdown.includes('BOOM')) throw new RangeError('Maximum call stack size exceeded');
      const template = document.createElement('template');
      template.innerHTML = renderMarkdown(markdown);
      return template.content;
    };
    const announced: string[] = [];
    const { root, view, runFrames } = setup({ render, onBlock: (text) => announced.push(text) });
    expect(() =>
      view.update('# One\n\n> BOOM <b>x</b>\n> y\n\n**three**\n\n*BOOM* tail', true),
    ).not.toThrow();
    runFrames();
    expect(plain(root)).toBe(
      '<h1>One</h1>\n<p>&gt; BOOM &lt;b&gt;x&lt;/b&gt;<br>&gt; y</p><p><strong>three</strong></p>\n<p>*BOOM* tail</p>',
    );
    expect(announced).toEqual(['One', '> BOOM <b>x</b>> y', 'three']);
    // The view goes on: the open block, once it renders again, is markdown again.
    view.update('# One\n\n> BOOM <b>x</b>\n> y\n\n**three**\n\n*four*', false);
    runFrames();
    expect(root.querySelector('.md-group')?.lastElementChild?.outerHTML).toBe(
      '<p><em>four</em></p>',
    );
    // The quote and the open block, then the quote again: the changed text re-rendered it all.
    expect(warn).toHaveBeenCalledTimes(3);
  });
});
