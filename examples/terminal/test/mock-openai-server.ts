import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface MockReply {
  status?: number;
  contentType?: string;
  /**
   * The whole body, or a function that writes it piece by piece (flushed as written); its
   * `signal` fires if the client goes away before the body is complete.
   */
  body:
    | string
    | Uint8Array
    | ((write: (piece: string | Uint8Array) => void, signal: AbortSignal) => Promise<void>);
}

export interface MockOpenAI {
  /** The base URL to give as OPENAI_BASE_URL: `http://127.0.0.1:<port>/v1`. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in for the OpenAI API on 127.0.0.1 (a free port): each `POST /v1/chat/completions`
 * is recorded and answered with the next reply, in order — an SSE body by default. Past the
 * last reply, or on any other route, it answers as OpenAI would (a JSON error), so a test that
 * makes an unexpected request sees it fail.
 */
export async function startMockOpenAI(replies: MockReply[]): Promise<MockOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue = [...replies];
  const server = createServer((request, response) => {
    const pieces: Buffer[] = [];
    request.on('data', (piece: Buffer) => pieces.push(piece));
    request.on('end', () => {
      const text = Buffer.concat(pieces).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text: the assertion on it will show what came
      }
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
      });
      const reply =
        request.method === 'POST' && request.url === '/v1/chat/completions'
          ? queue.shift()
          : undefined;
      if (reply === undefined) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'no reply scripted', type: 'test' } }));
        return;
      }
      response.writeHead(reply.status ?? 200, {
        'content-type': reply.contentType ?? 'text/event-stream',
      });
      const send = reply.body;
      if (typeof send !== 'function') {
        response.end(send);
        return;
      }
      const gone = new AbortController();
      response.on('close', () => {
        if (!response.writableFinished) gone.abort();
      });
      void send((piece) => response.write(piece), gone.signal).finally(() => response.end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
