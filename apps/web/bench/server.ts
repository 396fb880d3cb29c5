// The benchmark's server: the built app (dist/, with the CSP of public/_headers) and an
// `/api/chat` that streams a canned answer as a UI message stream at full speed.
//
// Not `wrangler dev`: with an upstream of 10,000+ chunks, wrangler dev 4.86's inspector proxy
// reports every network chunk to devtools, slows down as the stream goes on, and workerd
// eventually fails with "Too many open files" — it would measure wrangler, not the page.
import {
  encodeUIMessageStream,
  UI_MESSAGE_STREAM_HEADERS,
  type UIMessageChunk,
} from '@edgechat/core';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** `/*` headers of a Workers `_headers` file. */
function readHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (match !== null) headers[match[1] as string] = (match[2] as string).trim();
  }
  return headers;
}

function answerChunks(deltas: readonly string[]): UIMessageChunk[] {
  return [
    { type: 'start', messageId: 'bench', messageMetadata: { model: 'bench-model' } },
    { type: 'start-step' },
    { type: 'text-start', id: 't' },
    ...deltas.map((delta): UIMessageChunk => ({ type: 'text-delta', id: 't', delta })),
    { type: 'text-end', id: 't' },
    { type: 'finish-step' },
    {
      type: 'finish',
      finishReason: 'stop',
      messageMetadata: {
        usage: {
          prompt_tokens: 10,
          completion_tokens: deltas.length,
          total_tokens: deltas.length + 10,
        },
      },
    },
  ];
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString('utf8'));
}

/** Serves `dist` on 127.0.0.1; `answers` maps a question to the deltas of its answer. */
export async function startBenchServer(
  dist: string,
  answers: ReadonlyMap<string, readonly string[]>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const security = readHeaders(join(dist, '_headers'));
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/config') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            provider: 'openai',
            model: 'bench-model',
            models: ['bench-model'],
            tools: [],
            limits: {},
          }),
        );
        return;
      }
      if (url.pathname === '/api/chat' && request.method === 'POST') {
        const body = (await readJson(request)) as { messages: { parts: { text?: string }[] }[] };
        const question =
          body.messages
            .at(-1)
            ?.parts.map((part) => part.text ?? '')
            .join('') ?? '';
        const deltas = answers.get(question) ?? ['Unknown question.'];
        response.writeHead(200, UI_MESSAGE_STREAM_HEADERS);
        const chunks = answerChunks(deltas);
        const stream = encodeUIMessageStream(
          new ReadableStream<UIMessageChunk>({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(chunk);
              controller.close();
            },
          }),
        );
        Readable.fromWeb(stream as NodeReadableStream).pipe(response);
        return;
      }
      const file = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
      let content: Buffer;
      try {
        content = readFileSync(join(dist, file));
      } catch {
        content = readFileSync(join(dist, 'index.html'));
      }
      response.writeHead(200, {
        ...security,
        'content-type': TYPES[extname(file)] ?? 'text/html; charset=utf-8',
      });
      response.end(content);
    })().catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : undefined);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}
