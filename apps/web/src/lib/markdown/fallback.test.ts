import { describe, expect, it, vi } from 'vitest';
import { plainTextFragment, renderOrPlainText } from './fallback.js';

const html = (fragment: DocumentFragment): string => {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
};

describe('plainTextFragment', () => {
  it('is one paragraph of text nodes, lines kept apart, markup escaped', () => {
    expect(html(plainTextFragment('\n<img src=x onerror=alert(1)> **a**\nb & c\n'))).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; **a**<br>b &amp; c</p>',
    );
  });

  it('is empty for blank text', () => {
    expect(html(plainTextFragment(' \n '))).toBe('');
  });
});

describe('renderOrPlainText', () => {
  it('returns what the renderer returns', () => {
    const rendered = document.createDocumentFragment();
    rendered.append(document.createElement('hr'));
    const onError = vi.fn();
    expect(html(renderOrPlainText('---', () => rendered, onError))).toBe('<hr>');
    expect(onError).not.toHaveBeenCalled();
  });

  it('falls back to plain text when the renderer throws, and reports the error', () => {
    const failure = new RangeError('Maximum call stack size exceeded');
    const onError = vi.fn();
    const fragment = renderOrPlainText(
      '> <b>x</b>\n> y',
      () => {
        throw failure;
      },
      onError,
    );
    expect(html(fragment)).toBe('<p>&gt; &lt;b&gt;x&lt;/b&gt;<br>&gt; y</p>');
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('reports to the console by default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderOrPlainText('x', () => {
      throw new Error('boom');
    });
    expect(warn).toHaveBeenCalledWith(
      'markdown: a block could not be rendered and is shown as plain text',
      new Error('boom'),
    );
  });
});
