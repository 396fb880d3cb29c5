import {
  encodeUIMessageStream,
  parseUIChunkSet,
  runChat,
  toOpenAIMessages,
  UI_CHUNK_SET_HEADER,
  UI_MESSAGE_STREAM_HEADERS,
  type ChatModel,
  type RunChatResult,
  type ToolRegistry,
} from '@edgechat/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { answersFor, registerAnswerRoutes, startAnswer } from './answers/routes.js';
import { checkBot, setEarnedPass } from './bot-check/bot-check.js';
import { getConfig, type WorkerConfig } from './config.js';
import { keyGuard } from './key-guard.js';
import { assertPromptFits, limitTurn } from './turn-limits.js';
import { clientKey } from './client-key.js';
import { acquireStreamLease, releasingAtEnd } from './limits/stream-lease.js';
import {
  assertBudgetLeft,
  budgetOf,
  budgetNamespace,
  recordTokens,
} from './limits/daily-budget-check.js';
import { meterTurn } from './limits/turn-meter.js';
import { corsFor } from './cors.js';
import { checkOrigin } from './origin-check.js';
import { ApiError, errorResponse, onError, onNotFound } from './errors.js';
import { selectProvider, type Provider } from './provider.js';
import { enforceRateLimit, type RateLimiter } from './rate-limit.js';
import { assertJsonRequest, readJsonBody } from './read-json-body.js';
import { securityHeaders } from './security-headers.js';
import { createTools } from './tools.js';
import { watchUpstreamStatus } from './upstream-status.js';
import { parseChatRequest } from './validate.js';

export interface AppDeps {
  /** Answers every chat instead of OpenAI / the demo model (tests: the core's scripted model). */
  model?: ChatModel;
  /** Default: the list in src/tools.ts (`get_current_time`). */
  tools?: ToolRegistry;
  /** The clock of the default tools. */
  now?: () => Date;
  /** Default `env.RATE_LIMITER`; `null` turns rate limiting off. */
  rateLimiter?: RateLimiter | null;
  /** The `fetch` the OpenAI SDK uses (tests: a fake upstream). */
  fetch?: typeof fetch;
  /** The `fetch` Turnstile's siteverify is called with (tests: a fake one). */
  botCheckFetch?: typeof fetch;
}

export type AppEnv = { Bindings: Env };

/** API routes and the methods they answer; anything else under /api/ is a JSON 404. */
const ROUTES = {
  '/api/chat': 'POST',
  '/api/chat/:id/stream': 'GET',
  '/api/chat/:id/stop': 'POST',
  '/api/config': 'GET, HEAD',
  '/api/health': 'GET, HEAD',
} as const;

export function createApp(deps: AppDeps = {}): Hono<AppEnv> {
  const tools = deps.tools ?? createTools(deps.now === undefined ? {} : { now: deps.now });
  const providers = new WeakMap<WorkerConfig, Provider>();
  const providerFor = (config: WorkerConfig): Provider => {
    let provider = providers.get(config);
    if (provider === undefined) {
      provider = selectProvider(config, {
        ...(deps.model === undefined ? {} : { model: deps.model }),
        ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
      });
      providers.set(config, provider);
    }
    return provider;
  };

  const limiterFor = (c: Context<AppEnv>): RateLimiter | undefined =>
    deps.rateLimiter === undefined ? c.env.RATE_LIMITER : (deps.rateLimiter ?? undefined);

  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use('*', securityHeaders);
  app.use('/api/*', cors);
  app.use('/api/*', checkOrigin);
  app.use('/api/chat', setEarnedPass);

  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/config', (c) => {
    const config = getConfig(c.env);
    const provider = providerFor(config);
    return c.json({
      provider: provider.name,
      model: provider.model,
      models: provider.models,
      tools: tools.definitions().map(({ function: { name, description } }) => ({
        name,
        description: description ?? '',
      })),
      limits: { ...config.limits, maxSteps: config.maxSteps },
      // The web app's debug view shows the conversation as the model sees it, system prompt
      // first (the tutorial's debug mode). It is no secret: it steers every answer anyway.
      systemPrompt: config.systemPrompt,
      ...(config.botCheck === undefined ? {} : { turnstile: { siteKey: config.botCheck.siteKey } }),
    });
  });

  app.post('/api/chat', async (c) => {
    const started = performance.now();
    const config = getConfig(c.env);
    // Vars that contradict each other: no chat can run as README promises (logged once).
    if (config.configError !== undefined) {
      throw new ApiError(500, 'config_error', config.configError);
    }
    // Method, origin (middleware), content type and declared size first: they cost nothing,
    // and a request they refuse must not spend the client's rate limit.
    assertJsonRequest(c.req.raw, config.limits.maxBodyBytes);
    await enforceRateLimit(limiterFor(c), c.req.raw, config.rateLimitPeriod);
    const body = await readJsonBody(c.req.raw, config.limits.maxBodyBytes);
    const provider = providerFor(config);
    const request = parseChatRequest(body, {
      limits: config.limits,
      allowedModels: provider.models,
      toolNames: tools.names(),
    });
    const modelName = request.model ?? provider.model;
    const messages = toOpenAIMessages(request.messages, { system: config.systemPrompt });
    // AI SDK 5.0 clients reject chunks newer than theirs; richer ones go to a client that asks.
    const chunkSet = parseUIChunkSet(c.req.header(UI_CHUNK_SET_HEADER));
    const messagesBytes = assertPromptFits(messages, tools.definitions(), config.turn);
    await checkBot(c.req.raw, config.botCheck, deps.botCheckFetch ?? fetch);
    // The deployment's daily budget and one of the client's concurrent answers (held until
    // the response body ends): two Durable Object calls, so only for a request that is
    // otherwise fit to answer, and made side by side so only one round trip is on the way to
    // the first byte. Nothing goes upstream before both said yes: a refused request costs
    // the host nothing.
    const dailyTokens = budgetOf(config, provider);
    const [budget, leased] = await Promise.allSettled([
      assertBudgetLeft(budgetNamespace(c.env), dailyTokens),
      acquireStreamLease(
        (c.env as Partial<Pick<Env, 'CLIENT_STREAMS'>>).CLIENT_STREAMS,
        clientKey(c.req.raw),
        { limit: config.maxConcurrentStreams, ttlMs: config.turn.deadlineMs + 60_000 },
      ),
    ]);
    if (budget.status === 'rejected') {
      if (leased.status === 'fulfilled') await leased.value.release();
      throw budget.reason;
    }
    if (leased.status === 'rejected') throw leased.reason;
    const lease = leased.value;
    let response: Response;
    try {
      response = await answerTurn();
    } catch (error) {
      await lease.release();
      throw error;
    }
    if (!response.ok || response.body === null) {
      await lease.release();
      return response;
    }
    return new Response(releasingAtEnd(response.body, lease, waitUntilOf(c)), response);

    async function answerTurn(): Promise<Response> {
      // A chat's answer is made by the chat's Durable Object, so it survives a dropped
      // connection; a request without a chat id is answered here, as it always was.
      const answers = request.id === undefined ? undefined : answersFor(c.env);
      if (answers !== undefined && request.id !== undefined) {
        return startAnswer(answers, request.id, {
          messages,
          model: modelName,
          chunkSet,
          settings: config.answers,
          dailyTokens,
        });
      }

      const meter = meterTurn(
        limitTurn(provider.create(modelName), config.turn, messagesBytes),
        dailyTokens > 0,
        messagesBytes,
      );
      const upstream = watchUpstreamStatus(meter.model);
      let runEnded = (): void => {};
      const ended = new Promise<void>((resolve) => (runEnded = resolve));
      const spend = (result: RunChatResult): void => {
        runEnded();
        // In the background: the add must not hold up the answer's last chunk.
        waitUntilOf(c)(recordTokens(budgetNamespace(c.env), dailyTokens, meter.tokens(result)));
      };
      const chunks = runChat({
        model: upstream.model,
        messages,
        tools,
        maxSteps: config.maxSteps,
        ...config.upstreamStream,
        thinkTags: provider.thinkTags,
        // enable_request_signal: fires when the client disconnects, which aborts the upstream call.
        signal: c.req.raw.signal,
        messageMetadata: { model: modelName },
        onFinish: spend,
      });
      // The run's first chunks wait in its own queue meanwhile; nothing is read or replayed.
      const failure = await upstream.decide(config.statusWaitMs, ended);
      const guard = keyGuard(config.apiKey);
      if (failure !== undefined) {
        await chunks.cancel().catch(() => {});
        throw failure;
      }
      // The key guard runs as a step of the encoder, and what is waiting goes out together:
      // no stream stage of their own, no network write per chunk.
      const body = encodeUIMessageStream(chunks, {
        chunkSet,
        coalesce: true,
        ...(guard === undefined ? {} : { step: guard }),
      });
      return new Response(body, {
        headers: {
          ...UI_MESSAGE_STREAM_HEADERS,
          'server-timing': serverTiming(started, upstream.answeredAt()),
        },
      });
    }
  });

  registerAnswerRoutes(app, limiterFor);

  for (const [path, allow] of Object.entries(ROUTES)) {
    app.all(path, () =>
      errorResponse(
        new ApiError(405, 'method_not_allowed', `${path} answers ${allow} only.`, { allow }),
      ),
    );
  }
  app.all('/api/*', onNotFound);

  // The app's pages (`run_worker_first` sends all but the hashed build output here, so their
  // CSP can follow config) and tests: serve them from the assets, as the assets layer would.
  app.all('*', (c) => (c.env.ASSETS ? c.env.ASSETS.fetch(c.req.raw) : onNotFound(c)));
  return app;
}

/**
 * `upstream`: from the request to the model's HTTP status (absent if the stream was committed
 * before it); `worker`: until the response. Browsers show it in devtools; the load check uses it
 * to tell the worker's own time from the local dev proxy's. (In production Workers clocks only
 * advance on I/O, so `worker` minus `upstream` is I/O-free work and reads as 0.)
 */
function serverTiming(started: number, upstreamAt: number | undefined): string {
  const ms = (at: number) => (at - started).toFixed(1);
  const worker = `worker;dur=${ms(performance.now())}`;
  return upstreamAt === undefined ? worker : `upstream;dur=${ms(upstreamAt)}, ${worker}`;
}

/** The request's `waitUntil`; tests that call `app.request` without a context have none. */
function waitUntilOf(c: Context<AppEnv>): (promise: Promise<unknown>) => void {
  try {
    const context = c.executionCtx;
    return (promise) => context.waitUntil(promise);
  } catch {
    return () => {};
  }
}

/** `ALLOWED_ORIGINS` is read per request: the middleware is rebuilt only when it changes. */
const cors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const middleware = corsMiddlewareFor(getConfig(c.env));
  return middleware === undefined ? next() : middleware(c, next);
};

const corsByConfig = new WeakMap<WorkerConfig, MiddlewareHandler | undefined>();
function corsMiddlewareFor(config: WorkerConfig): MiddlewareHandler | undefined {
  if (!corsByConfig.has(config)) corsByConfig.set(config, corsFor(config.allowedOrigins));
  return corsByConfig.get(config);
}
