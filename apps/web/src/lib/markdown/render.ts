import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { renderOrPlainText, reportRenderError } from './fallback.js';
import { mathExtension } from './math-extension.js';
import { mathTypesetter } from './math-typeset.js';
import { capNesting } from './nesting.js';

// Markdown → safe DOM. Two layers, so that one mistake is not enough:
// 1. marked renders raw HTML (block or inline) as *text* and images as plain links — the model's
//    output never becomes markup of its own, and nothing loads from a third-party server;
// 2. DOMPurify keeps only the elements and attributes markdown produces, and URLs that are
//    http(s), mailto, tel or relative: `javascript:`, `data:`, `vbscript:` hrefs are dropped
//    (entity-encoded or not: it checks the parsed attribute value).
// Links get `target="_blank" rel="noopener noreferrer"`.
// Nesting is capped before parsing (nesting.ts), and a block whose rendering still throws is
// shown as plain text (fallback.ts).

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      const text = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${text}</p>\n` : text;
    },
    image({ href, text }: Tokens.Image): string {
      const label = text === '' ? href : text;
      return `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
    },
  },
});
marked.use(mathExtension((text) => escapeHtml(text)));

const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  // Formulas only (math-extension.ts): raw HTML never becomes markup, so no other span exists.
  'span',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title', 'class', 'align', 'start', 'type', 'checked', 'disabled'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

let purifier: DOMPurify | undefined;

function getPurifier(): DOMPurify {
  if (purifier !== undefined) return purifier;
  const instance = createDOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    const tag = node.tagName;
    if (tag === 'A') {
      if (node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (tag === 'INPUT') {
      // Only GFM task-list checkboxes, and never editable.
      if (node.getAttribute('type') !== 'checkbox') node.remove();
      else node.setAttribute('disabled', '');
    }
    // Classes only as marked writes them (`language-*` on code) and on the highlighter's
    // spans (allowed by `sanitizeHighlighted` only).
    const className = node.getAttribute('class');
    const allowed =
      (tag === 'CODE' && /^language-[\w+#.-]+$/.test(className ?? '')) ||
      (tag === 'SPAN' && /^[\w -]+$/.test(className ?? ''));
    if (className !== null && !allowed) node.removeAttribute('class');
  });
  purifier = instance;
  return instance;
}

/** Markdown → HTML, unsanitised (the input of `sanitize`); nesting capped. May throw. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(capNesting(markdown), { async: false });
}

/**
 * Sanitised markdown as a fragment of the current document, ready to insert; the text as
 * plain text if rendering fails.
 */
export function renderMarkdownFragment(markdown: string): DocumentFragment {
  const fragment = renderOrPlainText(markdown, (text) =>
    getPurifier().sanitize(markdownToHtml(text), { ...CONFIG, RETURN_DOM_FRAGMENT: true }),
  );
  mathTypesetter.typeset(fragment);
  return fragment;
}

/** Sanitised markdown as an HTML string; the text, escaped, if rendering fails. */
export function renderMarkdown(markdown: string): string {
  try {
    return getPurifier().sanitize(markdownToHtml(markdown), CONFIG);
  } catch (error) {
    reportRenderError(error);
    const text = markdown.trim();
    return text === '' ? '' : `<p>${escapeHtml(text).replaceAll('\n', '<br>')}</p>`;
  }
}

/** Highlighter output (spans with classes) → safe HTML: spans and their `hljs-*` classes only. */
export function sanitizeHighlighted(html: string): string {
  return getPurifier().sanitize(html, { ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'] });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const WARM_UP =
  '# a\n\n*b* **c** `d` [e](https://example.com)\n\n- f\n\n1. g\n\n> h\n\n| i |\n|---|\n| j |\n\n```ts\nk\n```';

/**
 * Parses and sanitises a sample once, so that the one-time costs (DOMPurify's setup, compiling
 * the parser's code and regular expressions) are paid while the page is idle, not in the first
 * frame of the first answer.
 */
export function warmUpMarkdown(): void {
  renderMarkdownFragment(WARM_UP);
}
