import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { anchors, codeBlocks, docFiles, links, slug } from './markdown.js';

describe('slug', () => {
  test('drops markup and punctuation, keeps letters of any script, `_` and `-`', () => {
    expect(slug('`createSSEParser(handlers): SSEParser`')).toBe(
      'createsseparserhandlers-sseparser',
    );
    expect(
      slug('`serializeToolResult(result, options?): string` and `TOOL_RESULT_MAX_BYTES`'),
    ).toBe('serializetoolresultresult-options-string-and-tool_result_max_bytes');
    expect(slug('`@edgechat/core/testing`')).toBe('edgechatcoretesting');
    expect(slug('Departures from DESIGN.md')).toBe('departures-from-designmd');
    expect(slug('The tool loop: `runChat`')).toBe('the-tool-loop-runchat');
    expect(slug('서울 Seoul')).toBe('서울-seoul');
    expect(slug('See [the docs](docs/a.md)')).toBe('see-the-docs');
  });
});

describe('anchors', () => {
  test('numbers repeated headings and ignores # lines inside fences', () => {
    const markdown = '# A\n\n## Usage\n\n```sh\n# not a heading\n```\n\n### Usage\n## Usage ##\n';
    expect([...anchors('x.md', markdown)]).toEqual(['a', 'usage', 'usage-1', 'usage-2']);
  });

  test('an unclosed fence names its file and line', () => {
    expect(() => anchors('docs/x.md', 'text\n```ts\nconst a = 1;\n')).toThrow(
      'docs/x.md:2: a code fence is never closed',
    );
  });
});

describe('links', () => {
  test('finds inline links and images with their lines, not those in code', () => {
    const markdown = [
      'See [`f()`](docs/f.md#f) and [b [nested]](b.md "title").',
      '`[not](a-link.md)` ![img](<pic.png>)',
      '```md',
      '[inside](fence.md)',
      '```',
      '[web](https://example.com)',
    ].join('\n');
    expect(links('README.md', markdown)).toEqual([
      { file: 'README.md', line: 1, target: 'docs/f.md#f' },
      { file: 'README.md', line: 1, target: 'b.md' },
      { file: 'README.md', line: 2, target: 'pic.png' },
      { file: 'README.md', line: 6, target: 'https://example.com' },
    ]);
  });
});

describe('codeBlocks', () => {
  test('the blocks of one language with their fence line and info string', () => {
    const markdown = '```ts no-run\nconst a = 1;\n```\n\n```sh\nls\n```\n```ts\nb();\n```\n';
    expect(codeBlocks('docs/x.md', markdown, 'ts')).toEqual([
      { file: 'docs/x.md', line: 1, info: 'ts no-run', code: 'const a = 1;' },
      { file: 'docs/x.md', line: 8, info: 'ts', code: 'b();' },
    ]);
  });
});

describe('docFiles', () => {
  test('the README first, then the other top-level docs, then docs/, each sorted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgechat-doc-files-'));
    try {
      mkdirSync(join(dir, 'docs'));
      for (const file of ['CHANGELOG.md', 'README.md', 'package.json', 'docs/b.md', 'docs/a.md']) {
        writeFileSync(join(dir, file), '');
      }
      expect(docFiles(dir)).toEqual(['README.md', 'CHANGELOG.md', 'docs/a.md', 'docs/b.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
