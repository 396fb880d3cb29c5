import { markdownBudget, type FrameBudget } from '../frame-budget.js';
import { idleQueue, type IdleDeadlineLike, type IdleQueue } from '../idle-queue.js';
import { createBlockSplitter } from './block-splitter.js';
import { plainTextFragment, reportRenderError } from './fallback.js';
import { getHighlighter, type Highlighter } from './highlight.js';
import { openFenceOf } from './open-fence.js';
import { renderMarkdownFragment, sanitizeHighlighted } from './render.js';

export interface MarkdownViewLabels {
  copy: string;
  copied: string;
  copyFailed: string;
  language(language: string): string;
}

export interface MarkdownViewOptions {
  labels: MarkdownViewLabels;
  /** Called with the plain text of each block once it is final (e.g. to announce it). */
  onBlock?(text: string): void;
  /** Rendering time per frame, shared with the page's other views. Default `markdownBudget`. */
  budget?: FrameBudget;
  /** Where highlighting waits for idle time. Default `idleQueue`. */
  idle?: IdleQueue;
  now?(): number;
  highlighter?: Highlighter;
  copy?(text: string): Promise<void>;
  /** Markdown → safe DOM. Default `renderMarkdownFragment`. */
  render?(markdown: string): DocumentFragment;
}

export interface MarkdownView {
  /** Shows `text`; while `streaming`, its last block is provisional. Cheap to call per frame. */
  update(text: string, streaming: boolean): void;
  destroy(): void;
}

const CHECK_LENGTH = 64;
/** Finished blocks (top-level elements) per group. */
const GROUP_SIZE = 16;
/** Idle time a grammar's first use asks for (compiling it takes tens of milliseconds). */
const FIRST_USE_IDLE_MS = 40;
const COPIED_MS = 2000;

/**
 * Renders markdown into `root` incrementally, so a token costs the open block, not the whole
 * answer: finished blocks are parsed, sanitised and
 * inserted once; only the open block at the end is re-rendered on each update. Finished blocks
 * get a copy button, and their code is highlighted (grammars load lazily) in idle time. A long
 * text (a conversation loaded from storage, a burst of tokens) is rendered a few blocks per
 * frame, within the page's shared frame budget, so no frame is long.
 */
export function createMarkdownView(root: HTMLElement, options: MarkdownViewOptions): MarkdownView {
  const budget = options.budget ?? markdownBudget;
  const idle = options.idle ?? idleQueue;
  const now = options.now ?? (() => performance.now());
  const highlighter = options.highlighter ?? getHighlighter();
  const copy = options.copy ?? ((text) => navigator.clipboard.writeText(text));
  const render = options.render ?? renderMarkdownFragment;
  const { labels } = options;

  const splitter = createBlockSplitter();
  const tail = document.createElement('div');
  tail.className = 'md-tail';
  let text = '';
  let finished = false;
  let blocks: string[] = [];
  let nextBlock = 0;
  let tailText = '';
  let renderedTail = '';
  /** The open code block shown in the tail, grown by appending (see renderTail). */
  let openCode: { opening: string; code: string; text: Text } | undefined;
  let toHighlight: HTMLElement[] = [];
  let nextHighlight = 0;
  let group: HTMLElement | undefined;
  let destroyed = false;
  root.replaceChildren(tail);

  function reset(): void {
    splitter.reset();
    text = '';
    finished = false;
    blocks = [];
    nextBlock = 0;
    tailText = '';
    renderedTail = '';
    openCode = undefined;
    toHighlight = [];
    nextHighlight = 0;
    group = undefined;
    tail.replaceChildren();
    root.replaceChildren(tail);
  }

  /**
   * A block rendered and decorated, or as plain text if that throws: the work below runs in
   * the page's shared frame budget, where a throw would be a page error and would stop every
   * view's rendering behind it.
   */
  function blockFragment(markdown: string, final: boolean): DocumentFragment {
    try {
      const fragment = render(markdown);
      decorate(fragment, final);
      return fragment;
    } catch (error) {
      reportRenderError(error);
      return plainTextFragment(markdown);
    }
  }

  function appendBlock(markdown: string): void {
    const fragment = blockFragment(markdown, true);
    const plain = (fragment.textContent ?? '').trim();
    // Finished blocks go into groups that the browser may skip while off screen
    // (`content-visibility: auto` in styles/markdown.css): a long answer stays cheap to extend.
    if (group === undefined || group.childElementCount >= GROUP_SIZE) {
      group = document.createElement('div');
      group.className = 'md-group';
      root.insertBefore(group, tail);
    }
    group.append(fragment);
    if (plain !== '') options.onBlock?.(plain);
  }

  /**
   * The open block, again. An open fenced code block (the common long tail: a model writing a
   * file) only grows at its end, so its new text is appended to the code's text node instead
   * of parsing the block from its start each frame.
   */
  function renderTail(): void {
    const fence = openFenceOf(tailText);
    if (
      fence !== undefined &&
      openCode !== undefined &&
      fence.opening === openCode.opening &&
      fence.code.startsWith(openCode.code)
    ) {
      openCode.text.appendData(fence.code.slice(openCode.code.length));
      openCode.code = fence.code;
    } else if (fence !== undefined) {
      const pre = document.createElement('pre');
      pre.setAttribute('tabindex', '0');
      const code = document.createElement('code');
      if (fence.language !== '') code.className = `language-${fence.language}`;
      const text = document.createTextNode(fence.code);
      code.append(text);
      pre.append(code);
      tail.replaceChildren(pre);
      openCode = { opening: fence.opening, code: fence.code, text };
    } else {
      tail.replaceChildren(blockFragment(tailText, false));
      openCode = undefined;
    }
    renderedTail = tailText;
  }

  /** Code blocks and tables scroll sideways: focusable, so keyboards can scroll them too. */
  function decorate(fragment: DocumentFragment, final: boolean): void {
    for (const table of fragment.querySelectorAll('table')) {
      const wrap = document.createElement('div');
      wrap.className = 'table-wrap';
      wrap.setAttribute('tabindex', '0');
      table.replaceWith(wrap);
      wrap.append(table);
    }
    for (const pre of fragment.querySelectorAll('pre')) {
      pre.setAttribute('tabindex', '0');
      const code = pre.querySelector('code');
      if (!final || code === null) continue;
      const language = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className)?.[1] ?? '';
      const block = document.createElement('div');
      block.className = 'code-block';
      const header = document.createElement('div');
      header.className = 'code-header';
      const name = document.createElement('span');
      name.className = 'code-language';
      name.textContent = labels.language(language);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-code';
      button.textContent = labels.copy;
      header.append(name, button);
      pre.replaceWith(block);
      block.append(header, pre);
      toHighlight.push(code);
      idle.run(highlightWork);
    }
  }

  /**
   * Highlights queued code blocks while the browser is idle; true when none is left. A
   * grammar's first use compiles it (tens of ms): that waits for a long idle period.
   */
  function highlightWork(deadline: IdleDeadlineLike): boolean {
    if (destroyed) return true;
    while (nextHighlight < toHighlight.length) {
      const code = toHighlight[nextHighlight] as HTMLElement;
      const language = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className)?.[1] ?? '';
      const needed = highlighter.compiled(language) ? 2 : FIRST_USE_IDLE_MS;
      if (deadline.timeRemaining() < needed) return false;
      nextHighlight++;
      const result = highlighter.highlight(code.textContent ?? '', language);
      if (typeof result === 'string') {
        code.innerHTML = sanitizeHighlighted(result);
        code.classList.add('hljs');
      } else if (result !== undefined) {
        // The grammar is loading: this block waits for it, the others go on.
        result.then(
          () => {
            toHighlight.push(code);
            idle.run(highlightWork);
          },
          () => {},
        );
      }
    }
    toHighlight = [];
    nextHighlight = 0;
    return true;
  }

  /** Finished blocks first, then the open one — until `deadline`. */
  function work(deadline: number): boolean {
    if (destroyed) return true;
    while (nextBlock < blocks.length) {
      if (now() >= deadline) return false;
      appendBlock(blocks[nextBlock++] as string);
    }
    blocks = [];
    nextBlock = 0;
    // The open block is rendered even when the budget is spent: it is small, and it is what
    // the person is reading.
    if (tailText !== renderedTail) renderTail();
    return true;
  }

  async function onClick(event: MouseEvent): Promise<void> {
    const target = event.target;
    const button = target instanceof Element ? target.closest('button.copy-code') : null;
    if (!(button instanceof HTMLButtonElement) || !root.contains(button)) return;
    const code = button.closest('.code-block')?.querySelector('code');
    let label = labels.copied;
    try {
      await copy(code?.textContent ?? '');
    } catch {
      label = labels.copyFailed;
    }
    button.textContent = label;
    setTimeout(() => {
      button.textContent = labels.copy;
    }, COPIED_MS);
  }
  const clickListener = (event: MouseEvent): void => void onClick(event);
  root.addEventListener('click', clickListener);

  return {
    update(next, streaming) {
      if (destroyed || (next === text && streaming === !finished)) return;
      if (finished || !extendsText(text, next)) reset();
      text = next;
      const completed = splitter.push(next);
      if (streaming) {
        tailText = splitter.tail;
      } else {
        completed.push(...splitter.finish());
        tailText = '';
        finished = true;
      }
      for (const block of completed) blocks.push(block);
      budget.run(work);
    },
    destroy() {
      destroyed = true;
      root.removeEventListener('click', clickListener);
    },
  };
}

/** Whether `next` continues `previous` (text only grows while it streams; cheap check). */
function extendsText(previous: string, next: string): boolean {
  if (next.length < previous.length) return false;
  const from = Math.max(0, previous.length - CHECK_LENGTH);
  return next.startsWith(previous.slice(from), from);
}
