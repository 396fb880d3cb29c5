import type * as MarkedModule from 'marked';
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown, renderMarkdownFragment } from './render.js';

// marked, except that it throws (as it did on deep nesting) for any text with the marker.
vi.mock('marked', async (importOriginal) => {
  const actual = await importOriginal<typeof MarkedModule>();
  class Marked extends actual.Marked {
    constructor(...args: MarkedModule.MarkedExtension[]) {
      super(...args);
      const parse = this.parse;
      this.parse = ((src: string, options?: Parameters<typeof parse>[1]) => {
        if (src.includes('💥')) throw new RangeError('Maximum call stack size exceeded');
        return parse.call(this, src, options);
      }) as typeof parse;
    }
  }
  return { ...actual, Marked };
});

const html = (fragment: DocumentFragment): string => {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
};

describe('rendering that throws', () => {
  it('falls back to the plain, escaped text, and says so on the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const text = '**bold** 💥 <img src=x onerror=alert(1)>\n> quote';
    expect(html(renderMarkdownFragment(text))).toBe(
      '<p>**bold** 💥 &lt;img src=x onerror=alert(1)&gt;<br>&gt; quote</p>',
    );
    expect(renderMarkdown(text)).toBe(
      '<p>**bold** 💥 &lt;img src=x onerror=alert(1)&gt;<br>&gt; quote</p>',
    );
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[1]).toEqual(new RangeError('Maximum call stack size exceeded'));
  });

  it('leaves other text rendered as markdown', () => {
    expect(html(renderMarkdownFragment('**bold**'))).toBe('<p><strong>bold</strong></p>\n');
  });
});
