/**
 * The text of a block as plain text, for when rendering it failed: one paragraph, its lines
 * kept apart by `<br>`. Built from text nodes, so nothing in it is ever markup.
 */
export function plainTextFragment(markdown: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const text = markdown.trim();
  if (text === '') return fragment;
  const paragraph = document.createElement('p');
  text.split('\n').forEach((line, i) => {
    if (i > 0) paragraph.append(document.createElement('br'));
    paragraph.append(line);
  });
  fragment.append(paragraph);
  return fragment;
}

/**
 * `render(markdown)`, or the markdown as plain text if rendering throws: a parser bug or a
 * pathological input costs that block its formatting, never the page (an uncaught error in a
 * Svelte effect) or the blocks queued after it.
 */
export function renderOrPlainText(
  markdown: string,
  render: (markdown: string) => DocumentFragment,
  onError: (error: unknown) => void = reportRenderError,
): DocumentFragment {
  try {
    return render(markdown);
  } catch (error) {
    onError(error);
    return plainTextFragment(markdown);
  }
}

/** Where a rendering failure goes: the console, for whoever debugs it; the page goes on. */
export function reportRenderError(error: unknown): void {
  console.warn('markdown: a block could not be rendered and is shown as plain text', error);
}
