import type { ToolFailure, ToolRegistry } from '../tools/index.js';
import type { EndedToolCall } from './stream-step.js';

/** Why the tools of a step may not run: none were offered to the model in that request. */
export type ToolsWithheld = { reason: 'no-tools' } | { reason: 'step-limit'; maxSteps: number };

/**
 * Whether a call that ended in the stream can be run. A call that cannot gets a failure, which
 * is both the `errorText` of its `tool-input-error` and (serialised) its result for the model,
 * so the model can correct itself in the next step:
 * - tools were withheld from this request (no registry, or the last step of `maxSteps`);
 * - its arguments are not valid JSON (the stream reader's message);
 * - no tool has that name.
 * Schema validation is left to `registry.execute` (a `tool-output-error`).
 */
export function checkToolCall(
  call: EndedToolCall,
  registry: ToolRegistry | undefined,
  withheld: ToolsWithheld | undefined,
): ToolFailure | undefined {
  if (withheld !== undefined) {
    const message =
      withheld.reason === 'no-tools'
        ? `Tool ${JSON.stringify(call.name)} was not run: no tools are available`
        : `Tool ${JSON.stringify(call.name)} was not run: the limit of ${withheld.maxSteps} steps was reached`;
    return failure('unknown_tool', message);
  }
  if (call.inputError !== undefined) return failure('invalid_arguments', call.inputError);
  if (registry === undefined || !registry.has(call.name)) {
    const known = (registry?.names() ?? []).map((name) => JSON.stringify(name)).join(', ');
    const available = known === '' ? 'no tools are available' : `available tools: ${known}`;
    return failure('unknown_tool', `Unknown tool ${JSON.stringify(call.name)}; ${available}`);
  }
  return undefined;
}

function failure(code: ToolFailure['error']['code'], message: string): ToolFailure {
  return { ok: false, error: { code, message } };
}
