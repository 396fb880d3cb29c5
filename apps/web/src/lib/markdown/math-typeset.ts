import { reportRenderError } from './fallback.js';

type Typeset = (element: HTMLElement, tex: string, display: boolean) => void;
type LoadTypesetter = () => Promise<Typeset>;

export interface MathTypesetter {
  /**
   * Typesets the formulas (`span.math`) under `root`: at once if KaTeX is loaded, else once it
   * is (loading starts at the first formula). Formulas already typeset are left alone.
   */
  typeset(root: ParentNode): void;
  /** Settles when nothing waits for KaTeX. */
  idle(): Promise<void>;
}

/** Rendered formulas kept for reuse, so the open block re-rendered per frame costs a clone. */
const CACHE_SIZE = 200;

export function createMathTypesetter(
  load: LoadTypesetter = async () => (await import('./katex.js')).typeset,
): MathTypesetter {
  let typesetter: Typeset | undefined;
  let loading: Promise<void> | undefined;
  const waiting = new Set<HTMLElement>();
  const cache = new Map<string, Node[]>();

  function typesetOne(element: HTMLElement, typeset: Typeset): void {
    const tex = element.textContent ?? '';
    const display = element.classList.contains('math-display');
    const key = `${display ? 'D' : 'I'}${tex}`;
    let nodes = cache.get(key);
    if (nodes === undefined) {
      const scratch = document.createElement('span');
      try {
        typeset(scratch, tex, display);
      } catch (error) {
        // throwOnError is off: only a bug gets here. The TeX stays readable as text.
        reportRenderError(error);
        return;
      }
      nodes = [...scratch.childNodes];
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, nodes);
    }
    element.replaceChildren(...nodes.map((node) => node.cloneNode(true)));
    element.classList.add('math-typeset');
  }

  function startLoading(): Promise<void> {
    loading ??= load().then(
      (loaded) => {
        typesetter = loaded;
        for (const element of waiting) {
          // Replaced meanwhile (the open block re-renders): nothing to do.
          if (element.isConnected) typesetOne(element, loaded);
        }
        waiting.clear();
      },
      (error: unknown) => {
        // The chunk failed to load (offline, a new deployment): formulas stay as TeX text,
        // and the next formula tries again.
        reportRenderError(error);
        loading = undefined;
        waiting.clear();
      },
    );
    return loading;
  }

  return {
    typeset(root) {
      const elements = root.querySelectorAll<HTMLElement>('span.math:not(.math-typeset)');
      if (elements.length === 0) return;
      if (typesetter !== undefined) {
        for (const element of elements) typesetOne(element, typesetter);
        return;
      }
      for (const element of elements) waiting.add(element);
      void startLoading();
    },
    async idle() {
      await loading;
    },
  };
}

/** The page's one typesetter (one KaTeX, one cache). */
export const mathTypesetter = createMathTypesetter();
