import { describe, expect, it } from 'vitest';
import { capNesting } from './nesting.js';

describe('capNesting', () => {
  it('leaves ordinary markdown alone, the same string', () => {
    const text = '> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n```\n>>>> code\n```\n';
    expect(capNesting(text)).toBe(text);
  });

  it('drops block quote markers beyond the depth, keeping the text', () => {
    expect(capNesting(`${'>'.repeat(2000)} x`)).toBe(`${'>'.repeat(20)} x`);
    expect(capNesting(`${'> '.repeat(2000)}x`)).toBe(`${'> '.repeat(20)}x`);
    expect(capNesting(`${'>'.repeat(5)} x`, 3)).toBe('>>> x');
  });

  it('drops list markers beyond the depth, on one line or mixed with quotes', () => {
    expect(capNesting(`${'- '.repeat(2000)}x`)).toBe(`${'- '.repeat(20)}x`);
    expect(capNesting(`${'1. '.repeat(30)}x`)).toBe(`${'1. '.repeat(20)}x`);
    expect(capNesting(`${'> * '.repeat(30)}x`)).toBe(`${'> * '.repeat(10)}x`);
    expect(capNesting('+ 2) > - deep', 2)).toBe('+ 2) deep');
  });

  it('cuts indentation beyond the cap; a tab counts to the next multiple of 4', () => {
    expect(capNesting(`${' '.repeat(500)}- x`)).toBe(`${' '.repeat(40)}- x`);
    expect(capNesting('\t\t- x', 3, 6)).toBe('      - x');
    expect(capNesting(`${' '.repeat(40)}- x`)).toBe(`${' '.repeat(40)}- x`);
  });

  it('caps every line of a text on its own', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${'>'.repeat(i + 1)} line ${i}`);
    const capped = capNesting(lines.join('\n')).split('\n');
    expect(capped[4]).toBe('>>>>> line 4');
    expect(capped[29]).toBe(`${'>'.repeat(20)} line 29`);
  });

  it('leaves fenced code alone, up to its closing fence', () => {
    const deep = '>'.repeat(30);
    const text = ['~~~~', deep, '~~~', deep, '~~~~', deep].join('\n');
    expect(capNesting(text)).toBe(['~~~~', deep, '~~~', deep, '~~~~', '>'.repeat(20)].join('\n'));
    // A line of backticks with a backtick after it opens no fence.
    expect(capNesting(`\`\`\` a \` b\n${deep}`)).toBe(`\`\`\` a \` b\n${'>'.repeat(20)}`);
  });

  it('takes empty and marker-only input', () => {
    expect(capNesting('')).toBe('');
    expect(capNesting('>'.repeat(25))).toBe('>'.repeat(20));
    expect(capNesting('- '.repeat(25))).toBe('- '.repeat(20));
  });
});
