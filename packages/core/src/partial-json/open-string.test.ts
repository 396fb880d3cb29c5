import { describe, expect, it } from 'vitest';
import { createOpenString } from './open-string.js';

describe('createOpenString', () => {
  it('appends runs and units, holding back a trailing high surrogate until its low half', () => {
    const s = createOpenString();
    const seen: string[] = [];
    s.appendRun('xx서울\ud83d', 2, 5);
    seen.push(s.partial());
    s.appendRun('\ude00!', 0, 2);
    seen.push(s.partial());
    s.appendUnit(0xd83d);
    seen.push(s.partial());
    s.appendUnit(0xde00);
    seen.push(s.partial());
    s.appendRun('\ud83d', 0, 1);
    seen.push(s.partial());
    s.appendUnit(0x41);
    seen.push(s.partial());
    expect(seen).toEqual([
      '서울',
      '서울😀!',
      '서울😀!',
      '서울😀!😀',
      '서울😀!😀',
      '서울😀!😀\ud83dA',
    ]);
  });

  it('keeps a lone high surrogate that ends the closed string, like JSON.parse', () => {
    const s = createOpenString();
    s.appendRun('a\ud83d', 0, 2);
    expect([s.partial(), s.close()]).toEqual(['a', 'a\ud83d']);
    s.reset();
    s.appendUnit(0xdbff);
    expect([s.partial(), s.close()]).toEqual(['', '\udbff']);
    s.reset();
    expect([s.partial(), s.close()]).toEqual(['', '']);
  });
});
