export type DemoLanguage = 'en' | 'ko';

// Hangul syllables, Jamo and compatibility Jamo: one of them anywhere means the person wrote Korean.
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** The language to answer in: Korean when the text contains Hangul, English otherwise. */
export function detectLanguage(text: string): DemoLanguage {
  return HANGUL.test(text) ? 'ko' : 'en';
}

const SYLLABLE_START = 0xac00;
const SYLLABLE_END = 0xd7a3;
const FINALS_PER_SYLLABLE = 28;

/**
 * The Korean topic particle for `word`: 은 after a final consonant (서울은), 는 after a vowel
 * (도쿄는). A word that does not end in a Hangul syllable (UTC, Europe/Madrid) gets 는, as
 * it is read aloud ending in a vowel more often than not.
 */
export function topicParticle(word: string): '은' | '는' {
  const last = word.codePointAt(word.length - 1) ?? 0;
  if (last < SYLLABLE_START || last > SYLLABLE_END) return '는';
  return (last - SYLLABLE_START) % FINALS_PER_SYLLABLE === 0 ? '는' : '은';
}
