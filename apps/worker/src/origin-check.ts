import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app.js';
import { getConfig } from './config.js';
import { ApiError } from './errors.js';

/**
 * Whether a browser request comes from a page we serve, or from an origin `ALLOWED_ORIGINS`
 * lets in. CORS alone only keeps a hostile page from *reading* the answer; the request itself
 * (and what it costs) still reaches us, so a cross-site one is refused here.
 *
 * - `Origin` present: it must be the worker's own origin, listed, or `*` must be listed.
 *   `Origin: null` (sandboxed frames, `file://`) is another site.
 * - No `Origin`: a browser says where it came from in `Sec-Fetch-Site`; `cross-site` and
 *   `same-site` (a sibling subdomain is another origin) are refused. Without either header it
 *   is a server, a script or the terminal chat: allowed, within the rate limits.
 */
export function originProblem(request: Request, allowed: readonly string[]): string | undefined {
  const origin = request.headers.get('origin');
  const own = new URL(request.url).origin;
  if (origin !== null) {
    if (origin === own || allowed.includes('*') || allowed.includes(origin)) return undefined;
    return `Requests from ${origin.length > 100 ? 'another site' : origin} are not allowed here.`;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') {
    return 'Requests from another site are not allowed here.';
  }
  return undefined;
}

/** 403 JSON for a request another site's page made; preflights are left to CORS. */
export const checkOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'OPTIONS') {
    const problem = originProblem(c.req.raw, getConfig(c.env).allowedOrigins);
    if (problem !== undefined) {
      throw new ApiError(
        403,
        'forbidden_origin',
        `${problem} To call this worker from another site, add its origin to ALLOWED_ORIGINS.`,
      );
    }
  }
  await next();
};
