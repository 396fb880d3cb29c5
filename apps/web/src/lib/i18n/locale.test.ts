import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ko } from './ko.js';
import { detectLocale, messagesFor } from './locale.js';

describe('detectLocale', () => {
  it.each([
    [['ko-KR', 'en-US'], 'ko'],
    [['ko'], 'ko'],
    [['KO_kr'], 'ko'],
    [['en-US', 'ko-KR'], 'en'],
    [['ja-JP', 'ko-KR'], 'ko'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    [[''], 'en'],
    [['kok'], 'en'], // Konkani, not Korean
  ] as const)('%j → %s', (languages, locale) => {
    expect(detectLocale(languages)).toBe(locale);
  });
});

describe('messages', () => {
  it('has the greetings the issue asks for', () => {
    expect(messagesFor('ko').greeting).toBe('안녕하세요! 무엇을 도와드릴까요?');
    expect(messagesFor('en').greeting).toBe('Hi! How can I help you?');
  });

  it('translates every string: same keys, no empty or identical-to-English text', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    const untranslated = Object.keys(en).filter((key) => {
      const a = en[key as keyof typeof en];
      const b = ko[key as keyof typeof ko];
      if (typeof a === 'string') return a === '' || b === '' || a === b;
      if (typeof a === 'function') {
        const call = (f: unknown, arg: unknown) => (f as (x: unknown) => unknown)(arg);
        const sample = key === 'codeLanguage' ? '' : key.startsWith('confirm') ? 'x' : 3;
        return call(a, sample) === call(b, sample);
      }
      return JSON.stringify(a) === JSON.stringify(b);
    });
    expect(untranslated).toEqual([]);
  });

  it('formats durations per locale', () => {
    expect([en.duration(0), en.duration(250), en.duration(1234)]).toEqual([
      '<1 ms',
      '250 ms',
      '1.2 s',
    ]);
    expect([ko.duration(0), ko.duration(250), ko.duration(1234)]).toEqual([
      '1ms 미만',
      '250ms',
      '1.2초',
    ]);
  });
});
