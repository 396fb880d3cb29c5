import { describe, expect, it } from 'vitest';
import { detectLanguage, topicParticle } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['What time is it in Seoul?', 'en'],
    ['서울이랑 뉴욕 몇 시야?', 'ko'],
    ['Seoul 몇시?', 'ko'], // one Hangul syllable is enough
    ['ㅋㅋ', 'ko'], // compatibility jamo
    ['東京は何時?', 'en'], // Japanese is not Korean; the demo answers it in English
    ['', 'en'],
  ] as const)('%j → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('topicParticle', () => {
  it.each([
    ['서울', '은'],
    ['뉴욕', '은'],
    ['런던', '은'],
    ['베이징', '은'],
    ['도쿄', '는'],
    ['파리', '는'],
    ['시드니', '는'],
    ['UTC', '는'],
    ['Europe/Madrid', '는'],
    ['', '는'],
  ] as const)('%s → %s', (word, particle) => {
    expect(topicParticle(word)).toBe(particle);
  });
});
