import {
  readUIMessageStream,
  type UIMessage,
  type UIMessageChunk,
  UI_CHUNK_SET_HEADER,
} from '@edgechat/core';

/** `POST /api/chat`'s body (DESIGN.md §4). */
export interface ChatRequestBody {
  id: string;
  messages: UIMessage[];
  /** `undefined` → the server's default (left out of the JSON). */
  model: string | undefined;
}

export interface TransportOptions {
  /** Default `/api/chat`. */
  api?: string;
  fetch?: typeof fetch;
}

export interface AnswerStream {
  /** The server's answer, any status: a failed one's headers say more (`retry-after`). */
  response: Response;
  /** Its chunks; a non-2xx response throws the core's `http_error` on the first read. */
  chunks: AsyncGenerator<UIMessageChunk, void, undefined>;
}

/**
 * Sends the conversation and opens the answer: fetch, then the core's protocol reader over
 * the whole body. Aborting `signal` aborts the request; the worker sees the disconnect and
 * stops the upstream.
 */
export async function requestAnswer(
  options: TransportOptions,
  body: ChatRequestBody,
  signal: AbortSignal,
): Promise<AnswerStream> {
  const response = await (options.fetch ?? fetch)(options.api ?? '/api/chat', {
    method: 'POST',
    // The app reads every chunk the core writes: failed tool input, the finish reason.
    headers: { 'content-type': 'application/json', [UI_CHUNK_SET_HEADER]: '6' },
    body: JSON.stringify(body),
    signal,
  });
  return { response, chunks: readUIMessageStream(response, { signal }) };
}
