import type { JSONSchema } from '../openai/types.js';
import { checkJsonSchema } from './check-json-schema.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { isRecord, kindOf } from '../base/json.js';

export interface ToolExecutionContext {
  /** The id the model gave this call (`call_…`). */
  toolCallId: string;
  /**
   * Aborted when the caller's signal aborts (with its reason) or when the tool's time is up
   * (with a `TimeoutError` DOMException). Pass it on to `fetch` and friends.
   */
  signal: AbortSignal;
}

export interface Tool<I = unknown, O = unknown> {
  /** OpenAI's rule for function names: `^[a-zA-Z0-9_-]{1,64}$`. */
  readonly name: string;
  /** What the tool does and when to use it; the model reads this. */
  readonly description: string;
  /** JSON Schema of the arguments, sent to the model; `type: 'object'` at the top. */
  readonly parameters: JSONSchema;
  /**
   * When given, this validates the parsed arguments instead of `parameters`, and its output
   * (coerced, trimmed, defaulted…) is what `execute` receives.
   */
  readonly inputSchema?: StandardSchemaV1<unknown, I>;
  /** Default `DEFAULT_TOOL_TIMEOUT_MS`. */
  readonly timeoutMs?: number;
  /**
   * Throw `ToolInputError` to reject the input as `invalid_arguments`. Treat `input` as
   * read-only: in a run it is the very value the UI is sent in `tool-input-available` (the
   * arguments are parsed once), unless an `inputSchema` made a new one.
   */
  execute(input: I, context: ToolExecutionContext): O | Promise<O>;
}

export const DEFAULT_TOOL_TIMEOUT_MS = 10_000;

// https://platform.openai.com/docs/api-reference/chat/create#chat-create-tools: "Must be a-z,
// A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64."
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
// setTimeout's delay is a signed 32-bit integer; a longer one fires at once.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Checks a tool's definition and returns it frozen. Mistakes in it are the programmer's, so
 * they throw a `TypeError` now rather than fail on the model's first call.
 */
export function defineTool<I = unknown, O = unknown>(tool: Tool<I, O>): Tool<I, O> {
  assertValidTool(tool, 'defineTool');
  return Object.freeze({
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    ...(tool.inputSchema === undefined ? {} : { inputSchema: tool.inputSchema }),
    ...(tool.timeoutMs === undefined ? {} : { timeoutMs: tool.timeoutMs }),
    execute: tool.execute,
  });
}

/** Throws a `TypeError` starting with `where` when `tool` is not a valid tool. */
export function assertValidTool(tool: unknown, where: string): asserts tool is Tool {
  if (!isRecord(tool)) {
    throw new TypeError(`${where}: expected a tool object, got ${kindOf(tool)}`);
  }
  const { name, description, parameters, inputSchema, timeoutMs, execute } = tool;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new TypeError(
      `${where}: tool name must match ${String(NAME)} (OpenAI's rule), got ${describe(name)}`,
    );
  }
  const fail = (text: string): never => {
    throw new TypeError(`${where}: tool "${name}": ${text}`);
  };
  if (typeof description !== 'string')
    fail(`description must be a string, got ${kindOf(description)}`);
  // The Chat Completions API expects the arguments to be one JSON object.
  if (!isRecord(parameters) || parameters.type !== 'object') {
    fail('parameters must be a JSON Schema with type "object"');
  }
  const problems = checkJsonSchema(parameters);
  if (problems.length > 0) fail(`invalid parameters schema: ${problems.join('; ')}`);
  if (inputSchema !== undefined && !isStandardSchema(inputSchema)) {
    fail(
      'inputSchema must be a Standard Schema v1 object (a "~standard" property with version 1 and validate)',
    );
  }
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)
  ) {
    fail(
      `timeoutMs must be a number of milliseconds in (0, ${MAX_TIMEOUT_MS}], got ${describe(timeoutMs)}`,
    );
  }
  if (typeof execute !== 'function') fail(`execute must be a function, got ${kindOf(execute)}`);
}

function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const props: unknown = (value as { '~standard'?: unknown })['~standard'];
  return isRecord(props) && props.version === 1 && typeof props.validate === 'function';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'number' ? String(value) : kindOf(value);
}
