import { outputToJson } from '../openai/tool-result-content.js';
import type { ToolCall, ToolDefinition } from '../openai/types.js';
import {
  assertValidTool,
  DEFAULT_TOOL_TIMEOUT_MS,
  type Tool,
  type ToolExecutionContext,
} from './define-tool.js';
import { errorMessage } from './error-message.js';
import { validateJsonSchema } from './json-schema.js';
import { formatStandardSchemaIssues } from './standard-schema-issues.js';
import { ToolInputError } from './tool-input-error.js';
import { toolFailure, type ToolFailure, type ToolResult } from './tool-result.js';

/** A call as the run loop has it after a stream: `arguments` is the raw JSON text. */
export interface ToolCallRequest {
  id: string;
  name: string;
  arguments: string;
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

  return {
    definitions: () =>
      [...byName.values()].map(({ name, description, parameters }) => ({
        type: 'function',
        function: { name, description, parameters },
      })),
    has: (name) => byName.has(name),
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    async execute(call, options = {}) {
      try {
        return await executeCall(byName, call, options.signal);
      } catch (error) {
        // Only a hostile `call` object (a throwing getter) gets here.
        return toolFailure('execution_failed', errorMessage(error));
      }
    },
  };
}

async function executeCall(
  byName: ReadonlyMap<string, Tool>,
  call: ToolCallRequest | ToolCall,
  signal: AbortSignal | undefined,
): Promise<ToolResult> {
  const { id, name, args } =
    'function' in call
      ? { id: call.id, name: call.function.name, args: call.function.arguments }
      : { id: call.id, name: call.name, args: call.arguments };
  if (signal?.aborted) return aborted();
  const tool = byName.get(name);
  if (tool === undefined) return toolFailure('unknown_tool', unknownToolMessage(name, byName));
  const parsed = parseArguments(args);
  if (!parsed.ok) return parsed;
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
): Promise<ToolResult> {
  const controller = new AbortController();
  const timeoutMs = tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ToolResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    // Settle first, then abort: the tool's reaction to the abort (often a rejection) must not
    // become the result.
    const onAbort = (): void => {
      settle(aborted());
      controller.abort(callerSignal?.reason);
    };
    const timer = setTimeout(() => {
      const message = `Tool "${tool.name}" did not finish within ${timeoutMs} ms`;
      settle(toolFailure('timeout', message));
      controller.abort(new DOMException(message, 'TimeoutError'));
    }, timeoutMs);
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    validateAndExecute(tool, input, { toolCallId, signal: controller.signal }).then(
      settle,
      (error: unknown) => settle(failureFromThrown(error)),
    );
  });
}

async function validateAndExecute(
  tool: Tool,
  input: unknown,
  context: ToolExecutionContext,
): Promise<ToolResult> {
  const validated = await validateInput(tool, input);
  if (!validated.ok) return validated;
  // Validation may be async; if the call ended meanwhile, the tool must not start.
  if (context.signal.aborted) return aborted();
  const output: unknown = await tool.execute(validated.value, context);
  const json = outputToJson(output);
  return json.ok ? { ok: true, output } : toolFailure('execution_failed', json.message);
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
