import {
  DEFAULT_MAX_EVENT_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_TOOL_CALLS,
  limitOption,
} from '../base/limits.js';
import type { AssistantMessage, CompletionUsage, OpenAIMessage } from '../openai/types.js';
import type { UIFinishReason, UIMessageChunk } from '../ui-stream/types.js';
import { addUsage } from './add-usage.js';
import { checkToolCall, type ToolsWithheld } from './check-tool-call.js';
import { createChunkStream, type ChunkWriter } from './chunk-stream.js';
import { toUIFinishReason } from './finish-reason.js';
import type { StreamLimits } from './for-each-chat-event.js';
import { runToolCalls, type PlannedToolCall } from './run-tool-calls.js';
import { SAFE_ERROR_MESSAGES, safeErrorMessage } from './safe-error-message.js';
import { closeParts, streamStep, type EndedToolCall, type StepProgress } from './stream-step.js';
import type { ChatModelRequest, RunChatOptions, RunChatResult } from './types.js';

export const DEFAULT_MAX_STEPS = 5;

/**
 * The tool loop: runs one chat turn against `model` and returns it as a stream of UI message
 * chunks (the AI SDK's UI message stream protocol, DESIGN.md section 3).
 *
 * - `start` (with `messageId` and `messageMetadata`) is sent at once, before the model
 *   answers, so a server can send its headers early.
 * - A step is one model call: `start-step` when the model's stream starts, its reasoning
 *   (`reasoning-start` / `reasoning-delta` / `reasoning-end`, ended before the text or the
 *   first tool call starts), its text (`text-start` / `text-delta` / `text-end`, one text
 *   part per step unless the model thinks again in between; a refusal is shown as text) and
 *   tool calls (`tool-input-start` / `tool-input-delta` / `tool-input-available`,
 *   all `dynamic`) forwarded as they arrive; then the step's tool calls run in parallel, each
 *   result sent the moment it is ready (`tool-output-available` / `tool-output-error`);
 *   `finish-step`. The results go back to the model as `role: 'tool'` messages, in the order
 *   of the calls, after the step's assistant message, and the next step starts.
 * - A call that cannot run — arguments that are not JSON, a tool nobody registered — gets a
 *   `tool-input-error` instead of `tool-input-available`, and its error goes back to the model
 *   as the call's result so it can recover. A failing tool gives `tool-output-error`, and its
 *   error goes back the same way.
 * - The loop ends after a step without tool calls. Without tools (no registry, or an empty
 *   one) the request has no `tools` key and there is exactly one step.
 * - **`maxSteps` (default 5): the last step is requested without `tools`**, so the model has
 *   to answer in text. If it calls tools anyway, they are not run: each gets a
 *   `tool-input-error` (and a `tool` message saying so, to keep the history valid) and the
 *   turn ends with finish reason `tool-calls`. The same holds for tool calls in a turn
 *   without tools.
 * - `finish` carries the last step's finish reason (`toUIFinishReason`) and, when the model
 *   reported usage, `messageMetadata: { usage }` summed over the steps in OpenAI's shape.
 *
 * Failures never error the stream: consumers always get a well-formed sequence.
 * - Upstream failure (the model rejects, an HTTP error, an error frame, an unreadable or
 *   truncated stream, anything unexpected): what was sent stays; open reasoning and text
 *   parts get their `-end`; then one `error` chunk whose text is safe to show a user
 *   (`safeErrorMessage`: chosen by error code and status, never the upstream's own text);
 *   then `finish-step` if a step was open and `finish` with finish reason `'error'` — the
 *   sequence the AI SDK's `streamText(…).toUIMessageStream()` sends when a model stream fails.
 * - Abort, through `signal` or by cancelling the returned stream (a client that went away):
 *   the model's body is cancelled, running tools see the abort on their signal, an open text
 *   part gets its `text-end`, and `abort` is the last chunk (no `error`, no `finish`).
 *
 * `onFinish` runs once, whatever the outcome, before the last chunk (see `RunChatOptions`).
 *
 * @example
 * const stream = runChat({
 *   model: openAIModel, // (request) => fetch(url, { method: 'POST', body: … })
 *   messages: [{ role: 'user', content: 'What time is it in Seoul?' }],
 *   tools: createToolRegistry([getCurrentTime]),
 * });
 * return new Response(encodeUIMessageStream(stream), { headers: UI_MESSAGE_STREAM_HEADERS });
 */
export function runChat(options: RunChatOptions): ReadableStream<UIMessageChunk> {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new RangeError(`runChat: maxSteps must be an integer ≥ 1, got ${String(maxSteps)}`);
  }
  const limits: StreamLimits = {
    maxEventBytes: limitOption('maxEventBytes', options.maxEventBytes, DEFAULT_MAX_EVENT_BYTES),
    maxMessageBytes: limitOption(
      'maxMessageBytes',
      options.maxMessageBytes,
      DEFAULT_MAX_MESSAGE_BYTES,
    ),
    maxToolCalls: limitOption('maxToolCalls', options.maxToolCalls, DEFAULT_MAX_TOOL_CALLS),
  };
  const generateId = options.generateId ?? randomId;
  return createChunkStream(options.signal, (writer) =>
    runTurn(options, { writer, maxSteps, limits, generateId }),
  );
}

interface Turn {
  readonly writer: ChunkWriter;
  readonly maxSteps: number;
  readonly limits: StreamLimits;
  readonly generateId: () => string;
}

/** What the turn has done so far; on a failure or an abort, what is left to close. */
interface TurnState {
  readonly added: OpenAIMessage[];
  usage: CompletionUsage | undefined;
  steps: number;
  finishReason: UIFinishReason;
  progress: StepProgress;
}

async function runTurn(options: RunChatOptions, turn: Turn): Promise<void> {
  const { writer } = turn;
  const state: TurnState = {
    added: [],
    steps: 0,
    finishReason: 'other',
    usage: undefined,
    progress: newProgress(),
  };
  let failure: { error: unknown } | undefined;
  try {
    const messageId = options.messageId ?? turn.generateId();
    writer.write(
      options.messageMetadata === undefined
        ? { type: 'start', messageId }
        : { type: 'start', messageId, messageMetadata: options.messageMetadata },
    );
    await runSteps(options, turn, state);
  } catch (error) {
    failure = { error };
  }
  try {
    // An abort explains whatever failed after it (the stream reader throws the abort reason).
    if (writer.signal.aborted) await endAborted(options, writer, state);
    else if (failure !== undefined) await endFailed(options, writer, state, failure.error);
    else await endFinished(options, writer, state);
  } finally {
    writer.close();
  }
}

async function runSteps(options: RunChatOptions, turn: Turn, state: TurnState): Promise<void> {
  const { writer, maxSteps, generateId } = turn;
  const registry = options.tools;
  const definitions =
    registry !== undefined && registry.names().length > 0 ? registry.definitions() : undefined;

  for (let step = 1; step <= maxSteps; step++) {
    const withheld: ToolsWithheld | undefined =
      definitions === undefined
        ? { reason: 'no-tools' }
        : step === maxSteps
          ? { reason: 'step-limit', maxSteps }
          : undefined;
    // A new array per step: a model that keeps its request must not see it change later.
    const request: ChatModelRequest = { messages: [...options.messages, ...state.added] };
    if (withheld === undefined) request.tools = definitions;
    request.signal = writer.signal;

    const planned: PlannedToolCall[] = [];
    const onToolCallEnd = (call: EndedToolCall): void => {
      const rejected = checkToolCall(call, registry, withheld);
      writer.write(
        rejected === undefined
          ? {
              type: 'tool-input-available',
              toolCallId: call.id,
              toolName: call.name,
              input: call.input,
              dynamic: true,
            }
          : {
              type: 'tool-input-error',
              toolCallId: call.id,
              toolName: call.name,
              // As the AI SDK: the parsed arguments when they are JSON, else their text.
              input: call.inputError === undefined ? call.input : call.arguments,
              errorText: rejected.error.message,
              dynamic: true,
            },
      );
      planned.push({ call, rejected });
    };

    state.steps = step;
    state.progress = newProgress();
    const result = await streamStep(
      {
        model: options.model,
        thinkTags: options.thinkTags ?? false,
        limits: turn.limits,
        writer,
        generateId,
        onToolCallEnd,
      },
      request,
      state.progress,
    );
    state.usage = addUsage(state.usage, result.usage);
    state.finishReason = toUIFinishReason(result.finishReason);
    state.added.push(result.message);
    if (planned.length === 0) {
      finishStep(writer, state.progress);
      return;
    }

    // When tools were withheld, every call was rejected: nothing runs.
    for (const { call, content } of await runToolCalls(planned, registry, writer)) {
      state.added.push({ role: 'tool', tool_call_id: call.id, content });
    }
    if (writer.signal.aborted) return;
    finishStep(writer, state.progress);
    if (withheld !== undefined) return;
  }
}

function finishStep(writer: ChunkWriter, progress: StepProgress): void {
  writer.write({ type: 'finish-step' });
  progress.stepOpen = false;
}

async function endFinished(
  options: RunChatOptions,
  writer: ChunkWriter,
  state: TurnState,
): Promise<void> {
  let finishReason = state.finishReason;
  try {
    await options.onFinish?.(runResult(state, finishReason, false));
  } catch {
    // The answer is complete, but what the app does with it (saving the turn) failed: the
    // client should know the turn did not fully succeed. The cause is the app's, not the
    // user's to read.
    writer.write({ type: 'error', errorText: SAFE_ERROR_MESSAGES.unexpected });
    finishReason = 'error';
  }
  writer.write(finishChunk(finishReason, state.usage));
}

async function endFailed(
  options: RunChatOptions,
  writer: ChunkWriter,
  state: TurnState,
  error: unknown,
): Promise<void> {
  const { progress } = state;
  closeParts(writer, progress);
  const partial = partialMessage(progress);
  if (partial !== undefined) state.added.push(partial);
  const fallback = progress.calling
    ? SAFE_ERROR_MESSAGES.unreachable
    : SAFE_ERROR_MESSAGES.unexpected;
  writer.write({ type: 'error', errorText: safeErrorMessage(error, fallback) });
  if (progress.stepOpen) finishStep(writer, progress);
  try {
    await options.onFinish?.(runResult(state, 'error', false));
  } catch {
    // The turn is already reported as failed; one `error` chunk per turn.
  }
  writer.write(finishChunk('error', state.usage));
}

async function endAborted(
  options: RunChatOptions,
  writer: ChunkWriter,
  state: TurnState,
): Promise<void> {
  const { progress } = state;
  closeParts(writer, progress);
  const partial = partialMessage(progress);
  if (partial !== undefined) state.added.push(partial);
  try {
    await options.onFinish?.(runResult(state, 'other', true));
  } catch {
    // `abort` must be the last chunk and nobody may be listening any more: an abort is
    // reported as an abort, not as the app's failure to record it.
  }
  writer.write({ type: 'abort' });
}

function finishChunk(
  finishReason: UIFinishReason,
  usage: CompletionUsage | undefined,
): UIMessageChunk {
  return usage === undefined
    ? { type: 'finish', finishReason }
    : { type: 'finish', finishReason, messageMetadata: { usage } };
}

function runResult(
  state: TurnState,
  finishReason: UIFinishReason,
  aborted: boolean,
): RunChatResult {
  const result: RunChatResult = {
    messages: state.added,
    finishReason,
    steps: state.steps,
    aborted,
  };
  if (state.usage !== undefined) result.usage = state.usage;
  return result;
}

/**
 * What a step cut short had shown — text, refusal, reasoning — as its assistant message
 * (unfinished calls left out).
 */
function partialMessage(progress: StepProgress): AssistantMessage | undefined {
  const { text, refusal, reasoning } = progress;
  if (progress.streamed || (text === '' && refusal === '' && reasoning === '')) return undefined;
  const message: AssistantMessage = { role: 'assistant', content: text === '' ? null : text };
  if (refusal !== '') message.refusal = refusal;
  if (reasoning !== '') message.reasoning_content = reasoning;
  return message;
}

function newProgress(): StepProgress {
  return {
    calling: false,
    stepOpen: false,
    streamed: false,
    openTextId: undefined,
    openReasoningId: undefined,
    text: '',
    refusal: '',
    reasoning: '',
  };
}

function randomId(): string {
  return crypto.randomUUID();
}
