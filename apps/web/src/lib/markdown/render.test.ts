import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMarkdown, renderMarkdownFragment, sanitizeHighlighted } from './render.js';
import { XSS_PAYLOADS } from './xss-corpus.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const SAFE_TAGS = new Set([
  'A',
  'BLOCKQUOTE',
  'BR',
  'CODE',
  'DEL',
  'EM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'INPUT',
  'LI',
  'OL',
  'P',
  'PRE',
  'STRONG',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SAFE_ATTRIBUTES = new Set([
  'href',
  'title',
  'class',
  'align',
  'start',
  'type',
  'checked',
  'disabled',
  'target',
  'rel',
]);

/** Everything wrong with a rendered fragment; [] when it is inert. */
function problems(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (!SAFE_TAGS.has(element.tagName)) found.push(`element <${element.tagName}>`);
    for (const attribute of element.attributes) {
      if (!SAFE_ATTRIBUTES.has(attribute.name)) found.push(`attribute ${attribute.name}`);
    }
    const href = element.getAttribute('href');
    if (href !== null) {
      const protocol = new URL(href, 'https://app.example/').protocol;
      if (!['http:', 'https:', 'mailto:', 'tel:'].includes(protocol)) found.push(`href ${href}`);
      if (element.getAttribute('target') !== '_blank') found.push('link without target=_blank');
      if (element.getAttribute('rel') !== 'noopener noreferrer') found.push('link without rel');
    }
    if (element.tagName === 'INPUT' && !element.hasAttribute('disabled')) found.push('live input');
  }
  return found;
}

afterEach(() => {
  delete window.__xss;
  document.body.replaceChildren();
});

describe('renderMarkdown: the XSS corpus', () => {
  it('has at least 30 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload]))('%s → inert', async (payload) => {
    const container = document.createElement('div');
    container.append(renderMarkdownFragment(payload));
    document.body.append(container);
    // Give handlers, timers and loads a chance to run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const element of container.querySelectorAll('details, input, button')) {
      element.dispatchEvent(new Event('toggle'));
      element.dispatchEvent(new Event('focus'));
      element.dispatchEvent(new MouseEvent('mouseover'));
    }
    expect({ problems: problems(container), executed: window.__xss }).toEqual({
      problems: [],
      executed: undefined,
    });
    // Same verdict for the string form.
    const viaString = document.createElement('div');
    viaString.innerHTML = renderMarkdown(payload);
    expect(problems(viaString)).toEqual([]);
  });
});

describe('renderMarkdown', () => {
  it('renders markdown: headings, emphasis, lists, tables, code', () => {
    expect(
      renderMarkdown(
        '# T\n\n*a* **b** ~~c~~ `d`\n\n- x\n\n| h |\n|:-|\n| 1 |\n\n```js\nlet a;\n```',
      ),
    ).toBe(
      '<h1>T</h1>\n<p><em>a</em> <strong>b</strong> <del>c</del> <code>d</code></p>\n' +
        '<ul>\n<li>x</li>\n</ul>\n<table>\n<thead>\n<tr>\n<th align="left">h</th>\n</tr>\n</thead>\n' +
        '<tbody><tr>\n<td align="left">1</td>\n</tr>\n</tbody></table>\n' +
        '<pre><code class="language-js">let a;\n</code></pre>\n',
    );
  });

  it('opens links in a new tab without opener or referrer', () => {
    expect(renderMarkdown('[a](https://example.com/x?y=1) <https://b.example>')).toBe(
      '<p><a href="https://example.com/x?y=1" target="_blank" rel="noopener noreferrer">a</a> ' +
        '<a href="https://b.example" target="_blank" rel="noopener noreferrer">https://b.example</a></p>\n',
    );
  });

  it('shows raw HTML as text, block and inline', () => {
    const container = document.createElement('div');
    container.append(renderMarkdownFragment('<div class="x">hi</div>\n\nA <b>bold</b> claim'));
    expect({
      elements: [...container.querySelectorAll('*')].map((element) => element.tagName),
      text: container.textContent,
    }).toEqual({
      elements: ['P', 'P'],
      text: '<div class="x">hi</div>\nA <b>bold</b> claim\n',
    });
  });

  it('turns images into links (nothing loads from elsewhere)', () => {
    expect(renderMarkdown('![a cat](https://img.example/cat.png)')).toBe(
      '<p><a href="https://img.example/cat.png" target="_blank" rel="noopener noreferrer">a cat</a></p>\n',
    );
  });

  it('keeps task-list checkboxes disabled and drops other inputs', () => {
    const container = document.createElement('div');
    container.innerHTML = renderMarkdown('- [x] done\n- [ ] todo');
    expect(
      [...container.querySelectorAll('input')].map((input) => ({
        type: input.getAttribute('type'),
        checked: input.hasAttribute('checked'),
        disabled: input.hasAttribute('disabled'),
      })),
    ).toEqual([
      { type: 'checkbox', checked: true, disabled: true },
      { type: 'checkbox', checked: false, disabled: true },
    ]);
    expect(container.textContent).toBe('\n done\n todo\n\n');
  });
});

describe('pathological nesting', () => {
  /** How deep `selector` elements nest in `root`. */
  const depth = (root: ParentNode, selector: string): number => {
    let level = 0;
    for (
      let node = root.querySelector(selector);
      node !== null;
      node = node.querySelector(selector)
    ) {
      level++;
    }
    return level;
  };
  const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('2 KB of nested `>` renders 20 quotes deep around the text, with no error', () => {
    const warn = warnings();
    const fragment = renderMarkdownFragment(`${'>'.repeat(2000)} x`);
    expect(depth(fragment, 'blockquote')).toBe(20);
    expect(fragment.textContent?.trim()).toBe('x');
    expect(renderMarkdown(`${'> '.repeat(2000)}x`)).toBe(
      `${'<blockquote>\n'.repeat(20)}<p>x</p>\n${'</blockquote>\n'.repeat(20)}`,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('lists nested on one line or by indentation render, the text kept', () => {
    const warn = warnings();
    const oneLine = renderMarkdownFragment(`${'- '.repeat(2000)}deep`);
    expect(depth(oneLine, 'ul')).toBe(20);
    expect(oneLine.textContent?.trim()).toBe('deep');
    const lines = Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`);
    const indented = renderMarkdownFragment(lines.join('\n'));
    expect(depth(indented, 'ul')).toBeGreaterThanOrEqual(20);
    expect(indented.textContent).toContain('item 0');
    expect(indented.textContent).toContain('item 299');
    expect(warn).not.toHaveBeenCalled();
  });

  it('quotes and lists mixed, line after line ever deeper, render', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${'> - '.repeat(i + 1)}line ${i}`);
    const fragment = renderMarkdownFragment(lines.join('\n'));
    expect(fragment.textContent).toContain('line 99');
    const deepest = Math.max(
      ...[...fragment.querySelectorAll('li')].map((li) => {
        let level = 0;
        for (let node: Element | null = li; node !== null; node = node.parentElement) level++;
        return level;
      }),
    );
    // Ten `> - ` pairs kept: a blockquote, a ul and an li each.
    expect(deepest).toBe(30);
  });
});

describe('sanitizeHighlighted', () => {
  it('keeps the highlighter spans and classes only', () => {
    expect(
      sanitizeHighlighted(
        '<span class="hljs-keyword">const</span> <img src=x onerror=alert(1)><span class="hljs-title function_" onclick="x">f</span>',
      ),
    ).toBe('<span class="hljs-keyword">const</span> <span class="hljs-title function_">f</span>');
  });
});
