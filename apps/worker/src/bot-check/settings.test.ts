import { describe, expect, it } from 'vitest';
import { readBotCheck, TURNSTILE_VERIFY_URL } from './settings.js';

describe('readBotCheck', () => {
  it('is off with neither var set', () => {
    expect(readBotCheck({})).toEqual({ settings: undefined, warnings: [], problem: undefined });
    expect(
      readBotCheck({ TURNSTILE_SECRET: ' ', TURNSTILE_SITE_KEY: '' }).settings,
    ).toBeUndefined();
  });

  it('is on with both, Cloudflare’s siteverify and a 2 h pass by default', () => {
    expect(readBotCheck({ TURNSTILE_SECRET: ' s3cret ', TURNSTILE_SITE_KEY: '0xSITE' })).toEqual({
      settings: {
        secret: 's3cret',
        siteKey: '0xSITE',
        verifyUrl: TURNSTILE_VERIFY_URL,
        passSeconds: 7200,
      },
      warnings: [],
      problem: undefined,
    });
  });

  it('reads the verify URL and pass length; bad values fall back with a warning', () => {
    const base = { TURNSTILE_SECRET: 's', TURNSTILE_SITE_KEY: 'k' };
    expect(
      readBotCheck({
        ...base,
        TURNSTILE_VERIFY_URL: 'http://127.0.0.1:9/v',
        TURNSTILE_PASS_SECONDS: '600',
      }).settings,
    ).toMatchObject({ verifyUrl: 'http://127.0.0.1:9/v', passSeconds: 600 });
    const bad = readBotCheck({
      ...base,
      TURNSTILE_VERIFY_URL: 'ftp://x',
      TURNSTILE_PASS_SECONDS: '5',
    });
    expect([bad.settings?.verifyUrl, bad.settings?.passSeconds, bad.warnings]).toEqual([
      TURNSTILE_VERIFY_URL,
      7200,
      ['TURNSTILE_VERIFY_URL', 'TURNSTILE_PASS_SECONDS'],
    ]);
  });

  it('one without the other is a config error naming both, never the value', () => {
    const onlySecret = readBotCheck({ TURNSTILE_SECRET: 'do-not-print-me' });
    expect(onlySecret).toEqual({
      settings: undefined,
      warnings: [],
      problem:
        'TURNSTILE_SECRET is set but TURNSTILE_SITE_KEY is not: the bot check needs both (or neither, to turn it off).',
    });
    expect(readBotCheck({ TURNSTILE_SITE_KEY: 'k' }).problem).toBe(
      'TURNSTILE_SITE_KEY is set but TURNSTILE_SECRET is not: the bot check needs both (or neither, to turn it off).',
    );
  });
});
