// The table form of the validator's tests.
import { expect } from 'vitest';
import type { JSONSchema } from '../openai/types.js';
import { validateJsonSchema } from './json-schema.js';

export type Case = [name: string, schema: JSONSchema | boolean, value: unknown, errors: string[]];

// `errors: []` means the value is valid.
export function check([, schema, value, errors]: Case): void {
  expect(validateJsonSchema(schema, value)).toEqual(
    errors.length === 0 ? { ok: true } : { ok: false, errors },
  );
}
