import {
  createAnswerEventStream,
  createAnswerLog,
  parseLastEventId,
  UI_MESSAGE_STREAM_HEADERS,
  type AnswerLog,
} from '@edgechat/core';
import { DurableObject } from 'cloudflare:workers';
import { getConfig, type WorkerConfig } from '../config.js';
import { errorResponse } from '../errors.js';
import { budgetNamespace } from '../limits/daily-budget-check.js';
import { selectProvider, type Provider } from '../provider.js';
import { createTools } from '../tools.js';
import { answerDeps } from './answer-deps.js';
import {
  startAnswerRun,
  type AnswerRequest,
  type AnswerRun,
  type AnswerRunContext,
} from './answer-run.js';
import {
  createSqlAnswerStore,
  type SqlAnswerStore,
  type StoredAnswer,
} from './sql-answer-store.js';

/** The text a replay ends with when the object restarted mid-answer and the run was lost. */
export const ANSWER_INTERRUPTED = 'The answer was interrupted on the server. Please try again.';

/**
 * One per chat (`idFromName(chatId)`): produces the chat's answers and keeps the latest one's
 * chunks, so the answer does not depend on the request that asked for it. A client that drops
 * can come back for the rest (`GET …/stream` with `Last-Event-ID`); Stop reaches the run
 * wherever the client is; nobody connected for the grace period stops it. The object lives
 * where the chat was first used, near its user, and no two chats share one.
 *
 * Internal routes (the worker calls them, after its own validation and rate limits):
 * `POST /start` (an `AnswerRequest`), `GET /stream`, `POST /stop`.
 */
export class ChatAnswers extends DurableObject<Env> {
  private readonly store: SqlAnswerStore;
  private readonly config: WorkerConfig;
  private provider: Provider | undefined;
  private answer: StoredAnswer | undefined;
  private log: AnswerLog | undefined;
  private run: AnswerRun | undefined;
  /** Clients reading the live answer. */
  private readers = 0;
  private grace: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.config = getConfig(env);
    this.store = createSqlAnswerStore(ctx.storage.sql);
    this.restore();
  }

  override async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method === 'POST' && pathname === '/start') {
      return this.start((await request.json()) as AnswerRequest);
    }
    if (request.method === 'GET' && pathname === '/stream') {
      return this.replay(parseLastEventId(request.headers.get('last-event-id')));
    }
    if (request.method === 'POST' && pathname === '/stop') {
      const stopped = this.run !== undefined && this.log?.state.ended === false;
      this.run?.stop();
      return Response.json({ stopped });
    }
    return new Response(null, { status: 404 });
  }

  override async alarm(): Promise<void> {
    const endedAt = this.answer?.endedAt;
    if (endedAt === undefined) return;
    const expires = endedAt + (this.answer?.settings.retentionMs ?? 0);
    if (Date.now() < expires) {
      await this.ctx.storage.setAlarm(expires);
      return;
    }
    this.store.clear();
    this.answer = undefined;
    this.log = undefined;
  }

  private async start(request: AnswerRequest): Promise<Response> {
    // The chat's latest answer is the one that counts: one still running is stopped, and its
    // log ended first, so nothing of it is written over the new one.
    this.run?.stop();
    this.log?.end();
    this.readers = 0;
    clearTimeout(this.grace ?? null);
    this.store.clear();
    const answer: StoredAnswer = {
      state: { lastSeq: 0, storedBytes: 0, capped: false, ended: false },
      chunkSet: request.chunkSet,
      settings: request.settings,
    };
    const log = createAnswerLog(this.store, { maxBytes: request.settings.maxBytes });
    this.answer = { ...answer, state: log.state };
    this.log = log;
    this.store.save(this.answer);
    const run = await startAnswerRun(request, this.context(), log);
    if (run.failure !== undefined) {
      log.end();
      if (this.log === log) this.forget();
      return errorResponse(run.failure);
    }
    this.run = run;
    void run.done.then(() => this.ended(log, run));
    return this.respond(log, 0);
  }

  private replay(after: number): Response {
    if (this.log === undefined || this.answer === undefined) {
      return new Response(null, { status: 204 });
    }
    return this.respond(this.log, after);
  }

  private respond(log: AnswerLog, after: number): Response {
    const settings = this.answer?.settings;
    const live = !log.state.ended;
    if (live) {
      this.readers++;
      clearTimeout(this.grace ?? null);
    }
    let left = false;
    const leave = (): void => {
      // Readers of an answer that was replaced were already let go (start resets the count).
      if (left || !live || this.log !== log) return;
      left = true;
      this.readers--;
    };
    const body = createAnswerEventStream(log, {
      after,
      heartbeatMs: settings?.heartbeatMs ?? 0,
      onCancel: () => {
        leave();
        if (this.readers === 0 && this.log === log) this.startGrace();
      },
    });
    return new Response(body, { headers: UI_MESSAGE_STREAM_HEADERS });
  }

  /** Nobody is reading the live answer: it stops unless someone comes back in time. */
  private startGrace(): void {
    clearTimeout(this.grace ?? null);
    const stop = (): void => this.run?.stop();
    const ms = this.answer?.settings.disconnectGraceMs ?? 0;
    if (ms === 0) stop();
    else this.grace = setTimeout(stop, ms);
  }

  private ended(log: AnswerLog, run: AnswerRun): void {
    if (this.run === run) this.run = undefined;
    if (this.log !== log || this.answer === undefined) return;
    clearTimeout(this.grace ?? null);
    this.readers = 0;
    this.answer = { ...this.answer, state: log.state, endedAt: Date.now() };
    this.store.save(this.answer);
    void this.ctx.storage.setAlarm(Date.now() + this.answer.settings.retentionMs);
  }

  private forget(): void {
    this.store.clear();
    this.answer = undefined;
    this.log = undefined;
  }

  /** After a restart: the latest answer can be replayed; one that was running was lost. */
  private restore(): void {
    const answer = this.store.load();
    if (answer === undefined) return;
    const log = createAnswerLog(this.store, {
      maxBytes: answer.settings.maxBytes,
      restored: answer.state,
    });
    if (!answer.state.ended) {
      log.append({ type: 'error', errorText: ANSWER_INTERRUPTED });
      log.append({ type: 'finish' });
      log.end();
      answer.endedAt = Date.now();
      void this.ctx.storage.setAlarm(answer.endedAt + answer.settings.retentionMs);
    }
    this.answer = { ...answer, state: log.state };
    this.log = log;
    this.store.save(this.answer);
  }

  private context(): AnswerRunContext {
    const provider =
      answerDeps.model === undefined
        ? (this.provider ??= selectProvider(this.config))
        : selectProvider(this.config, { model: answerDeps.model });
    return {
      config: this.config,
      provider,
      tools: answerDeps.tools ?? createTools(),
      budget: budgetNamespace(this.env),
    };
  }
}
