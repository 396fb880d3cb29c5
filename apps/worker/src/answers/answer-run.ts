import {
  runChat,
  SAFE_ERROR_MESSAGES,
  toUIChunkSet,
  type AnswerLog,
  type OpenAIMessage,
  type ToolRegistry,
  type UIChunkSet,
  type UIMessageChunk,
} from '@edgechat/core';
import type { AnswerSettings, WorkerConfig } from '../config.js';
import type { ApiError } from '../errors.js';
import { guardKey } from '../key-guard.js';
import type { Provider } from '../provider.js';
import { recordTokens } from '../limits/daily-budget-check.js';
import { meterTurn } from '../limits/turn-meter.js';
import { limitTurn } from '../turn-limits.js';
import { watchUpstreamStatus } from '../upstream-status.js';

/** What the worker hands the chat's object: the request, already validated. */
export interface AnswerRequest {
  messages: OpenAIMessage[];
  model: string;
  chunkSet: UIChunkSet;
  /** The worker's settings for this answer (its env is the one tests and deployments set). */
  settings: AnswerSettings;
  /** The daily token budget the worker checked (0: none); the answer's tokens count against it. */
  dailyTokens: number;
}

export interface AnswerRun {
  /** Set when the first model call failed before the stream: answer with this error instead. */
  failure?: ApiError;
  /** Stops the answer (Stop, or nobody came back in time). Its `abort` and `finish` follow. */
  stop(): void;
  /** Resolves once every chunk is in the log and the log ended. */
  done: Promise<void>;
}

export interface AnswerRunContext {
  config: WorkerConfig;
  provider: Provider;
  tools: ToolRegistry;
  /** Where the answer's tokens are added (`request.dailyTokens`). */
  budget: Env['DAILY_BUDGET'] | undefined;
}

/**
 * Runs one answer into `log`, independent of any client: the chunks go to the log (in the
 * asking client's chunk set) whether or not anyone is connected. As for a plain request, the
 * first model call's HTTP status is awaited first, so a rate limit is a 429, not a stream.
 */
export async function startAnswerRun(
  request: AnswerRequest,
  context: AnswerRunContext,
  log: AnswerLog,
): Promise<AnswerRun> {
  const { config, provider, tools } = context;
  const controller = new AbortController();
  const meter = meterTurn(
    limitTurn(provider.create(request.model), config.turn),
    request.dailyTokens > 0,
  );
  const upstream = watchUpstreamStatus(meter.model);
  let runEnded = (): void => {};
  const ended = new Promise<void>((resolve) => (runEnded = resolve));
  const chunks = runChat({
    model: upstream.model,
    messages: request.messages,
    tools,
    maxSteps: config.maxSteps,
    ...config.upstreamStream,
    thinkTags: provider.thinkTags,
    signal: controller.signal,
    messageMetadata: { model: request.model },
    onFinish: (result) => {
      runEnded();
      // Not awaited: the object outlives the request, and the answer's end must not wait.
      void recordTokens(context.budget, request.dailyTokens, meter.tokens(result));
    },
  });
  const failure = await upstream.decide(config.statusWaitMs, ended);
  if (failure !== undefined) {
    await chunks.cancel().catch(() => {});
    return { failure, stop: () => {}, done: Promise.resolve() };
  }
  const stop = (): void =>
    controller.abort(new DOMException('The answer was stopped.', 'AbortError'));
  return { stop, done: pipeIntoLog(guardKey(chunks, config.apiKey), request.chunkSet, log) };
}

async function pipeIntoLog(
  chunks: ReadableStream<UIMessageChunk>,
  chunkSet: UIChunkSet,
  log: AnswerLog,
): Promise<void> {
  const append = (chunk: UIMessageChunk): void =>
    toUIChunkSet(chunk, chunkSet, (converted) => log.append(converted));
  const reader = chunks.getReader();
  let last: string | undefined;
  try {
    for (let step = await reader.read(); !step.done; step = await reader.read()) {
      last = step.value.type;
      append(step.value);
    }
  } catch {
    append({ type: 'error', errorText: SAFE_ERROR_MESSAGES.unexpected });
    last = 'error';
  }
  // A stopped answer still finishes (`abort`, then `finish`), so every client, resumed or
  // not, sees it end the same way.
  if (last === 'abort' || last === 'error') append({ type: 'finish', finishReason: 'other' });
  log.end();
}
