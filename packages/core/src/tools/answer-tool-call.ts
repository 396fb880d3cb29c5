import { serializeToolResult, toolOutputContent } from '../openai/tool-result-content.js';
import type { ToolCall } from '../openai/types.js';
import type { ToolCallRequest, ToolExecuteOptions, ToolRegistry } from './registry.js';
import type { ToolResult } from './tool-result.js';

/** A result, and its output's JSON when it has one (made once, when the output was checked). */
export interface ExecutedToolCall {
  result: ToolResult;
  json?: string;
}

export type ToolCallExecutor = (
  call: ToolCallRequest | ToolCall,
  signal: AbortSignal | undefined,
) => Promise<ExecutedToolCall>;

// Kept apart from the registry object, so its public shape stays `ToolRegistry` and a copy or a
// wrapper of it (which may change `execute`) is never mistaken for it.
const executors = new WeakMap<ToolRegistry, ToolCallExecutor>();

/** For `createToolRegistry`: how its registry runs a call with the output's JSON kept. */
export function registerExecutor(registry: ToolRegistry, executor: ToolCallExecutor): void {
  executors.set(registry, executor);
}

/** A call's result and the `role: 'tool'` content that tells the model about it. */
export interface ToolCallAnswer {
  result: ToolResult;
  content: string;
}

/**
 * `registry.execute`, plus the content — `serializeToolResult(result)`, but without turning the
 * output into JSON a second time: the registry already did so to check that it can be sent,
 * and a registry made by `createToolRegistry` hands that text over. Any other registry (a
 * wrapper, a test double) is called through its own `execute`.
 */
export async function answerToolCall(
  registry: ToolRegistry,
  call: ToolCallRequest,
  options: ToolExecuteOptions = {},
): Promise<ToolCallAnswer> {
  const executor = executors.get(registry);
  if (executor === undefined) {
    const result = await registry.execute(call, options);
    return { result, content: serializeToolResult(result) };
  }
  const { result, json } = await executor(call, options.signal);
  return {
    result,
    content: json === undefined ? serializeToolResult(result) : toolOutputContent(json),
  };
}
