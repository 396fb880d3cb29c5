import { ApiError } from './errors.js';

// A request body is ≤ 256 KB (413), JSON only (415) and well-formed (400). The size is
// checked twice: against `content-length` before reading, and while reading, because a chunked
// body has no length and a declared length can lie. The body is never buffered past the limit.

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * The checks that need no body: JSON content type (415) and a declared length within the
 * limit (413). Cheap, so they run before the rate limiter: a hostile page's `text/plain` posts
 * must not spend a visitor's requests.
 */
export function assertJsonRequest(request: Request, maxBytes: number): void {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'The body must be JSON, sent with content-type: application/json.',
    );
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

export async function readJsonBody(
  request: Request,
  maxBytes: number,
  drainBounds: DrainBounds = DRAIN_BOUNDS,
): Promise<unknown> {
  assertJsonRequest(request, maxBytes);

  const bytes = await readCapped(request.body, maxBytes, drainBounds);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'The body is empty.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's own message can quote the input; a fixed text is enough to act on.
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  drainBounds: DrainBounds,
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-upload; nobody will read this answer.
      throw new ApiError(400, 'bad_request', 'The body could not be read.');
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await drain(reader, drainBounds);
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

// A 413 sent while the client is still sending: if the rest of the body is left unread, the
// socket closes with unread bytes — a TCP reset, which throws our 413 away on the client's
// side too. Under `wrangler dev` it is worse: its proxy worker takes the reset for a crash of
// the worker and reloads it, so every other answer in flight dies and the next requests get
// "Your worker restarted mid-request" (503). So the rest is read and dropped — never kept —
// up to the platform's own body limit (100 MB on most plans) and a few seconds.
export interface DrainBounds {
  maxBytes: number;
  maxMs: number;
}

export const DRAIN_BOUNDS: DrainBounds = { maxBytes: 128 * 1024 * 1024, maxMs: 5000 };

async function drain(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  bounds: DrainBounds,
): Promise<void> {
  const until = Date.now() + bounds.maxMs;
  let drained = 0;
  try {
    while (drained < bounds.maxBytes && Date.now() < until) {
      const { done, value } = await reader.read();
      if (done) return;
      drained += value.byteLength;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => {});
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes.`);
}
