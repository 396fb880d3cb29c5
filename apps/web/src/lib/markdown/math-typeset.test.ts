import { describe, expect, it } from 'vitest';
import { createMathTypesetter } from './math-typeset.js';

function formulas(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

describe('createMathTypesetter', () => {
  it('loads the typesetter at the first formula only, then typesets synchronously from a cache', async () => {
    const calls: string[] = [];
    let loads = 0;
    const typesetter = createMathTypesetter(async () => {
      loads++;
      return (element, tex, display) => {
        calls.push(`${display ? 'display' : 'inline'}:${tex}`);
        element.textContent = `[${tex}]`;
      };
    });
    typesetter.typeset(formulas('<p>no math here</p>'));
    expect(loads).toBe(0);

    const first = formulas('<span class="math math-inline">x^2</span>');
    typesetter.typeset(first);
    expect(first.textContent).toBe('x^2');
    await typesetter.idle();
    expect(first.innerHTML).toBe('<span class="math math-inline math-typeset">[x^2]</span>');

    // The open block re-renders: the same formula comes back as TeX and is typeset at once.
    const again = formulas(
      '<span class="math math-inline">x^2</span><span class="math math-display">y</span>',
    );
    typesetter.typeset(again);
    expect(again.textContent).toBe('[x^2][y]');
    expect({ loads, calls }).toEqual({ loads: 1, calls: ['inline:x^2', 'display:y'] });
  });

  it('keeps the TeX as text when KaTeX fails to load, and tries again at the next formula', async () => {
    let loads = 0;
    const typesetter = createMathTypesetter(async () => {
      loads++;
      if (loads === 1) throw new Error('chunk failed');
      return (element, tex) => (element.textContent = `ok ${tex}`);
    });
    const first = formulas('<span class="math math-inline">a</span>');
    typesetter.typeset(first);
    await typesetter.idle();
    expect(first.textContent).toBe('a');
    const second = formulas('<span class="math math-inline">b</span>');
    typesetter.typeset(second);
    await typesetter.idle();
    expect({ first: first.textContent, second: second.textContent, loads }).toEqual({
      first: 'a',
      second: 'ok b',
      loads: 2,
    });
  });

  it('typesets with KaTeX itself, and trusts no command that links or styles', async () => {
    // happy-dom has no compatMode; KaTeX refuses quirks mode, which a real page (with its
    // doctype) is not in.
    Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat', configurable: true });
    const typesetter = createMathTypesetter();
    const root = formulas(
      '<span class="math math-display">\\frac{1}{2}</span>' +
        '<span class="math math-inline">\\href{javascript:alert(1)}{x}\\htmlClass{evil}{y}\\url{https://example.com}</span>',
    );
    typesetter.typeset(root);
    await typesetter.idle();
    expect(root.querySelectorAll('.katex').length).toBe(2);
    expect(root.querySelector('.katex-display .mfrac')).not.toBeNull();
    // Untrusted commands become (red) text: no link, no class of the formula's choosing.
    expect(root.querySelector('a, [href]')).toBeNull();
    expect(root.querySelector('.evil')).toBeNull();
    expect(root.querySelector('[style*="url("]')).toBeNull();
  });
});
