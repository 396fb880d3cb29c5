// Turnstile settings, read from env. Off unless both the secret and the site key are set: a
// deployment with one of them has been set up halfway, and guessing which half is wrong would
// either leave the chat open or lock every visitor out — so that is a config error.

export interface BotCheckSettings {
  /** `TURNSTILE_SECRET` (a secret: never logged, never sent anywhere but siteverify). */
  secret: string;
  /** `TURNSTILE_SITE_KEY`: public, the web app renders the widget with it. */
  siteKey: string;
  /** `TURNSTILE_VERIFY_URL`: Cloudflare's siteverify unless set (tests point it at a mock). */
  verifyUrl: string;
  /** `TURNSTILE_PASS_SECONDS`: how long one solved challenge lets a visitor chat. */
  passSeconds: number;
}

export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
export const DEFAULT_PASS_SECONDS = 2 * 60 * 60;
const PASS_SECONDS = { min: 60, max: 24 * 60 * 60 };

export interface BotCheckRead {
  settings: BotCheckSettings | undefined;
  /** Var names whose value was ignored (a default was used). */
  warnings: string[];
  problem: string | undefined;
}

export function readBotCheck(env: Readonly<Record<string, unknown>>): BotCheckRead {
  const secret = text(env.TURNSTILE_SECRET);
  const siteKey = text(env.TURNSTILE_SITE_KEY);
  const warnings: string[] = [];
  if (secret === '' && siteKey === '') return { settings: undefined, warnings, problem: undefined };
  if (secret === '' || siteKey === '') {
    const [set, missing] =
      secret === ''
        ? ['TURNSTILE_SITE_KEY', 'TURNSTILE_SECRET']
        : ['TURNSTILE_SECRET', 'TURNSTILE_SITE_KEY'];
    return {
      settings: undefined,
      warnings,
      problem: `${set} is set but ${missing} is not: the bot check needs both (or neither, to turn it off).`,
    };
  }
  return {
    settings: {
      secret,
      siteKey,
      verifyUrl: verifyUrl(env.TURNSTILE_VERIFY_URL, warnings),
      passSeconds: passSeconds(env.TURNSTILE_PASS_SECONDS, warnings),
    },
    warnings,
    problem: undefined,
  };
}

function verifyUrl(value: unknown, warnings: string[]): string {
  const raw = text(value);
  if (raw === '') return TURNSTILE_VERIFY_URL;
  if (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol)) return raw;
  warnings.push('TURNSTILE_VERIFY_URL');
  return TURNSTILE_VERIFY_URL;
}

function passSeconds(value: unknown, warnings: string[]): number {
  const raw = typeof value === 'number' ? String(value) : text(value);
  if (raw === '') return DEFAULT_PASS_SECONDS;
  const seconds = Number(raw);
  if (Number.isInteger(seconds) && seconds >= PASS_SECONDS.min && seconds <= PASS_SECONDS.max) {
    return seconds;
  }
  warnings.push('TURNSTILE_PASS_SECONDS');
  return DEFAULT_PASS_SECONDS;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
