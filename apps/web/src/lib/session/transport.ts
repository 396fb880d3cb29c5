import { readUIMessageStream, type UIMessage, type UIMessageChunk } from '@edgechat/core';
import { byteStreamInPieces } from '../byte-pieces.js';

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
 * Sends the conversation and opens the answer: fetch, then the core's protocol reader. Aborting `signal` aborts the request; the worker sees the disconnect and
 * stops the upstream.
 */
export async function requestAnswer(
  options: TransportOptions,
  body: ChatRequestBody,
  signal: AbortSignal,
): Promise<AnswerStream> {
  const response = await (options.fetch ?? fetch)(options.api ?? '/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  // Bytes handed to the protocol reader at a time (see byte-pieces.ts).
  const source =
    response.ok && response.body !== null ? byteStreamInPieces(response.body, 16 * 1024) : response;
  return { response, chunks: readUIMessageStream(source, { signal }) };
}
