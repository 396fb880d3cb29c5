import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import { describe, expect, it, vi } from 'vitest';
import { createHighlighter, grammarFor } from './highlight.js';

describe('grammarFor', () => {
  it.each([
    ['ts', 'typescript'],
    ['TypeScript', 'typescript'],
    ['sh', 'bash'],
    ['html', 'xml'],
    ['py', 'python'],
    ['brainfuck', undefined],
    ['', undefined],
    ['__proto__', undefined],
  ])('%s → %s', (language, grammar) => {
    expect(grammarFor(language)).toBe(grammar);
  });
});

describe('createHighlighter', () => {
  it('loads the core and a grammar on first use, then highlights', async () => {
    const loadCore = vi.fn(() => Promise.resolve({ default: hljs.newInstance() }));
    const loadTs = vi.fn(() => Promise.resolve({ default: typescript }));
    const highlighter = createHighlighter(loadCore, { typescript: loadTs });
    const first = highlighter.highlight('const a = 1;', 'ts');
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect([highlighter.compiled('ts'), highlighter.compiled('cobol')]).toEqual([false, true]);
    expect(highlighter.highlight('const a = 1;', 'ts')).toBe(
      '<span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span>;',
    );
    expect(highlighter.highlight('x', 'cobol')).toBeUndefined();
    expect(highlighter.compiled('typescript')).toBe(true);
    expect([loadCore.mock.calls.length, loadTs.mock.calls.length]).toEqual([1, 1]);
  });

  it('a grammar that fails to load leaves the code plain', async () => {
    const highlighter = createHighlighter(() => Promise.resolve({ default: hljs.newInstance() }), {
      typescript: () => Promise.reject(new Error('offline')),
    });
    await expect(highlighter.highlight('x', 'ts')).rejects.toThrow('offline');
    expect(highlighter.highlight('x', 'ts')).toBeUndefined();
  });
});
