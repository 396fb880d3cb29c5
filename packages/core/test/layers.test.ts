import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importsOf, LAYERS, layerViolations, readSources } from './layers.js';
import { PACKAGE_DIR, readDoc } from './markdown.js';

const sources = readSources(join(PACKAGE_DIR, 'src'));

describe('layers', () => {
  test('no shipped file imports upward, imports testing/, or imports a package', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(layerViolations(sources)).toEqual([]);
  });

  test('every directory under src/ is a layer, and docs/layers.md names each', () => {
    const dirs = new Set(
      sources.filter((f) => f.path.includes('/')).map((f) => f.path.split('/')[0]),
    );
    expect([...dirs].sort()).toEqual(Object.keys(LAYERS).sort());
    const drawing = readDoc('docs/layers.md');
    expect(Object.keys(LAYERS).filter((layer) => !drawing.includes(`${layer}/`))).toEqual([]);
  });

  test('reads every kind of import', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export * from './c.js';",
      "export { d } from './d.js';",
      "import {\n  e,\n  f,\n} from './e.js';",
      "const g = await import('./g.js');",
      "import './side-effect.js';",
      "declare module '../base/errors.js' {}",
      "// a comment that says from 'nowhere' is not an import",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      './a.js',
      '../b/b.js',
      './c.js',
      './d.js',
      './e.js',
      './g.js',
      './side-effect.js',
      '../base/errors.js',
    ]);
  });

  test('fails on an upward import, on shipped code importing testing/, and on a package', () => {
    expect(
      layerViolations([
        { path: 'base/errors.ts', text: "import type { X } from '../openai/types.js';" },
        { path: 'demo/model.ts', text: "import { s } from '../testing/index.js';" },
        { path: 'sse/parser.ts', text: "import x from 'eventsource-parser';" },
        { path: 'tools/x.ts', text: "import { y } from '../index.js';" },
        { path: 'extra/x.ts', text: '' },
        // Allowed: downward, the same layer, tests importing testing/, testing/ importing run/.
        { path: 'run/a.ts', text: "import { b } from '../base/abort.js';\nimport './b.js';" },
        { path: 'run/a.test.ts', text: "import { s } from '../testing/index.js';" },
        { path: 'testing/s.ts', text: "import { r } from '../run/index.js';" },
        { path: 'index.ts', text: "export * from './run/index.js';" },
      ]),
    ).toEqual([
      'base/errors.ts → openai/types.js: upward (base → openai)',
      'demo/model.ts → testing/index.js: shipped code imports testing/',
      'sse/parser.ts → eventsource-parser: the core imports no package',
      'tools/x.ts → index.js: a layer imports the root entry',
      'extra/x.ts: extra/ is in no layer (add it to LAYERS and docs/layers.md)',
    ]);
  });
});
