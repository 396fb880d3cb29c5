import { defineTool, type Tool } from './define-tool.js';
import { ToolInputError } from './tool-input-error.js';

export interface CurrentTime {
  /** The zone asked for, with its letter case corrected (`utc` → `UTC`, `asia/seoul` → `Asia/Seoul`). */
  timezone: string;
  /** ISO 8601 with the zone's offset, to the second: `2026-11-26T12:16:09+09:00`. */
  iso: string;
  /** Wall-clock time in the zone: `2026-11-26 12:16:09`. */
  local: string;
  /** `+09:00`, `-04:00`, `+05:30`; `+00:00` for UTC. */
  utcOffset: string;
}

export interface GetCurrentTimeOptions {
  /** The clock. Default `() => new Date()`; inject a fixed one in tests. */
  now?: () => Date;
}

/**
 * The tutorial's tool, `get_current_time`. An unknown zone throws `ToolInputError`, which the
 * registry reports as `invalid_arguments` with a hint the model can act on. Uses only
 * `Intl.DateTimeFormat`, so it runs in Workers, browsers, Deno and Node alike.
 */
export function createGetCurrentTime(
  options: GetCurrentTimeOptions = {},
): Tool<{ timezone: string }, CurrentTime> {
  const now = options.now ?? (() => new Date());
  return defineTool({
    name: 'get_current_time',
    description: 'Get the current time in a given timezone',
    parameters: {
      type: 'object',
      properties: {
        timezone: {
          type: 'string',
          description: 'IANA time zone name, e.g. "Asia/Seoul" or "America/New_York"',
        },
      },
      required: ['timezone'],
      additionalProperties: false,
    },
    execute: ({ timezone }) => currentTimeIn(timezone, now()),
  });
}

export const getCurrentTime = createGetCurrentTime();

function currentTimeIn(timeZone: string, date: Date): CurrentTime {
  const format = formatterFor(timeZone);
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  const [year, month, day, hour, minute, second] = [
    part.year,
    part.month,
    part.day,
    part.hour,
    part.minute,
    part.second,
  ].map(Number) as [number, number, number, number, number, number];

  // The offset is the wall-clock time read as if it were UTC, minus the instant (to the second,
  // as the wall clock is). setUTCFullYear, not Date.UTC, which maps years 0–99 to 1900–1999.
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second);
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((wall.getTime() - instant) / 60_000);

  const ymd = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const hms = `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
  const utcOffset = formatOffset(offsetMinutes);
  return {
    timezone: displayName(timeZone, format.resolvedOptions().timeZone),
    iso: `${ymd}T${hms}${utcOffset}`,
    local: `${ymd} ${hms}`,
    utcOffset,
  };
}

function formatterFor(timeZone: unknown): Intl.DateTimeFormat {
  // An absent zone would silently mean the runtime's own zone.
  if (typeof timeZone === 'string' && timeZone !== '') {
    try {
      return new Intl.DateTimeFormat('en-US', {
        timeZone,
        // h23, not hour12: false, which some engines render as "24:00:00" at midnight.
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch (error) {
      // ECMA-402: an invalid timeZone is a RangeError; anything else is not the input's fault.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  throw new ToolInputError(
    `Unknown time zone ${JSON.stringify(String(timeZone))}; use an IANA name like "Asia/Seoul" or "America/New_York"`,
  );
}

/**
 * The runtime's name when it differs from the request only in case. Otherwise the request:
 * ICU resolves to its own canonical ids, which are often the outdated ones ("Asia/Kolkata" →
 * "Asia/Calcutta"), and an alias asked for ("US/Eastern") is what the user knows.
 */
function displayName(requested: string, resolved: string): string {
  return requested.toLowerCase() === resolved.toLowerCase() ? resolved : requested;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
