// A mock OpenAI Chat Completions server for tests that run in Node: real HTTP on 127.0.0.1 (a
// free port). It replays recorded-style SSE streams — the frames OpenAI sends, field for field —
// and misbehaves on cue: HTTP errors, mid-stream cuts, error frames, hangs, and pauses the test
// releases. Point OPENAI_BASE_URL at `mock.url`.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { play } from './play.js';
import { createResponder, locate, mockError } from './routing.js';
import type { ChatRequestBody, MockOpenAI, MockOpenAIOptions, MockRequest } from './types.js';

export async function startMockOpenAI(options: MockOpenAIOptions = {}): Promise<MockOpenAI> {
  const respond = createResponder(options);
  const requests: MockRequest[] = [];
  const waiters: ((request: MockRequest) => void)[] = [];
  const barriers = createBarriers();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const path = req.url ?? '';
    if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
      await play(mockError(`no route ${req.method} ${path}`, 404), res, barriers.waitFor);
      return;
    }
    const body = parseBody(text);
    if (body === undefined) {
      await play(mockError(`the body is not a chat request: ${text}`), res, barriers.waitFor);
      return;
    }
    const record = recordRequest(requests.length + 1, req, res, body);
    requests.push(record);
    for (const waiter of waiters.splice(0)) waiter(record);
    await play(respond(record), res, barriers.waitFor);
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    release: barriers.release,
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}

function recordRequest(
  index: number,
  req: IncomingMessage,
  res: ServerResponse,
  body: ChatRequestBody,
): MockRequest {
  let markClosed = (): void => {};
  const record: MockRequest = {
    index,
    method: req.method ?? '',
    path: req.url ?? '',
    ...locate(body),
    headers: req.headers,
    body,
    receivedAt: performance.now(),
    finished: false,
    closed: new Promise((resolve) => (markClosed = resolve)),
  };
  res.on('close', () => {
    record.closedAt = performance.now();
    record.finished = res.writableFinished;
    markClosed();
  });
  return record;
}

/** Named barriers: `waitFor(name)` resolves once `release(name)` was called, before or after. */
function createBarriers(): {
  waitFor(name: string): Promise<void>;
  release(name: string): void;
} {
  const released = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  return {
    waitFor(name) {
      if (released.has(name)) return Promise.resolve();
      return new Promise((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), resolve]));
    },
    release(name) {
      released.add(name);
      for (const resolve of waiting.get(name) ?? []) resolve();
      waiting.delete(name);
    },
  };
}

function parseBody(text: string): ChatRequestBody | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const messages = (body as { messages?: unknown } | null)?.messages;
    return Array.isArray(messages) ? (body as ChatRequestBody) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
