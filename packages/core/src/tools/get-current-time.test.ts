import { describe, expect, it } from 'vitest';
import { createGetCurrentTime, getCurrentTime } from './get-current-time.js';
import { createToolRegistry } from './registry.js';

// 2026-11-26T03:16:09.750Z: a Thursday, outside US daylight saving time.
const NOVEMBER = new Date('2026-11-26T03:16:09.750Z');
// 2026-07-04T16:00:00Z: inside US daylight saving time.
const JULY = new Date('2026-07-04T16:00:00Z');

function registryAt(date: Date) {
  return createToolRegistry([createGetCurrentTime({ now: () => date })]);
}

function callAt(date: Date, args: string) {
  return registryAt(date).execute({ id: 'call_1', name: 'get_current_time', arguments: args });
}

describe('getCurrentTime', () => {
  it('is the tutorial’s tool definition', () => {
    expect(createToolRegistry([getCurrentTime]).definitions()).toEqual([
      {
        type: 'function',
        function: {
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
        },
      },
    ]);
  });

  it.each([
    [
      'Asia/Seoul',
      NOVEMBER,
      {
        timezone: 'Asia/Seoul',
        iso: '2026-11-26T12:16:09+09:00',
        local: '2026-11-26 12:16:09',
        utcOffset: '+09:00',
      },
    ],
    [
      'America/New_York (standard time)',
      NOVEMBER,
      {
        timezone: 'America/New_York',
        iso: '2026-11-25T22:16:09-05:00',
        local: '2026-11-25 22:16:09',
        utcOffset: '-05:00',
      },
    ],
    [
      'America/New_York (daylight saving)',
      JULY,
      {
        timezone: 'America/New_York',
        iso: '2026-07-04T12:00:00-04:00',
        local: '2026-07-04 12:00:00',
        utcOffset: '-04:00',
      },
    ],
    [
      'Europe/London (daylight saving)',
      JULY,
      {
        timezone: 'Europe/London',
        iso: '2026-07-04T17:00:00+01:00',
        local: '2026-07-04 17:00:00',
        utcOffset: '+01:00',
      },
    ],
    [
      'Asia/Kolkata (half hour)',
      NOVEMBER,
      {
        timezone: 'Asia/Kolkata',
        iso: '2026-11-26T08:46:09+05:30',
        local: '2026-11-26 08:46:09',
        utcOffset: '+05:30',
      },
    ],
    [
      'Asia/Kathmandu (quarter hour)',
      NOVEMBER,
      {
        timezone: 'Asia/Kathmandu',
        iso: '2026-11-26T09:01:09+05:45',
        local: '2026-11-26 09:01:09',
        utcOffset: '+05:45',
      },
    ],
    [
      'America/St_Johns (negative half hour)',
      NOVEMBER,
      {
        timezone: 'America/St_Johns',
        iso: '2026-11-25T23:46:09-03:30',
        local: '2026-11-25 23:46:09',
        utcOffset: '-03:30',
      },
    ],
    [
      'UTC',
      NOVEMBER,
      {
        timezone: 'UTC',
        iso: '2026-11-26T03:16:09+00:00',
        local: '2026-11-26 03:16:09',
        utcOffset: '+00:00',
      },
    ],
    [
      'utc (letter case corrected)',
      NOVEMBER,
      {
        timezone: 'UTC',
        iso: '2026-11-26T03:16:09+00:00',
        local: '2026-11-26 03:16:09',
        utcOffset: '+00:00',
      },
    ],
    // POSIX sign convention: Etc/GMT+5 is five hours behind UTC.
    [
      'Etc/GMT+5',
      NOVEMBER,
      {
        timezone: 'Etc/GMT+5',
        iso: '2026-11-25T22:16:09-05:00',
        local: '2026-11-25 22:16:09',
        utcOffset: '-05:00',
      },
    ],
    [
      'US/Eastern (an alias, kept as asked)',
      JULY,
      {
        timezone: 'US/Eastern',
        iso: '2026-07-04T12:00:00-04:00',
        local: '2026-07-04 12:00:00',
        utcOffset: '-04:00',
      },
    ],
    [
      'asia/seoul (letter case corrected)',
      NOVEMBER,
      {
        timezone: 'Asia/Seoul',
        iso: '2026-11-26T12:16:09+09:00',
        local: '2026-11-26 12:16:09',
        utcOffset: '+09:00',
      },
    ],
    [
      'Etc/UTC (an alias ICU resolves to UTC, kept as asked)',
      NOVEMBER,
      {
        timezone: 'Etc/UTC',
        iso: '2026-11-26T03:16:09+00:00',
        local: '2026-11-26 03:16:09',
        utcOffset: '+00:00',
      },
    ],
    [
      'Pacific/Kiritimati (date ahead, +14)',
      NOVEMBER,
      {
        timezone: 'Pacific/Kiritimati',
        iso: '2026-11-26T17:16:09+14:00',
        local: '2026-11-26 17:16:09',
        utcOffset: '+14:00',
      },
    ],
  ] as const)('%s', async (timezone, date, output) => {
    const name = timezone.split(' ')[0] ?? '';
    expect(await callAt(date, JSON.stringify({ timezone: name }))).toEqual({ ok: true, output });
  });

  it('shows midnight as 00, not 24', async () => {
    expect(await callAt(new Date('2026-01-01T00:00:00Z'), '{"timezone":"UTC"}')).toEqual({
      ok: true,
      output: {
        timezone: 'UTC',
        iso: '2026-01-01T00:00:00+00:00',
        local: '2026-01-01 00:00:00',
        utcOffset: '+00:00',
      },
    });
  });

  it('crosses a DST change exactly (America/New_York, 2026-03-08 02:00 → 03:00)', async () => {
    const before = await callAt(
      new Date('2026-03-08T06:59:59Z'),
      '{"timezone":"America/New_York"}',
    );
    const after = await callAt(new Date('2026-03-08T07:00:00Z'), '{"timezone":"America/New_York"}');
    expect([before, after]).toEqual([
      {
        ok: true,
        output: {
          timezone: 'America/New_York',
          iso: '2026-03-08T01:59:59-05:00',
          local: '2026-03-08 01:59:59',
          utcOffset: '-05:00',
        },
      },
      {
        ok: true,
        output: {
          timezone: 'America/New_York',
          iso: '2026-03-08T03:00:00-04:00',
          local: '2026-03-08 03:00:00',
          utcOffset: '-04:00',
        },
      },
    ]);
  });

  it.each([
    ['Mars/Base', '{"timezone":"Mars/Base"}'],
    ['', '{"timezone":""}'],
    ['+09:00', '{"timezone":"+09:00"}'],
    ['Seoul', '{"timezone":"Seoul"}'],
  ])('answers invalid_arguments with a hint for %j', async (zone, args) => {
    expect(await callAt(NOVEMBER, args)).toEqual({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message: `Unknown time zone ${JSON.stringify(zone)}; use an IANA name like "Asia/Seoul" or "America/New_York"`,
      },
    });
  });

  it('rejects arguments that do not fit the schema before looking at the zone', async () => {
    expect(await callAt(NOVEMBER, '{"timezone":9,"city":"Seoul"}')).toEqual({
      ok: false,
      error: {
        code: 'invalid_arguments',
        message: '/timezone: expected string, got number; /: unexpected property "city"',
      },
    });
    expect(await callAt(NOVEMBER, '')).toEqual({
      ok: false,
      error: { code: 'invalid_arguments', message: '/: missing required property "timezone"' },
    });
  });

  it('reads the clock at each call', async () => {
    const dates = [NOVEMBER, JULY];
    const registry = createToolRegistry([
      createGetCurrentTime({ now: () => dates.shift() ?? new Date(NaN) }),
    ]);
    const call = { id: 'c', name: 'get_current_time', arguments: '{"timezone":"UTC"}' };
    const results = [await registry.execute(call), await registry.execute(call)];
    expect(results.map((r) => (r.ok ? (r.output as { iso: string }).iso : r.error))).toEqual([
      '2026-11-26T03:16:09+00:00',
      '2026-07-04T16:00:00+00:00',
    ]);
  });

  it('uses the real clock by default', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const result = await createToolRegistry([getCurrentTime]).execute({
      id: 'c',
      name: 'get_current_time',
      arguments: '{"timezone":"Asia/Seoul"}',
    });
    const after = Date.now();
    if (!result.ok) throw new Error(result.error.message);
    const { iso } = result.output as { iso: string };
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    const at = Date.parse(iso);
    expect(at >= before && at <= after).toBe(true);
  });
});
