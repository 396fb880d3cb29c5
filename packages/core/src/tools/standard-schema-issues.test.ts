import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatStandardSchemaIssues } from './standard-schema-issues.js';

describe('formatStandardSchemaIssues', () => {
  it('prefixes each message with its path as a JSON Pointer', () => {
    expect(
      formatStandardSchemaIssues([
        { message: 'at root' },
        { message: 'empty path', path: [] },
        { message: 'keys', path: ['a', 0, 'b'] },
        { message: 'segments', path: [{ key: 'list' }, { key: 2 }] },
        { message: 'escaped', path: ['a/b', 'c~d'] },
        { message: 'symbol', path: [Symbol('s'), Symbol()] },
      ]),
    ).toEqual([
      '/: at root',
      '/: empty path',
      '/a/0/b: keys',
      '/list/2: segments',
      '/a~1b/c~0d: escaped',
      '/s/: symbol',
    ]);
  });

  it('formats zod 4 issues', async () => {
    const schema = z.object({ city: z.string(), tags: z.array(z.number()) });
    const result = await schema['~standard'].validate({ city: 1, tags: [1, 'x'] });
    expect(formatStandardSchemaIssues(result.issues ?? [])).toEqual([
      '/city: Invalid input: expected string, received number',
      '/tags/1: Invalid input: expected number, received string',
    ]);
  });
});
