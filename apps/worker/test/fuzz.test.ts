// POST /api/chat fuzzed inside workerd, from a fixed seed (FUZZ_SEED / FUZZ_RUNS override it;
// a failure prints the seed and the path that replays it). Whatever the body, the answer is a
// JSON 4xx `{error: {code, message}}` or a UI message stream that ends properly — never a 5xx,
// never a byte of the key. Where a case decides the answer (a valid body, a body one byte past
// the limit, a content type that is not JSON, another site's page), it is checked exactly.
import { readUIMessageStream, type ChatModel, type UIMessageChunk } from '@edgechat/core';
import { createScriptedModel } from '@edgechat/core/testing';
import {
  chatBody,
  deepJsonText,
  fuzzSettings,
  hostileValue,
  mutate,
  mutations,
  surrogateString,
} from '@edgechat/test-support/fuzz';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { answerDeps } from '../src/answers/answer-deps.js';
import { createApp } from '../src/app.js';
import { isJsonContentType } from '../src/read-json-body.js';
import { openaiEnv, PLANTED_KEY } from './helpers.js';
import { upstreamProblem } from './upstream-shape.js';

const { seed, runs } = fuzzSettings(inject('fuzzEnv'));
const MODELS = ['gpt-4o', 'gpt-4o-mini'];
const ANSWER_PREFIX = 'You said: ';

/** Why OpenAI would have refused the last request the model got (it answers anyway). */
let refused: string | undefined;

/**
 * Answers with the user's last words, so what came in goes out again through the stream, and
 * checks each request as OpenAI would: a history it refuses would be a 502 in production.
 */
const echoModel: ChatModel = (request) => {
  refused ??= upstreamProblem(request.messages);
  const last = request.messages.at(-1);
  const said = typeof last?.content === 'string' ? last.content.slice(0, 100) : '';
  return createScriptedModel([{ text: [ANSWER_PREFIX, said] }])(request);
};

const app = createApp({ model: echoModel, rateLimiter: null });
// The planted key is set, so a leak of it anywhere in an answer would show.
const ENVS = {
  default: openaiEnv(),
  small: openaiEnv({ MAX_BODY_BYTES: '4096', MAX_MESSAGES: '3', MAX_MESSAGE_BYTES: '256' }),
  smallBody: openaiEnv({ MAX_BODY_BYTES: '4096' }),
};
const BODY_LIMIT = { default: 256 * 1024, small: 4096, smallBody: 4096 };
type EnvName = keyof typeof ENVS;

interface FuzzRequest {
  env: EnvName;
  contentType: string | null;
  chunkSet?: string | undefined;
  /** `Origin` and `Sec-Fetch-Site`, as a browser sends them. */
  site?: { origin?: string; fetchSite?: string; foreign: boolean } | undefined;
  body: string | Uint8Array;
  /** Sent as a stream without content-length, as with `transfer-encoding: chunked`. */
  chunked: boolean;
  /** The answer, where the case decides it: a whole stream that finishes, or this error. */
  expected?: 'answer' | { status: number; code: string };
}

const encoder = new TextEncoder();
const byteLength = (body: string | Uint8Array) =>
  typeof body === 'string' ? encoder.encode(body).byteLength : body.byteLength;

function requestInit(request: FuzzRequest): RequestInit {
  const headers: Record<string, string> = {};
  if (request.contentType !== null) headers['content-type'] = request.contentType;
  if (request.chunkSet !== undefined) headers['x-edgechat-chunk-set'] = request.chunkSet;
  if (request.site?.origin !== undefined) headers.origin = request.site.origin;
  if (request.site?.fetchSite !== undefined) headers['sec-fetch-site'] = request.site.fetchSite;
  const bytes = typeof request.body === 'string' ? encoder.encode(request.body) : request.body;
  if (!request.chunked) return { method: 'POST', headers, body: bytes };
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 16 * 1024));
      offset += 16 * 1024;
    },
  });
  return { method: 'POST', headers, body, duplex: 'half' } as RequestInit;
}

/** A failed check, as an error fast-check reports with the case that caused it. */
function check(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) {
    const shown = detail === undefined ? '' : `: ${JSON.stringify(detail)?.slice(0, 500)}`;
    throw new Error(`${what}${shown}`);
  }
}

const ERROR_STATUSES = [400, 403, 413, 415, 422];

async function checkAnswer(request: FuzzRequest): Promise<void> {
  refused = undefined;
  const response = await app.request('/api/chat', requestInit(request), ENVS[request.env]);
  const text = await response.text();
  check(refused === undefined, `a request OpenAI takes (${refused})`);
  const headers = [...response.headers].join('\n');
  check(!text.includes(PLANTED_KEY) && !headers.includes(PLANTED_KEY), 'the key leaked');
  check(response.status < 500, `no 5xx (got ${response.status})`, text);
  // Another site's page is refused before anything else is looked at.
  const expected: FuzzRequest['expected'] = request.site?.foreign
    ? { status: 403, code: 'forbidden_origin' }
    : request.expected;

  if (response.status !== 200) {
    check(ERROR_STATUSES.includes(response.status), `a known 4xx (got ${response.status})`, text);
    check(response.headers.get('content-type') === 'application/json', 'a JSON error', headers);
    const body = JSON.parse(text) as { error?: Record<string, unknown> };
    const error = body.error ?? {};
    check(
      Object.keys(body).join() === 'error' &&
        Object.keys(error).join() === 'code,message' &&
        typeof error.code === 'string' &&
        typeof error.message === 'string',
      'an error of {error: {code, message}}',
      body,
    );
    check(expected !== 'answer', `an answer (got ${response.status})`, body);
    if (expected !== undefined && expected !== 'answer') {
      check(
        response.status === expected.status && error.code === expected.code,
        `${expected.status} ${expected.code}`,
        [response.status, body],
      );
    }
    return;
  }

  check(expected === undefined || expected === 'answer', `${JSON.stringify(expected)}, not 200`);
  check(response.headers.get('content-type') === 'text/event-stream', 'an event stream', headers);
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of readUIMessageStream(new Response(text))) chunks.push(chunk);
  const types = chunks.map((chunk) => chunk.type);
  check(types[0] === 'start', 'a stream that starts with "start"', types);
  check(['finish', 'abort', 'error'].includes(types.at(-1) ?? ''), 'a stream that ends', types);
  if (expected === 'answer') {
    const said = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : []));
    check(types.at(-1) === 'finish' && said[0] === ANSWER_PREFIX, 'the whole answer', chunks);
  }
}

// Mostly the default limits; the small ones make the limit checks fire on ordinary bodies.
const env = fc.oneof(
  { weight: 3, arbitrary: fc.constant<EnvName>('default') },
  { weight: 1, arbitrary: fc.constant<EnvName>('small') },
);
const chunked = fc.boolean();
const chunkSet = fc.option(fc.constantFrom('5', '6', '7', '', 'six', '6, 5', '0x6'), {
  nil: undefined,
});
const json = 'application/json';

/** Where a request comes from: the worker's own page, a script (no headers), or another site. */
// One request in four says where it came from.
const site = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { origin: 'http://localhost', foreign: false },
      { origin: 'http://localhost', fetchSite: 'cross-site', foreign: false },
      { fetchSite: 'same-origin', foreign: false },
      { fetchSite: 'none', foreign: false },
      { origin: 'https://evil.example', foreign: true },
      { origin: 'null', foreign: true },
      { origin: 'http://localhost:8787', foreign: true },
      { origin: `https://${'a'.repeat(200)}.example`, foreign: true },
      { fetchSite: 'cross-site', foreign: true },
      { fetchSite: 'same-site', foreign: true },
    ),
  },
);

/** A valid body's text, with `extra` fields spliced in at its end as raw JSON text. */
function bodyText(body: Record<string, unknown>, extra: string): string {
  const text = JSON.stringify(body);
  return extra === '' ? text : `${text.slice(0, -1)},${extra}}`;
}

/** An own `id` that is not a chat id: the body gets a 400 for it before anything else. */
function badChatId(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (!Object.hasOwn(value, 'id')) return false;
  const { id } = value as { id: unknown };
  return id !== undefined && !(typeof id === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(id));
}

describe(`POST /api/chat, fuzzed (seed ${seed})`, { timeout: 300_000 }, () => {
  // A body with a chat id is answered by the chat's Durable Object, which takes its model here.
  beforeAll(() => void (answerDeps.model = echoModel));
  afterAll(() => {
    delete answerDeps.model;
    check(({} as Record<string, unknown>).polluted === undefined, 'Object.prototype polluted');
  });
  const assert = (arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number) =>
    fc.assert(fc.asyncProperty(arbitrary, checkAnswer), { seed, numRuns: runs(numRuns) });

  const valid = (withId: boolean) =>
    fc
      .record({ body: chatBody({ models: MODELS, withId }), chunked, chunkSet })
      .map(({ body, ...rest }): FuzzRequest => ({
        ...rest,
        env: 'default',
        contentType: json,
        body: JSON.stringify(body),
        expected: 'answer',
      }));

  it('answers every valid body with a whole stream', () => assert(valid(false), 1000));

  // A few: each is a Durable Object of its own, about 30 times the cost of a request without.
  it('answers every valid body with a chat id with a whole stream, from its Durable Object', () =>
    assert(valid(true), 60));

  it('answers mutated bodies, from any site, with a JSON 4xx or a stream', () =>
    assert(
      fc
        .record({
          body: chatBody({ models: MODELS, withId: false }),
          // One in ten with a chat id: those that pass go to a Durable Object each.
          withId: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
          idBody: chatBody({ models: MODELS, withId: true }),
          list: mutations,
          env,
          chunked,
          chunkSet,
          site,
        })
        .map(({ body, withId, idBody, list, env, ...rest }) => {
          const value = mutate(withId ? idBody : body, list);
          const text = value === undefined ? '' : JSON.stringify(value);
          const small = byteLength(text) <= BODY_LIMIT[env];
          return {
            ...rest,
            env,
            contentType: json,
            body: text,
            ...(small && badChatId(value)
              ? { expected: { status: 400, code: 'invalid_chat_id' } }
              : {}),
          };
        }),
      2000,
    ));

  it('answers a body of exactly the limit, and refuses one a byte over, chunked or not', () =>
    assert(
      fc
        .record({
          body: chatBody({ models: MODELS }),
          delta: fc.integer({ min: -2, max: 2 }),
          env: fc.constantFrom<EnvName>('default', 'smallBody'),
          chunked,
        })
        .map(({ body, delta, env, chunked }) => {
          // An unknown top-level field is ignored, so only the size decides.
          const bare = bodyText(body, '"pad":""');
          const pad = 'x'.repeat(Math.max(0, BODY_LIMIT[env] + delta - byteLength(bare)));
          const text = bodyText(body, `"pad":"${pad}"`);
          const over = byteLength(text) > BODY_LIMIT[env];
          return {
            env,
            chunked,
            contentType: json,
            body: text,
            expected: over ? { status: 413, code: 'payload_too_large' } : ('answer' as const),
          };
        }),
      200,
    ));

  it('answers deep nesting in an ignored field by size alone, and refuses it in metadata', () =>
    assert(
      fc
        .record({
          body: chatBody({ models: MODELS }),
          depth: fc.constantFrom(63, 64, 65, 1000, 10_000, 50_000),
          kind: fc.constantFrom('object' as const, 'array' as const),
          where: fc.constantFrom('ignored', 'metadata'),
          chunked,
        })
        .map(({ body, depth, kind, where, chunked }) => {
          const deep = deepJsonText(depth, kind);
          let text: string;
          if (where === 'ignored') text = bodyText(body, `"x":${deep}`);
          else {
            // The last message's metadata: the validator caps its depth at 64.
            text = JSON.stringify(body).replace(/\}\]([^\]]*)$/, `,"metadata":${deep}}]$1`);
          }
          const over = byteLength(text) > BODY_LIMIT.default;
          let expected: FuzzRequest['expected'] = 'answer';
          if (over) expected = { status: 413, code: 'payload_too_large' };
          // `depth` levels of nesting plus the value inside: past 64 it is refused.
          else if (where === 'metadata' && depth > 64) {
            expected = { status: 422, code: 'invalid_request' };
          }
          return { env: 'default' as const, chunked, contentType: json, body: text, expected };
        }),
      150,
    ));

  it('refuses every content type that is not JSON with a 415', () =>
    assert(
      fc
        .record({
          body: chatBody({ models: MODELS }),
          contentType: fc.oneof(
            fc.constantFrom(
              null,
              'application/json',
              'application/json; charset=utf-8',
              'APPLICATION/JSON',
              ' application/json ',
              'application/json;',
              'text/plain',
              'text/plain; charset=application/json',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/jsonx',
              'application/json-patch+json',
              'application/ld+json',
              '',
            ),
            fc.string({ unit: fc.constantFrom(...'abjsontx/;= -+'), maxLength: 24 }),
          ),
          chunked,
        })
        .map(({ body, contentType, chunked }) => ({
          env: 'default' as const,
          chunked,
          contentType,
          body: JSON.stringify(body),
          expected: isJsonContentType(contentType)
            ? ('answer' as const)
            : { status: 415, code: 'unsupported_media_type' },
        })),
      300,
    ));

  it('answers random JSON, with a 422 for anything but an object', () =>
    assert(
      fc
        .record({
          value: fc.oneof(fc.jsonValue({ maxDepth: 4 }), hostileValue),
          env,
          chunked,
        })
        .map(({ value, env, chunked }) => {
          const text = JSON.stringify(value) ?? '';
          const notObject = typeof value !== 'object' || value === null || Array.isArray(value);
          const small = byteLength(text) <= BODY_LIMIT[env];
          return {
            env,
            chunked,
            contentType: json,
            body: text,
            ...(notObject && small && text.trim() !== ''
              ? { expected: { status: 422, code: 'invalid_request' } }
              : {}),
          };
        }),
      500,
    ));

  it('answers raw bytes and broken JSON text with a JSON 4xx or a stream', () => {
    // Bytes that are not UTF-8 (a lone surrogate written as UTF-8, an overlong NUL, 0xFF), a BOM.
    const badBytes = fc.constantFrom(
      [0xed, 0xa0, 0x80],
      [0xc0, 0x80],
      [0xff],
      [0xef, 0xbb, 0xbf],
      [0x00],
      [0x22],
      [0x5c],
    );
    const broken = fc
      .record({ body: chatBody({ models: MODELS }), at: fc.nat(), cut: fc.boolean(), badBytes })
      .map(({ body, at, cut, badBytes }) => {
        const bytes = encoder.encode(JSON.stringify(body));
        const offset = at % (bytes.byteLength + 1);
        const head = bytes.slice(0, offset);
        const tail = cut ? new Uint8Array(0) : bytes.slice(offset);
        return Uint8Array.from([...head, ...badBytes, ...tail]);
      });
    // JSON text with lone surrogates as escapes: valid JSON, invalid UTF-16 once parsed.
    const surrogates = fc
      .record({ body: chatBody({ models: MODELS }), text: surrogateString })
      .map(({ body, text }) =>
        JSON.stringify(body).replace(/"content":"[^"]*"/, `"content":${JSON.stringify(text)}`),
      );
    return assert(
      fc
        .record({
          body: fc.oneof(fc.uint8Array({ maxLength: 64 }), broken, surrogates),
          env,
          chunked,
        })
        .map((rest) => ({ ...rest, contentType: json })),
      850,
    );
  });
});
