import { isRecord } from '../base/json.js';

/** One `get_current_time` output, read as wall-clock fields in its zone. */
export interface ClockReading {
  timezone: string;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** `+09:00` style. */
  utcOffset: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/;

function normaliseOffset(text: string): string | undefined {
  if (text === 'Z' || text === 'UTC' || text === 'GMT') return '+00:00';
  const match = OFFSET.exec(text);
  if (match === null) return undefined;
  return `${match[1]}${(match[2] ?? '').padStart(2, '0')}:${match[3] ?? '00'}`;
}

/**
 * Reads `{ timezone, iso, utcOffset }` as `get_current_time` returns it. The wall clock is
 * computed from the instant (`iso`) in the zone rather than parsed from `local`, whose wording
 * is the tool's to choose. `undefined` when the output is not such an object (an error result).
 */
export function readClock(output: unknown): ClockReading | undefined {
  if (!isRecord(output) || typeof output.timezone !== 'string' || typeof output.iso !== 'string') {
    return undefined;
  }
  const instant = new Date(output.iso);
  if (Number.isNaN(instant.getTime())) return undefined;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: output.timezone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      timeZoneName: 'longOffset',
    }).formatToParts(instant);
  } catch {
    return undefined; // not a zone this runtime knows
  }
  const field = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  const given =
    typeof output.utcOffset === 'string' ? normaliseOffset(output.utcOffset) : undefined;
  return {
    timezone: output.timezone,
    hour: Number(field('hour')),
    minute: Number(field('minute')),
    weekday: WEEKDAYS.indexOf(field('weekday')),
    utcOffset: given ?? normaliseOffset(field('timeZoneName')) ?? '+00:00',
  };
}
