import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app.js';
import { getConfig } from './config.js';

// Every response gets security headers (CSP without inline script,
// x-content-type-options: nosniff, referrer-policy, frame-ancestors 'none', HSTS, COOP and a
// Permissions-Policy). The API's responses and the app's pages (`run_worker_first` sends every
// path but /assets/* and the favicon here) get them from this middleware; the hashed assets,
// which never reach the worker, get the same set from the `_headers` file of the assets
// directory — a test keeps public-placeholder/_headers equal to this list.
//
// The pages are served through the worker so the CSP can depend on config: with the bot check
// on, and only then, the page may load Turnstile's script and frame from its one origin. A
// static `_headers` allowance would open that origin on every deployment.

/** No inline script or style anywhere: the web app ships both as files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Powerful features the chat never uses, off for it and for anything it might embed. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  // Two years, subdomains included; browsers ignore it over plain http (wrangler dev). Not
  // `preload`: that is a promise about a whole domain only its owner can make.
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  // A window this app opens, or that opens it, gets no handle on it (no cross-window tampering).
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': PERMISSIONS_POLICY,
});

/** Where Turnstile's `api.js` and its challenge frame come from. */
export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

/** The CSP with Turnstile's script and frame allowed, for a deployment with the bot check on. */
export const CONTENT_SECURITY_POLICY_WITH_TURNSTILE = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  `script-src 'self' ${TURNSTILE_ORIGIN}; frame-src ${TURNSTILE_ORIGIN}`,
);

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // Responses passed through from elsewhere (the ASSETS binding) have immutable headers.
  const response = new Response(c.res.body, c.res);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (getConfig(c.env).botCheck !== undefined) {
    response.headers.set('content-security-policy', CONTENT_SECURITY_POLICY_WITH_TURNSTILE);
  }
  c.res = undefined;
  c.res = response;
};
