// Is a schema well formed for the subset `validateJsonSchema` implements? Run when a tool is
// defined, so a typo in `parameters` (a bad `pattern`, `required: "x"`) fails at startup, not
// when the model first calls the tool. Keywords outside the subset are not looked at.
import { appendPointer } from './json-pointer.js';
import { isRecord, kindOf } from '../base/json.js';

export const JSON_SCHEMA_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'object',
  'array',
] as const;

export type JsonSchemaTypeName = (typeof JSON_SCHEMA_TYPES)[number];

export function isJsonSchemaTypeName(value: unknown): value is JsonSchemaTypeName {
  return (JSON_SCHEMA_TYPES as readonly unknown[]).includes(value);
}

/**
 * JSON Schema 2020-12 §6.3.3: "This string SHOULD be a valid regular expression, according to
 * the ECMA-262 regular expression dialect". Compiled with the `u` flag so `.` and classes match
 * code points, as JSON Schema's character semantics expect. `undefined` when it does not compile.
 */
export function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
const COUNT_KEYWORDS = ['minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/**
 * Lists what is wrong with `schema`, each as `#<schema pointer>: <problem>`
 * (e.g. `#/properties/code/pattern: "[" is not a valid regular expression`); `[]` when it is fine.
 * Never throws. A keyword whose value is `undefined` counts as absent.
 */
export function checkJsonSchema(schema: unknown): string[] {
  const problems: string[] = [];
  checkNode(schema, '', problems, new Set());
  return problems;
}

function checkNode(schema: unknown, at: string, problems: string[], seen: Set<object>): void {
  if (typeof schema === 'boolean') return;
  if (!isRecord(schema)) {
    problems.push(`#${at}: a schema must be an object or a boolean, got ${kindOf(schema)}`);
    return;
  }
  // A schema built in code may refer to itself; each object is checked once.
  if (seen.has(schema)) return;
  seen.add(schema);
  const problem = (keyword: string, text: string): void => {
    problems.push(`#${appendPointer(at, keyword)}: ${text}`);
  };

  const { type } = schema;
  if (typeof type === 'string') {
    if (!isJsonSchemaTypeName(type))
      problem('type', `${JSON.stringify(type)} is not a JSON Schema type`);
  } else if (Array.isArray(type) && type.length > 0) {
    type.forEach((name: unknown, index) => {
      if (!isJsonSchemaTypeName(name)) {
        problems.push(
          `#${appendPointer(appendPointer(at, 'type'), index)}: ${describe(name)} is not a JSON Schema type`,
        );
      }
    });
  } else if (type !== undefined) {
    problem('type', 'must be a type name or a non-empty array of type names');
  }

  if (schema.enum !== undefined && !(Array.isArray(schema.enum) && schema.enum.length > 0)) {
    problem('enum', 'must be a non-empty array');
  }

  const { anyOf } = schema;
  if (Array.isArray(anyOf) && anyOf.length > 0) {
    const base = appendPointer(at, 'anyOf');
    anyOf.forEach((sub: unknown, index) =>
      checkNode(sub, appendPointer(base, index), problems, seen),
    );
  } else if (anyOf !== undefined) {
    problem('anyOf', 'must be a non-empty array of schemas');
  }

  for (const keyword of NUMBER_KEYWORDS) {
    const value = schema[keyword];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
      problem(keyword, 'must be a finite number');
    }
  }
  for (const keyword of COUNT_KEYWORDS) {
    const value = schema[keyword];
    if (
      value !== undefined &&
      !(typeof value === 'number' && Number.isInteger(value) && value >= 0)
    ) {
      problem(keyword, 'must be a non-negative integer');
    }
  }

  const { pattern } = schema;
  if (typeof pattern === 'string') {
    if (compilePattern(pattern) === undefined) {
      problem(
        'pattern',
        `${JSON.stringify(pattern)} is not a valid regular expression (with the "u" flag)`,
      );
    }
  } else if (pattern !== undefined) {
    problem('pattern', 'must be a string');
  }

  if (schema.items !== undefined)
    checkNode(schema.items, appendPointer(at, 'items'), problems, seen);

  const { required } = schema;
  if (
    required !== undefined &&
    !(Array.isArray(required) && required.every((n) => typeof n === 'string'))
  ) {
    problem('required', 'must be an array of strings');
  }

  const { properties } = schema;
  if (isRecord(properties)) {
    const base = appendPointer(at, 'properties');
    for (const [name, sub] of Object.entries(properties)) {
      checkNode(sub, appendPointer(base, name), problems, seen);
    }
  } else if (properties !== undefined) {
    problem('properties', 'must be an object');
  }

  if (schema.additionalProperties !== undefined) {
    checkNode(
      schema.additionalProperties,
      appendPointer(at, 'additionalProperties'),
      problems,
      seen,
    );
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : kindOf(value);
}
