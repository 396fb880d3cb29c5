// Helpers shared by the registry's tests.
import { defineTool, type ToolExecutionContext } from './define-tool.js';

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

export const weatherParameters = {
  type: 'object',
  properties: { city: { type: 'string', minLength: 1 }, days: { type: 'integer', minimum: 1 } },
  required: ['city'],
  additionalProperties: false,
};

/** A tool that records its calls and answers with what it got. */
export function echoTool(name = 'weather') {
  const calls: { input: unknown; context: ToolExecutionContext }[] = [];
  const tool = defineTool({
    name,
    description: `The ${name} tool`,
    parameters: weatherParameters,
    execute: (input: unknown, context) => {
      calls.push({ input, context });
      return { got: input };
    },
  });
  return { tool, calls };
}

export function call(name: string, args: string, id = 'call_1') {
  return { id, name, arguments: args };
}
