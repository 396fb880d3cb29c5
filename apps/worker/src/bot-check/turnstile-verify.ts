import { logger } from '../log.js';

// One call to Turnstile's siteverify. Tokens are single use and expire after 5 minutes, so
// a token is checked once, here, and what the visitor keeps afterwards is the signed pass.

/** `ok`: a human; `failed`: the token is not good (403); `unavailable`: we cannot tell (503). */
export type VerifyOutcome = 'ok' | 'failed' | 'unavailable';

/** Turnstile's own limit: a longer value cannot be a token, and is not sent anywhere. */
export const MAX_TOKEN_LENGTH = 2048;
const TIMEOUT_MS = 5000;

/** Error codes that say the *worker* is set up wrong, not that the visitor failed. */
const OUR_FAULT = new Set(['missing-input-secret', 'invalid-input-secret', 'internal-error']);

export interface VerifyRequest {
  url: string;
  secret: string;
  token: string;
  /** CF-Connecting-IP, when there is one: siteverify checks the token was solved there. */
  remoteIp: string | undefined;
  fetch: typeof fetch;
}

export async function verifyTurnstileToken(request: VerifyRequest): Promise<VerifyOutcome> {
  if (request.token === '' || request.token.length > MAX_TOKEN_LENGTH) return 'failed';
  const form = new FormData();
  form.set('secret', request.secret);
  form.set('response', request.token);
  if (request.remoteIp !== undefined) form.set('remoteip', request.remoteIp);
  // Called unbound: workerd's `fetch` refuses a `this` that is not the global scope.
  const { fetch: send } = request;
  let body: unknown;
  try {
    const response = await send(request.url, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      logger.warn(`turnstile siteverify answered HTTP ${response.status}`);
      await response.body?.cancel();
      return 'unavailable';
    }
    body = await response.json();
  } catch (error) {
    logger.warn('turnstile siteverify failed', error);
    return 'unavailable';
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof (body as { success?: unknown }).success !== 'boolean'
  ) {
    logger.warn('turnstile siteverify answered without a boolean `success`');
    return 'unavailable';
  }
  const { success, 'error-codes': codes } = body as { success: boolean; 'error-codes'?: unknown };
  if (success) return 'ok';
  const errorCodes = Array.isArray(codes) ? codes.filter((code) => typeof code === 'string') : [];
  if (errorCodes.some((code) => OUR_FAULT.has(code))) {
    logger.error(`turnstile siteverify refused the worker: ${errorCodes.join(', ')}`);
    return 'unavailable';
  }
  return 'failed';
}
