import { cityName } from './cities.js';
import type { ClockReading } from './clock-reading.js';
import { readClock } from './clock-reading.js';
import type { DemoLanguage } from './language.js';
import { topicParticle } from './language.js';
import type { ToolRoundEntry } from './tool-round.js';

const WEEKDAYS: Record<DemoLanguage, string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  ko: ['일', '월', '화', '수', '목', '금', '토'],
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** `14:05 (Thu) in Seoul (UTC+09:00)` */
function englishClause(city: string, clock: ClockReading): string {
  const weekday = WEEKDAYS.en[clock.weekday] ?? '?';
  return `${pad(clock.hour)}:${pad(clock.minute)} (${weekday}) in ${city} (UTC${clock.utcOffset})`;
}

/** `서울은 오후 2시 5분(목, UTC+09:00)`: Korean speaks the 12-hour clock with 오전/오후. */
function koreanClause(city: string, clock: ClockReading, first: boolean): string {
  const half = clock.hour < 12 ? '오전' : '오후';
  const hour = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  const weekday = WEEKDAYS.ko[clock.weekday] ?? '?';
  const now = first ? '지금 ' : '';
  const minute = clock.minute === 0 ? '정각' : `${clock.minute}분`;
  return `${city}${topicParticle(city)} ${now}${half} ${hour}시 ${minute}(${weekday}, UTC${clock.utcOffset})`;
}

function joinEnglish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const MAX_ERROR_LENGTH = 200;

/** What went wrong, from a tool error result however the runtime shaped it. */
function failureText(output: unknown): string {
  let text: string;
  if (typeof output === 'string') text = output;
  else if (output === undefined) text = 'no result came back';
  else if (typeof output === 'object' && output !== null && 'error' in output) {
    const error = output.error;
    text =
      typeof error === 'object' && error !== null && 'message' in error
        ? String(error.message)
        : String(error);
  } else text = JSON.stringify(output);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

function requestedZone(input: unknown): string {
  if (typeof input === 'object' && input !== null && 'timezone' in input) {
    return String(input.timezone);
  }
  return 'an unknown place';
}

/**
 * The answer to a time question from its `get_current_time` results, in call order:
 * "It's 14:05 (Thu) in Seoul (UTC+09:00) and 00:05 (Thu) in New York (UTC-05:00)." A failed
 * call gets its own sentence with the tool's error message instead of being left out.
 */
export function answerTime(entries: readonly ToolRoundEntry[], language: DemoLanguage): string {
  const clauses: string[] = [];
  const failures: string[] = [];
  for (const entry of entries) {
    const clock = readClock(entry.output);
    if (clock === undefined) {
      const place = cityName(requestedZone(entry.input), language);
      const reason = failureText(entry.output);
      failures.push(
        language === 'ko'
          ? `${place}의 시간은 확인하지 못했습니다: ${reason}`
          : `I couldn't get the time for ${place}: ${reason}`,
      );
      continue;
    }
    const city = cityName(clock.timezone, language);
    clauses.push(
      language === 'ko'
        ? koreanClause(city, clock, clauses.length === 0)
        : englishClause(city, clock),
    );
  }
  const sentences: string[] = [];
  if (clauses.length > 0) {
    sentences.push(
      language === 'ko' ? `${clauses.join('이고, ')}입니다.` : `It's ${joinEnglish(clauses)}.`,
    );
  }
  for (const failure of failures) sentences.push(/[.!?]$/.test(failure) ? failure : `${failure}.`);
  return sentences.join(' ');
}
