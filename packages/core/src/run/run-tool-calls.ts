import { serializeToolResult } from '../openai/tool-result-content.js';
import { answerToolCall, type ToolCallAnswer } from '../tools/answer-tool-call.js';
import type { ToolFailure, ToolRegistry, ToolResult } from '../tools/index.js';
import type { ChunkWriter } from './chunk-stream.js';
import type { EndedToolCall } from './stream-step.js';

/** A call of the step, with its failure when it cannot run (see `checkToolCall`). */
export interface PlannedToolCall {
  call: EndedToolCall;
  rejected: ToolFailure | undefined;
}

const ABORTED: ToolFailure = {
  ok: false,
  error: { code: 'aborted', message: 'The tool call was aborted' },
};
const ABORTED_ANSWER: ToolCallAnswer = { result: ABORTED, content: serializeToolResult(ABORTED) };

export interface ToolCallOutcome {
  call: EndedToolCall;
  result: ToolResult;
  /** The content of the call's `role: 'tool'` message, made once. */
  content: string;
}

/**
 * Runs a step's calls in parallel (all start before any is awaited) and sends each one's
 * `tool-output-available` / `tool-output-error` the moment it completes. Returns one outcome
 * per call in the order the model issued them — rejected calls keep their failure, and none
 * runs without a registry — which is the order their `tool` messages go back in. A call's
 * parsed arguments go to the registry as they are, and the output's JSON comes back from it:
 * neither is made twice.
 *
 * On abort it returns at once (tools got the signal through `registry.execute`), without
 * sending anything more; calls still running count as `aborted`.
 */
export async function runToolCalls(
  planned: readonly PlannedToolCall[],
  registry: ToolRegistry | undefined,
  writer: ChunkWriter,
): Promise<ToolCallOutcome[]> {
  const { signal } = writer;
  const answers: (ToolCallAnswer | undefined)[] = planned.map(({ rejected }) =>
    rejected === undefined
      ? undefined
      : { result: rejected, content: serializeToolResult(rejected) },
  );
  const running = planned.map(async (entry, index) => {
    if (entry.rejected !== undefined || registry === undefined) return;
    const { id, name, input } = entry.call;
    const answer = await answerToolCall(
      registry,
      { id, name, arguments: entry.call.arguments, input },
      { signal },
    );
    answers[index] = answer;
    const { result } = answer;
    if (signal.aborted) return;
    writer.write(
      result.ok
        ? // As the AI SDK: JSON drops an `undefined` output, so it is sent as null.
          {
            type: 'tool-output-available',
            toolCallId: id,
            output: result.output ?? null,
            dynamic: true,
          }
        : {
            type: 'tool-output-error',
            toolCallId: id,
            errorText: result.error.message,
            dynamic: true,
          },
    );
  });
  await allOrAbort(running, signal);
  return planned.map((entry, index) => ({
    call: entry.call,
    ...(answers[index] ?? ABORTED_ANSWER),
  }));
}

/** Settles when every promise has, or when the signal fires; rejects with the first rejection. */
function allOrAbort(promises: Promise<void>[], signal: AbortSignal): Promise<void> {
  const all = Promise.all(promises);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    // Handled even after an abort settled this promise: a late rejection is not unhandled.
    all.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
