import type { MiddlewareHandler } from 'hono';
import { clientKey } from '../client-key.js';
import { ApiError } from '../errors.js';
import type { BotCheckSettings } from './settings.js';
import { signPass, verifyPass } from './signed-cookie.js';
import { verifyTurnstileToken } from './turnstile-verify.js';

// The bot check of POST /api/chat, when Turnstile is on: a visitor with a valid pass cookie
// goes on; anyone else must bring a fresh widget token, which siteverify checks once and which
// earns a pass for the following answers. It runs after the rate limit (siteverify is a
// subrequest, and a flood of tokens must not become a flood of them) and after the body is
// validated (a token is single use: a request refused anyway should not burn it).

export const PASS_COOKIE = 'edgechat_pass';
export const TOKEN_HEADER = 'x-turnstile-token';

/** Passes earned by a request, to be set on whatever its response turns out to be. */
const earned = new WeakMap<Request, string>();

export async function checkBot(
  request: Request,
  settings: BotCheckSettings | undefined,
  fetchFn: typeof fetch,
  now: () => number = Date.now,
): Promise<void> {
  if (settings === undefined) return;
  const client = clientKey(request);
  const nowSeconds = Math.floor(now() / 1000);
  const pass = cookie(request.headers.get('cookie'), PASS_COOKIE);
  if (pass !== undefined && (await verifyPass(settings.secret, client, pass, nowSeconds))) return;

  const token = request.headers.get(TOKEN_HEADER)?.trim() ?? '';
  if (token === '') {
    throw new ApiError(
      403,
      'bot_check_required',
      'Please confirm you are human (the check above the message box), then send again.',
    );
  }
  const outcome = await verifyTurnstileToken({
    url: settings.verifyUrl,
    secret: settings.secret,
    token,
    remoteIp: request.headers.get('cf-connecting-ip')?.trim() || undefined,
    fetch: fetchFn,
  });
  if (outcome === 'unavailable') {
    // Fails closed: letting everyone through while the check is down is what a bot waits for.
    throw new ApiError(
      503,
      'bot_check_unavailable',
      'The human check cannot be verified right now. Please try again shortly.',
      { 'retry-after': '10' },
    );
  }
  if (outcome === 'failed') {
    throw new ApiError(
      403,
      'bot_check_failed',
      'The human check did not pass or has expired. Please complete it again, then send.',
    );
  }
  const expiresAt = nowSeconds + settings.passSeconds;
  const value = await signPass(settings.secret, client, expiresAt);
  earned.set(
    request,
    `${PASS_COOKIE}=${value}; Max-Age=${settings.passSeconds}; Path=/api; HttpOnly; Secure; SameSite=Strict`,
  );
}

/**
 * Sets the pass a request earned on its response — also when the answer itself then failed
 * (an upstream error, say): the token is spent either way, and the visitor did pass.
 */
export const setEarnedPass: MiddlewareHandler = async (c, next) => {
  await next();
  const setCookie = earned.get(c.req.raw);
  if (setCookie === undefined) return;
  const response = new Response(c.res.body, c.res);
  response.headers.append('set-cookie', setCookie);
  c.res = undefined;
  c.res = response;
};

function cookie(header: string | null, name: string): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
