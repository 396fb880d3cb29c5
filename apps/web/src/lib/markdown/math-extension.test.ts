import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './render.js';

const inline = (tex: string) => `<span class="math math-inline">${tex}</span>`;
const display = (tex: string) => `<span class="math math-display">${tex}</span>`;

describe('math in markdown', () => {
  it('finds inline and display formulas with every delimiter', () => {
    expect(markdownToHtml('Euler: $e^{i\\pi} + 1 = 0$ and \\(a^2\\).')).toBe(
      `<p>Euler: ${inline('e^{i\\pi} + 1 = 0')} and ${inline('a^2')}.</p>\n`,
    );
    expect(markdownToHtml('$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$')).toBe(
      `<p>${display('\\int_0^1 x\\,dx = \\frac{1}{2}')}</p>\n`,
    );
    expect(markdownToHtml('\\[\nx = 1\n\\]')).toBe(`<p>${display('x = 1')}</p>\n`);
    expect(markdownToHtml('so $$x^2$$ inline')).toBe(`<p>so ${display('x^2')} inline</p>\n`);
  });

  it('leaves prices, escaped dollars and unclosed formulas as text', () => {
    expect(markdownToHtml('It costs $5 and $10.')).toBe('<p>It costs $5 and $10.</p>\n');
    expect(markdownToHtml('between $ 5 $ and')).toBe('<p>between $ 5 $ and</p>\n');
    // A closing `$` right before a digit is a price, not the end of a formula.
    expect(markdownToHtml('pay $x$5 now')).toBe('<p>pay $x$5 now</p>\n');
    expect(markdownToHtml('price $5, or $x$')).toBe(`<p>price $5, or ${inline('x')}</p>\n`);
    expect(markdownToHtml('a \\$x\\$ b')).toBe('<p>a $x$ b</p>\n');
    expect(markdownToHtml('still streaming $$\\frac{1}{')).toBe(
      '<p>still streaming $$\\frac{1}{</p>\n',
    );
  });

  it('leaves code alone', () => {
    expect(markdownToHtml('`$x$` and\n\n```sh\necho $HOME $PATH\n```')).toBe(
      '<p><code>$x$</code> and</p>\n<pre><code class="language-sh">echo $HOME $PATH\n</code></pre>\n',
    );
  });

  it('escapes the TeX: markup inside a formula stays text', () => {
    expect(markdownToHtml('$<img src=x onerror=alert(1)>$')).toBe(
      `<p>${inline('&lt;img src=x onerror=alert(1)&gt;')}</p>\n`,
    );
  });
});
