import { describe, expect, it } from 'vitest';
import { safeText } from './safe-text.js';

const ESC = '\u001b';

/** The C0 and C1 characters left in `text`, other than newline and tab. */
const controls = (text: string): string[] =>
  [...text].filter((char) => {
    const code = char.charCodeAt(0);
    return (code < 0x20 && char !== '\n' && char !== '\t') || (code >= 0x7f && code <= 0x9f);
  });

describe('safeText', () => {
  it('leaves ordinary text, newlines and tabs alone', () => {
    const text = 'Seoul 서울 🙂\n\tindented — “quoted” \u200f RLM stays';
    expect(safeText(text)).toBe(text);
  });

  it('shows an OSC 52 clipboard write instead of sending it', () => {
    expect(safeText(`copy ${ESC}]52;c;ZXZpbA==\u0007 done`)).toBe('copy ␛]52;c;ZXZpbA==␇ done');
  });

  it('shows an OSC 0 title change and a CSI 2J clear screen', () => {
    expect(safeText(`${ESC}]0;pwned${ESC}\\`)).toBe('␛]0;pwned␛\\');
    expect(safeText(`${ESC}[2J${ESC}[H`)).toBe('␛[2J␛[H');
  });

  it('gives every other C0 character its control picture, and DEL ␡', () => {
    expect(safeText('\u0000\u0001\u0008\u000b\u000c\r\u001f\u007f')).toBe('␀␁␈␋␌␍␟␡');
  });

  it('escapes C1 characters, such as the one-byte CSI U+009B', () => {
    expect(safeText('a\u009b2Jb\u0080\u009f')).toBe('a\\u{9b}2Jb\\u{80}\\u{9f}');
    expect(safeText('\u00a0é')).toBe('\u00a0é');
  });

  it('escapes bidi embeddings, overrides and isolates', () => {
    expect(safeText('file\u202egnp.exe')).toBe('file\\u{202e}gnp.exe');
    expect(safeText('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069')).toBe(
      '\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{2066}\\u{2067}\\u{2068}\\u{2069}',
    );
  });

  it('neutralises a sequence split across deltas, whatever the cut', () => {
    const raw = `a${ESC}]52;c;eA==\u0007b${ESC}[2Jc\u202ed`;
    const whole = safeText(raw);
    expect(controls(whole)).toEqual([]);
    for (let cut = 0; cut <= raw.length; cut++) {
      const pieces = [raw.slice(0, cut), raw.slice(cut)].map(safeText);
      expect(pieces.join('')).toBe(whole);
      for (const piece of pieces) expect(controls(piece)).toEqual([]);
    }
  });
});
