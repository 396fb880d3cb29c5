/**
 * Why a tool call did not produce an output:
 * - `unknown_tool`: no tool has that name.
 * - `invalid_arguments`: not JSON, rejected by the schema, or the tool threw `ToolInputError`.
 * - `execution_failed`: the tool threw (or returned something that is not JSON-serialisable).
 * - `timeout`: the tool took longer than its `timeoutMs`.
 * - `aborted`: the caller's signal aborted.
 */
export type ToolErrorCode =
  'unknown_tool' | 'invalid_arguments' | 'execution_failed' | 'timeout' | 'aborted';

export interface ToolError {
  code: ToolErrorCode;
  /** Safe to show the model and the user: a message, never a stack. */
  message: string;
}

export interface ToolFailure {
  ok: false;
  error: ToolError;
}

export type ToolResult<O = unknown> = { ok: true; output: O } | ToolFailure;

export function toolFailure(code: ToolErrorCode, message: string): ToolFailure {
  return { ok: false, error: { code, message } };
}
