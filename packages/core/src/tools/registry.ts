import { outputToJson } from '../openai/tool-result-content.js';
import type { ToolCall, ToolDefinition } from '../openai/types.js';
import {
  assertValidTool,
  DEFAULT_TOOL_TIMEOUT_MS,
  type Tool,
  type ToolExecutionContext,
} from './define-tool.js';
import { registerExecutor, type ExecutedToolCall } from './answer-tool-call.js';
import { errorMessage } from './error-message.js';
import { validateJsonSchema } from './json-schema.js';
import { formatStandardSchemaIssues } from './standard-schema-issues.js';
import { ToolInputError } from './tool-input-error.js';
import { toolFailure, type ToolFailure, type ToolResult } from './tool-result.js';

/** A call as the run loop has it after a stream. */
export interface ToolCallRequest {
  id: string;
  name: string;
  /** The arguments as the model sent them: JSON text. */
  arguments: string;
  /**
   * The arguments already parsed (the `input` of a stream's `tool-call-end`): when given,
   * `arguments` is not parsed again; the schema still checks it. The tool receives this very
   * value (or the `inputSchema`'s output), which may also be on its way to the UI: a tool
   * should not change its input.
   */
  input?: unknown;
}

export interface ToolExecuteOptions {
  /** Aborting it aborts the tool's `ctx.signal` and resolves the call as `aborted` at once. */
  signal?: AbortSignal;
}

export interface ToolRegistry {
  /** The request's `tools` array, in registration order. A new array each time. */
  definitions(): ToolDefinition[];
  has(name: string): boolean;
  get(name: string): Tool | undefined;
  names(): string[];
  /** Never rejects: every failure is a `{ ok: false }` result. */
  execute(call: ToolCallRequest | ToolCall, options?: ToolExecuteOptions): Promise<ToolResult>;
}

/** Enough for the model to fix its arguments, without flooding it when everything is wrong. */
const MAX_REPORTED_ERRORS = 10;

/** Throws a `TypeError` for an invalid tool or a name used twice. */
export function createToolRegistry(tools: readonly Tool[]): ToolRegistry {
  if (!Array.isArray(tools)) throw new TypeError('createToolRegistry: expected an array of tools');
  const byName = new Map<string, Tool>();
  tools.forEach((tool: unknown, index) => {
    assertValidTool(tool, `createToolRegistry: tools[${index}]`);
    if (byName.has(tool.name)) {
      throw new TypeError(`createToolRegistry: duplicate tool name "${tool.name}"`);
    }
    byName.set(tool.name, tool);
  });

  const executor = async (
    call: ToolCallRequest | ToolCall,
    signal: AbortSignal | undefined,
  ): Promise<ExecutedToolCall> => {
    try {
      return await executeCall(byName, call, signal);
    } catch (error) {
      // Only a hostile `call` object (a throwing getter) gets here.
      return { result: toolFailure('execution_failed', errorMessage(error)) };
    }
  };
  const registry: ToolRegistry = {
    definitions: () =>
      [...byName.values()].map(({ name, description, parameters }) => ({
        type: 'function',
        function: { name, description, parameters },
      })),
    has: (name) => byName.has(name),
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    execute: async (call, options = {}) => (await executor(call, options.signal)).result,
  };
  registerExecutor(registry, executor);
  return registry;
}

async function executeCall(
  byName: ReadonlyMap<string, Tool>,
  call: ToolCallRequest | ToolCall,
  signal: AbortSignal | undefined,
): Promise<ExecutedToolCall> {
  const { id, name, args, input } =
    'function' in call
      ? { id: call.id, name: call.function.name, args: call.function.arguments, input: undefined }
      : { id: call.id, name: call.name, args: call.arguments, input: call.input };
  if (signal?.aborted) return { result: aborted() };
  const tool = byName.get(name);
  if (tool === undefined) {
    return { result: toolFailure('unknown_tool', unknownToolMessage(name, byName)) };
  }
  // Parsed JSON is never `undefined`, so an `undefined` input means none was given.
  const parsed = input === undefined ? parseArguments(args) : { ok: true as const, value: input };
  if (!parsed.ok) return { result: parsed };
  return runTool(tool, parsed.value, id, signal);
}

function aborted(): ToolFailure {
  return toolFailure('aborted', 'The tool call was aborted');
}

function unknownToolMessage(name: unknown, byName: ReadonlyMap<string, Tool>): string {
  const known = [...byName.keys()].map((known) => JSON.stringify(known)).join(', ');
  return `Unknown tool ${JSON.stringify(String(name))}; ${known === '' ? 'no tools are available' : `available tools: ${known}`}`;
}

type Parsed = { ok: true; value: unknown } | ToolFailure;

function parseArguments(text: unknown): Parsed {
  if (typeof text !== 'string') {
    return toolFailure('invalid_arguments', `Arguments must be a JSON text, got ${typeof text}`);
  }
  // Some models send no arguments at all for a tool without parameters: that means `{}`.
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return toolFailure('invalid_arguments', `Arguments are not valid JSON: ${errorMessage(error)}`);
  }
}

/**
 * Races the tool against its timeout and the caller's signal. Whichever ends first decides the
 * result; a tool that ignores its aborted signal is simply no longer waited for.
 */
function runTool(
  tool: Tool,
  input: unknown,
  toolCallId: string,
  callerSignal: AbortSignal | undefined,
): Promise<ExecutedToolCall> {
  const controller = new AbortController();
  const timeoutMs = tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ExecutedToolCall): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    // Settle first, then abort: the tool's reaction to the abort (often a rejection) must not
    // become the result.
    const onAbort = (): void => {
      settle({ result: aborted() });
      controller.abort(callerSignal?.reason);
    };
    const timer = setTimeout(() => {
      const message = `Tool "${tool.name}" did not finish within ${timeoutMs} ms`;
      settle({ result: toolFailure('timeout', message) });
      controller.abort(new DOMException(message, 'TimeoutError'));
    }, timeoutMs);
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    validateAndExecute(tool, input, { toolCallId, signal: controller.signal }).then(
      settle,
      (error: unknown) => settle({ result: failureFromThrown(error) }),
    );
  });
}

async function validateAndExecute(
  tool: Tool,
  input: unknown,
  context: ToolExecutionContext,
): Promise<ExecutedToolCall> {
  const validated = await validateInput(tool, input);
  if (!validated.ok) return { result: validated };
  // Validation may be async; if the call ended meanwhile, the tool must not start.
  if (context.signal.aborted) return { result: aborted() };
  const output: unknown = await tool.execute(validated.value, context);
  // An output that cannot be sent to the model is the tool's failure; the JSON made to find
  // out is kept, so the model's content is not made a second time.
  const json = outputToJson(output);
  return json.ok
    ? { result: { ok: true, output }, json: json.json }
    : { result: toolFailure('execution_failed', json.message) };
}

async function validateInput(tool: Tool, input: unknown): Promise<Parsed> {
  if (tool.inputSchema !== undefined) {
    const result = await tool.inputSchema['~standard'].validate(input);
    // Standard Schema: "A falsy value for `issues` indicates success."
    if (!result.issues) return { ok: true, value: result.value };
    return invalid(formatStandardSchemaIssues(result.issues));
  }
  const result = validateJsonSchema(tool.parameters, input);
  return result.ok ? { ok: true, value: input } : invalid(result.errors);
}

function invalid(errors: string[]): Parsed {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const more = errors.length - shown.length;
  const suffix = more > 0 ? `; and ${more} more error${more === 1 ? '' : 's'}` : '';
  const message = shown.join('; ') + suffix;
  return toolFailure('invalid_arguments', message === '' ? 'Invalid arguments' : message);
}

function failureFromThrown(error: unknown): ToolResult {
  return toolFailure(
    error instanceof ToolInputError ? 'invalid_arguments' : 'execution_failed',
    errorMessage(error),
  );
}
