import { describe, expect, it } from 'vitest';
import { openFenceOf } from './open-fence.js';

describe('openFenceOf', () => {
  it('finds an open fence, its language and its code so far', () => {
    expect(openFenceOf('```ts\nconst a = 1;\nconst b')).toEqual({
      opening: '```ts',
      language: 'ts',
      code: 'const a = 1;\nconst b',
    });
    expect(openFenceOf('\n\n~~~~ python extra\nx = 1\n```\n')).toEqual({
      opening: '~~~~ python extra',
      language: 'python',
      code: 'x = 1\n```\n',
    });
    expect(openFenceOf('```\n')).toEqual({ opening: '```', language: '', code: '' });
  });

  it('is not one when the fence closed, never opened, or is something else', () => {
    expect(openFenceOf('```ts\ncode\n```')).toBeUndefined();
    expect(openFenceOf('```ts\ncode\n  ````  \nmore')).toBeUndefined();
    expect(openFenceOf('```ts')).toBeUndefined();
    expect(openFenceOf('text\n```ts\ncode')).toBeUndefined();
    expect(openFenceOf('``` a`b\ncode')).toBeUndefined();
    expect(openFenceOf('  ```\ncode')).toBeUndefined();
    expect(openFenceOf('```"><img src=x onerror=alert(1)>\ncode')).toEqual({
      opening: '```"><img src=x onerror=alert(1)>',
      language: '',
      code: 'code',
    });
  });
});
