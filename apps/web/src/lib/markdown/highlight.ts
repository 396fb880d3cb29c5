import type { HLJSApi, LanguageFn } from 'highlight.js';

/**
 * Highlighted HTML (unsanitised); `undefined` for a language we have no grammar for; or a
 * promise while highlight.js or the grammar loads — ask again once it settles.
 */
export type HighlightResult = string | undefined | Promise<unknown>;

export interface Highlighter {
  highlight(code: string, language: string): HighlightResult;
  /** Whether highlighting `language` is cheap now: grammar loaded and compiled (or none). */
  compiled(language: string): boolean;
}

type Loader = () => Promise<{ default: LanguageFn }>;

// Each grammar is its own chunk, loaded the first time a code block needs it; highlight.js
// itself loads with the first one, so a chat without code never downloads it.
const GRAMMARS: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  python: () => import('highlight.js/lib/languages/python'),
  rust: () => import('highlight.js/lib/languages/rust'),
  sql: () => import('highlight.js/lib/languages/sql'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const ALIASES: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  py: 'python',
  python3: 'python',
  html: 'xml',
  svg: 'xml',
  svelte: 'xml',
  vue: 'xml',
  yml: 'yaml',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  h: 'c',
  rs: 'rust',
  golang: 'go',
  md: 'markdown',
  patch: 'diff',
  jsonc: 'json',
  json5: 'json',
  postgres: 'sql',
  postgresql: 'sql',
  mysql: 'sql',
  sqlite: 'sql',
};

/** The grammar name for a code block's info string, if we have one. */
export function grammarFor(language: string): string | undefined {
  const name = language.toLowerCase();
  const canonical = ALIASES[name] ?? name;
  return Object.hasOwn(GRAMMARS, canonical) ? canonical : undefined;
}

export function createHighlighter(
  loadCore: () => Promise<{ default: HLJSApi }> = () => import('highlight.js/lib/core'),
  grammars: Record<string, Loader> = GRAMMARS,
): Highlighter {
  let hljs: HLJSApi | undefined;
  let core: Promise<HLJSApi> | undefined;
  const loading = new Map<string, Promise<unknown>>();
  const failed = new Set<string>();
  /** Grammars used once: highlight.js compiles a grammar on its first use. */
  const used = new Set<string>();

  function load(grammar: string): Promise<unknown> {
    let promise = loading.get(grammar);
    if (promise === undefined) {
      core ??= loadCore().then((module) => (hljs = module.default));
      const loader = grammars[grammar] as Loader;
      promise = Promise.all([core, loader()]).then(
        ([api, module]) => api.registerLanguage(grammar, module.default),
        (error: unknown) => {
          failed.add(grammar); // offline, or a chunk gone after a deploy: plain code it is
          throw error;
        },
      );
      loading.set(grammar, promise);
    }
    return promise;
  }

  return {
    highlight(code, language) {
      const grammar = grammarFor(language);
      if (grammar === undefined || failed.has(grammar)) return undefined;
      if (hljs === undefined || hljs.getLanguage(grammar) === undefined) return load(grammar);
      used.add(grammar);
      return hljs.highlight(code, { language: grammar, ignoreIllegals: true }).value;
    },
    compiled(language) {
      const grammar = grammarFor(language);
      return grammar === undefined || failed.has(grammar) || used.has(grammar);
    },
  };
}

let shared: Highlighter | undefined;

/** The page's highlighter (grammars load once, for every view). */
export function getHighlighter(): Highlighter {
  shared ??= createHighlighter();
  return shared;
}
