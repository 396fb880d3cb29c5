import { abortReason } from './abort.js';
import { EdgechatError } from './errors.js';

/** What every reader of the core accepts: a fetch `Response`, or a bare byte stream. */
export type BodySource = Response | ReadableStream<Uint8Array>;

/** How much of a failed response's body is read for its error message. */
const ERROR_BODY_LIMIT = 64 * 1024;

/** A response body opened for reading, with the abort signal wired to it. */
export interface OpenBody {
  readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  /** The response's `content-type`, or `''` for a bare stream. */
  readonly contentType: string;
  /** Throws the abort reason once the signal has fired. Call it after every read. */
  throwIfAborted(): void;
  /**
   * Stops reading: unhooks the signal and, unless the body was read to its end, cancels it —
   * which reaches the source's `cancel()` and, for a fetch, closes the connection. Never
   * throws, and a failing `cancel()` is not left as an unhandled rejection (openai-node#682).
   */
  close(): void;
  /** Marks the body as read to its end, so `close()` has nothing to cancel. */
  markEnded(): void;
}

/**
 * Opens `source` for reading. A non-2xx `Response` is not a stream of chunks: it throws
 * EdgechatError `http_error` with `<status> <the API's error.message, else statusText>`.
 * An already aborted signal cancels the body and throws the abort reason.
 */
export async function openBody(
  source: BodySource,
  signal: AbortSignal | undefined,
): Promise<OpenBody> {
  const response = isStream(source) ? undefined : source;
  const stream = response === undefined ? (source as ReadableStream<Uint8Array>) : response.body;
  if (signal?.aborted) {
    if (stream !== null) cancelQuietly(stream.cancel(abortReason(signal)));
    throw abortReason(signal);
  }
  if (response !== undefined && !response.ok) throw await httpError(response, signal);
  const reader = (stream ?? emptyStream()).getReader();

  let ended = false;
  let closed = false;
  const onAbort = (): void => {
    // Cancelling settles a pending read() at once with `done`, so the reading loop wakes up
    // even when the source never answers; it then sees the signal and throws its reason.
    if (signal !== undefined) cancelQuietly(reader.cancel(abortReason(signal)));
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  return {
    reader,
    contentType: response?.headers.get('content-type') ?? '',
    throwIfAborted() {
      if (signal?.aborted) throw abortReason(signal);
    },
    markEnded() {
      ended = true;
    },
    close() {
      if (closed) return;
      closed = true;
      signal?.removeEventListener('abort', onAbort);
      if (!ended) cancelQuietly(reader.cancel());
    },
  };
}

function isStream(source: BodySource): source is ReadableStream<Uint8Array> {
  // Duck-typed: a Response or ReadableStream from another realm or polyfill (undici's own
  // classes, a test double) is accepted as well.
  return typeof (source as Partial<ReadableStream>).getReader === 'function';
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}

function cancelQuietly(cancelled: Promise<unknown>): void {
  cancelled.catch(() => {});
}

async function httpError(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<EdgechatError> {
  const text = response.body === null ? '' : await readPrefix(response.body, signal);
  const body = parseJson(text);
  const apiMessage = errorMessageOf(body);
  const detail = apiMessage ?? response.statusText;
  const message = detail === '' ? String(response.status) : `${response.status} ${detail}`;
  return new EdgechatError('http_error', message, {
    status: response.status,
    ...(body === undefined ? {} : { cause: body }),
  });
}

/** Reads at most ERROR_BODY_LIMIT bytes of a body as text, then cancels the rest. */
export async function readPrefix(
  stream: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
): Promise<string> {
  const reader = stream.getReader();
  const onAbort = (): void => cancelQuietly(reader.cancel());
  signal?.addEventListener('abort', onAbort, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  let ended = false;
  try {
    while (size < ERROR_BODY_LIMIT) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw abortReason(signal);
      if (done) {
        ended = true;
        break;
      }
      const piece = value.subarray(0, ERROR_BODY_LIMIT - size);
      size += piece.length;
      text += decoder.decode(piece, { stream: true });
    }
    return text + decoder.decode();
  } catch {
    // The status is what we report; a body that also fails while we read it for a message
    // leaves that report as it is (the status text stands in for the message).
    if (signal?.aborted) throw abortReason(signal);
    return text;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!ended) cancelQuietly(reader.cancel());
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The message of an API error body. OpenAI: `{"error":{"message":…,"type":…,"code":…}}`;
 * some compatible servers send `{"error":"…"}` or `{"message":"…"}`.
 */
export function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'string' && error !== '') return error;
  if (typeof error === 'object' && error !== null) {
    const inner = (error as { message?: unknown }).message;
    if (typeof inner === 'string' && inner !== '') return inner;
  }
  if (typeof message === 'string' && message !== '') return message;
  return undefined;
}
