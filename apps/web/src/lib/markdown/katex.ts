// The lazily loaded half of math: KaTeX's code, CSS and fonts land in their own chunk, fetched
// the first time a formula appears.
import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * TeX → DOM, typeset into `element`. `render` builds DOM nodes and sets their styles through
 * the CSSOM, which the app's CSP (`style-src 'self'`) allows; its HTML-string output would
 * need inline style attributes. `trust: false` turns `\href`, `\url`, `\htmlClass`, `\includegraphics`
 * and the like into error text, so a formula can't make a link, a class or a request.
 */
export function typeset(element: HTMLElement, tex: string, display: boolean): void {
  katex.render(tex, element, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
    maxSize: 50,
    maxExpand: 1000,
  });
}
