import type { MiddlewareHandler } from 'hono';

// Every response gets security headers (CSP without inline script,
// x-content-type-options: nosniff, referrer-policy, frame-ancestors 'none', HSTS, COOP and a
// Permissions-Policy). The API's own
// responses get them here; static assets, which never reach the worker (`run_worker_first` is
// only /api/*), get the same set from the `_headers` file of the assets directory — a test keeps
// public-placeholder/_headers equal to this list.

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

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // Responses passed through from elsewhere (the ASSETS binding) have immutable headers.
  const response = new Response(c.res.body, c.res);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  c.res = undefined;
  c.res = response;
};
