// The core's layers, lowest first, and the check that keeps them true. docs/layers.md draws
// the same table; test/layers.test.ts runs the check over every source file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * A directory under src/ may import only its own files and directories of a lower rank.
 * `testing/` is highest: it may use anything, and nothing that ships may import it.
 */
export const LAYERS: Readonly<Record<string, number>> = {
  base: 0,
  sse: 1,
  'partial-json': 2,
  openai: 3,
  'ui-stream': 4,
  replay: 5,
  tools: 6,
  run: 7,
  demo: 8,
  testing: 9,
};

export interface SourceFile {
  /** Relative to src/, with '/' separators: `openai/stream.ts`. */
  path: string;
  text: string;
}

/** Tests and their helpers are not shipped: they may import testing/ and any layer. */
export function isShipped(path: string): boolean {
  return !/\.test(?:-utils)?\.ts$/.test(path) && !path.includes('__fixtures__/');
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]|declare\s+module\s+['"]([^'"]+)['"]/g;

/** Every module specifier a file names: static and dynamic imports, re-exports, `declare module`. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
}

/** The layer a path under src/ belongs to; `''` for the root entry (src/index.ts). */
function layerOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** One line per import that breaks the layering, e.g. `base/errors.ts → openai/types.js: upward`. */
export function layerViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (!isShipped(file.path)) continue;
    const from = layerOf(file.path);
    if (from !== '' && LAYERS[from] === undefined) {
      problems.push(`${file.path}: ${from}/ is in no layer (add it to LAYERS and docs/layers.md)`);
      continue;
    }
    for (const specifier of importsOf(file.text)) {
      if (!specifier.startsWith('.')) {
        problems.push(`${file.path} → ${specifier}: the core imports no package`);
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
      if (target.startsWith('..')) {
        problems.push(`${file.path} → ${specifier}: outside src/`);
        continue;
      }
      const to = layerOf(target);
      if (to === from) continue;
      if (to === 'testing' && from !== '') {
        problems.push(`${file.path} → ${target}: shipped code imports testing/`);
      } else if (to === '') {
        problems.push(`${file.path} → ${target}: a layer imports the root entry`);
      } else if (LAYERS[to] === undefined) {
        problems.push(`${file.path} → ${target}: ${to}/ is in no layer`);
      } else if (from !== '' && (LAYERS[to] as number) > (LAYERS[from] as number)) {
        problems.push(`${file.path} → ${target}: upward (${from} → ${to})`);
      }
    }
  }
  return problems;
}

/** Every .ts file under `dir`, relative to it. */
export function readSources(dir: string, prefix = ''): SourceFile[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return readSources(dir, path);
    if (!entry.name.endsWith('.ts')) return [];
    return [{ path, text: readFileSync(join(dir, path), 'utf8') }];
  });
}
