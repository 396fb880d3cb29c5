import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { logger } from './log.js';

// DESIGN.md §4: errors are JSON `{ "error": { "code": "…", "message": "…" } }`. Every error is
// thrown as an `ApiError` (an `HTTPException`) and shaped here, in one `app.onError`.

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'too_many_messages'
  | 'message_too_large'
  | 'unsupported_media_type'
  | 'invalid_request'
  | 'invalid_chat_id'
  | 'forbidden_origin'
  | 'bot_check_required'
  | 'bot_check_failed'
  | 'bot_check_unavailable'
  | 'rate_limiter_unavailable'
  | 'too_many_streams'
  | 'budget_spent'
  | 'budget_unavailable'
  | 'not_found'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'upstream_unavailable'
  | 'upstream_rate_limited'
  | 'upstream_error'
  | 'upstream_timeout'
  | 'config_error'
  | 'internal_error';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

export class ApiError extends HTTPException {
  readonly code: ApiErrorCode;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ContentfulStatusCode,
    code: ApiErrorCode,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(status, { message });
    this.code = code;
    this.headers = headers;
  }
}

export function errorResponse(error: ApiError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  return Response.json(body, { status: error.status, headers: error.headers });
}

/**
 * The one error handler. `ApiError`s are answered as they are; anything else is a bug: logged
 * (redacted) and answered with a generic 500 — no message, no stack, nothing a key could hide in.
 */
export const onError: ErrorHandler = (error) => {
  if (error instanceof ApiError) return errorResponse(error);
  if (error instanceof HTTPException && error.status < 500) {
    // Thrown by Hono itself (e.g. a malformed request line); its messages are fixed strings.
    return errorResponse(new ApiError(error.status, 'bad_request', 'Bad request.'));
  }
  logger.error('unhandled error', error);
  return errorResponse(new ApiError(500, 'internal_error', 'Internal error.'));
};

export const onNotFound: NotFoundHandler = () =>
  errorResponse(new ApiError(404, 'not_found', 'No such API route.'));
