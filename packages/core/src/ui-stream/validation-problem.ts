import type { UIMessageProblemCode, UIMessageValidationError } from './validate-ui-messages.js';

/** Thrown inside the validator only, and turned into its result: it never reaches a caller. */
export class UIMessageProblem extends Error {
  constructor(
    readonly code: UIMessageProblemCode,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }

  toJSON(): UIMessageValidationError {
    return { code: this.code, path: this.path, message: this.message };
  }
}

export function problem(path: string, what: string, code: UIMessageProblemCode = 'invalid'): never {
  throw new UIMessageProblem(code, path, what);
}

/** A value from the input, quoted for a message: JSON-escaped and cut at 64 characters. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

/**
 * Tool input and output, and metadata, are serialised again later (for the model, for
 * storage): a value nested deeper than `maxDepth` could exhaust the stack there.
 */
export function checkDepth(value: unknown, path: string, maxDepth: number): void {
  if (depth(value, maxDepth + 1) > maxDepth) {
    problem(path, `must not be nested deeper than ${maxDepth} levels`);
  }
}

/** Nesting depth of a JSON value; counting stops at `cap`, so the recursion is bounded too. */
function depth(value: unknown, cap: number): number {
  if (value === null || typeof value !== 'object' || cap === 0) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depth(child, cap - 1));
    if (deepest >= cap - 1) break;
  }
  return deepest + 1;
}
