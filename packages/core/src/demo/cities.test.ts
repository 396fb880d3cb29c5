import { describe, expect, it } from 'vitest';
import { cityName, findCities } from './cities.js';

const zones = (text: string): string[] => findCities(text).map((city) => city.timezone);

describe('findCities', () => {
  it('returns the cities in order of first mention, each once', () => {
    expect(zones('Time in New York, then Seoul, then new york again and 서울?')).toEqual([
      'America/New_York',
      'Asia/Seoul',
    ]);
    expect(zones('서울이랑 뉴욕 몇 시야?')).toEqual(['Asia/Seoul', 'America/New_York']);
    expect(zones('뉴욕, 런던, 도쿄, 파리, 시드니, 로스앤젤레스, 베를린, 베이징, 싱가포르')).toEqual(
      [
        'America/New_York',
        'Europe/London',
        'Asia/Tokyo',
        'Europe/Paris',
        'Australia/Sydney',
        'America/Los_Angeles',
        'Europe/Berlin',
        'Asia/Shanghai',
        'Asia/Singapore',
      ],
    );
  });

  it('knows the short and alternative names', () => {
    expect(zones('NYC vs LA vs Peking vs GMT')).toEqual([
      'America/New_York',
      'America/Los_Angeles',
      'Asia/Shanghai',
      'UTC',
    ]);
    expect(zones('북경이랑 엘에이')).toEqual(['Asia/Shanghai', 'America/Los_Angeles']);
  });

  it('matches Latin names as whole words only', () => {
    expect(zones('a place in lausanne; Parisian cafés; the la-la land; Seoulful')).toEqual([]);
    expect(zones('what time is it in la?')).toEqual([]); // "LA" only in capitals
  });

  it('finds nothing in text without a known city', () => {
    expect(zones('What time is it in Madrid?')).toEqual([]);
    expect(zones('')).toEqual([]);
  });
});

describe('cityName', () => {
  it('names known zones in the language and passes other zones through', () => {
    expect(cityName('Asia/Seoul', 'en')).toBe('Seoul');
    expect(cityName('Asia/Seoul', 'ko')).toBe('서울');
    expect(cityName('Asia/Shanghai', 'ko')).toBe('베이징');
    expect(cityName('Europe/Madrid', 'ko')).toBe('Europe/Madrid');
  });
});
