import type { DemoLanguage } from './language.js';

export interface City {
  timezone: string;
  names: Record<DemoLanguage, string>;
  /** Ways people write the place (each pattern carries its own case rule). */
  aliases: RegExp[];
}

// `\b` does not work next to Hangul (it is not a word character), so Korean names match as
// plain substrings; Latin names need word boundaries so "la" in "place" is not Los Angeles.
export const CITIES: readonly City[] = [
  { timezone: 'Asia/Seoul', names: { en: 'Seoul', ko: '서울' }, aliases: [/\bseoul\b/i, /서울/] },
  {
    timezone: 'America/New_York',
    names: { en: 'New York', ko: '뉴욕' },
    aliases: [/\bnew\s+york\b/i, /\bnyc\b/i, /뉴욕/],
  },
  {
    timezone: 'Europe/London',
    names: { en: 'London', ko: '런던' },
    aliases: [/\blondon\b/i, /런던/],
  },
  { timezone: 'Asia/Tokyo', names: { en: 'Tokyo', ko: '도쿄' }, aliases: [/\btokyo\b/i, /도쿄/] },
  { timezone: 'Europe/Paris', names: { en: 'Paris', ko: '파리' }, aliases: [/\bparis\b/i, /파리/] },
  {
    timezone: 'Australia/Sydney',
    names: { en: 'Sydney', ko: '시드니' },
    aliases: [/\bsydney\b/i, /시드니/],
  },
  {
    timezone: 'America/Los_Angeles',
    names: { en: 'Los Angeles', ko: '로스앤젤레스' },
    aliases: [/\blos\s+angeles\b/i, /\bLA\b/, /\bL\.A\./i, /로스앤젤레스/, /엘에이/],
  },
  {
    timezone: 'Europe/Berlin',
    names: { en: 'Berlin', ko: '베를린' },
    aliases: [/\bberlin\b/i, /베를린/],
  },
  {
    timezone: 'Asia/Shanghai',
    names: { en: 'Beijing', ko: '베이징' },
    aliases: [/\bbeijing\b/i, /\bpeking\b/i, /베이징/, /북경/],
  },
  {
    timezone: 'Asia/Singapore',
    names: { en: 'Singapore', ko: '싱가포르' },
    aliases: [/\bsingapore\b/i, /싱가포르/, /싱가폴/],
  },
  {
    timezone: 'UTC',
    names: { en: 'UTC', ko: 'UTC' },
    aliases: [/\butc\b/i, /\bgmt\b/i, /협정\s*세계시/],
  },
];

/** The cities `text` names, in order of first mention, each once. */
export function findCities(text: string): City[] {
  const found: { city: City; at: number }[] = [];
  for (const city of CITIES) {
    let at = -1;
    for (const alias of city.aliases) {
      const match = alias.exec(text);
      if (match !== null && (at === -1 || match.index < at)) at = match.index;
    }
    if (at !== -1) found.push({ city, at });
  }
  return found.sort((a, b) => a.at - b.at).map(({ city }) => city);
}

/** The city's name for a timezone the demo asked about, or the zone itself for any other. */
export function cityName(timezone: string, language: DemoLanguage): string {
  return CITIES.find((city) => city.timezone === timezone)?.names[language] ?? timezone;
}
