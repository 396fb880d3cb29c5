// Validates tool arguments against the JSON Schema subset OpenAI function calling uses:
// type (names, arrays of names, 'integer', 'null'), enum, const, anyOf, minimum, maximum,
// exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern, items, minItems, maxItems,
// required, properties, additionalProperties. Annotations (description, title, default…) and
// every other keyword, `$ref` included, are ignored.
//
// Each message is `<instance pointer>: <what is wrong>`. Errors come in a fixed order: depth
// first through the value; at each value the keywords in the order listed above, object
// properties in the value's own key order. A value of the wrong `type` gets that one error and
// no more (its other keywords would only repeat it).
import type { JSONSchema } from '../openai/types.js';
import { checkJsonSchema, compilePattern } from './check-json-schema.js';
import { appendPointer, displayPointer } from './json-pointer.js';
import { isRecord, kindOf } from '../base/json.js';

export type JsonSchemaValidationResult = { ok: true } | { ok: false; errors: string[] };

// Schemas are treated as immutable once used: the check and the compiled patterns are cached.
const schemaProblems = new WeakMap<object, string[]>();
const patterns = new WeakMap<object, RegExp>();

/**
 * Never throws. A malformed schema (see `checkJsonSchema`) yields its problems as errors,
 * each prefixed `invalid schema: `, and the value is not looked at.
 */
export function validateJsonSchema(
  schema: JSONSchema | boolean,
  value: unknown,
): JsonSchemaValidationResult {
  const problems = problemsOf(schema);
  if (problems.length > 0) {
    return { ok: false, errors: problems.map((problem) => `invalid schema: ${problem}`) };
  }
  const errors: string[] = [];
  validateNode(schema, value, '', errors);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function problemsOf(schema: unknown): string[] {
  if (!isRecord(schema)) return checkJsonSchema(schema);
  let problems = schemaProblems.get(schema);
  if (problems === undefined) {
    problems = checkJsonSchema(schema);
    schemaProblems.set(schema, problems);
  }
  return problems;
}

// The schema has passed `checkJsonSchema`, so every keyword below has the shape it checks; the
// `typeof` guards only narrow types.
function validateNode(schema: unknown, value: unknown, at: string, errors: string[]): void {
  if (schema === false) {
    errors.push(`${displayPointer(at)}: no value is allowed here, got ${describe(value)}`);
    return;
  }
  if (!isRecord(schema)) return;
  const fail = (text: string): void => {
    errors.push(`${displayPointer(at)}: ${text}`);
  };

  const { type } = schema;
  if (type !== undefined && !matchesType(type, value)) {
    fail(`expected ${formatTypes(type)}, got ${kindOf(value)}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => jsonEqual(option, value))) {
    fail(`expected one of ${schema.enum.map(formatJson).join(', ')}, got ${describe(value)}`);
  }
  if (schema.const !== undefined && !jsonEqual(schema.const, value)) {
    fail(`expected ${formatJson(schema.const)}, got ${describe(value)}`);
  }
  if (Array.isArray(schema.anyOf)) validateAnyOf(schema.anyOf, value, at, errors);

  if (typeof value === 'number') validateNumber(schema, value, fail);
  else if (typeof value === 'string') validateString(schema, value, fail);
  else if (Array.isArray(value)) validateArray(schema, value, at, errors, fail);
  else if (isRecord(value)) validateObject(schema, value, at, errors, fail);
}

function validateAnyOf(options: unknown[], value: unknown, at: string, errors: string[]): void {
  const failures: string[] = [];
  for (const [index, option] of options.entries()) {
    const optionErrors: string[] = [];
    validateNode(option, value, at, optionErrors);
    if (optionErrors.length === 0) return;
    failures.push(`[${index + 1}] ${optionErrors.join('; ')}`);
  }
  errors.push(`${displayPointer(at)}: matches none of the anyOf schemas (${failures.join('; ')})`);
}

type Fail = (text: string) => void;

function validateNumber(schema: Record<string, unknown>, value: number, fail: Fail): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (typeof minimum === 'number' && value < minimum) fail(`must be >= ${minimum}, got ${value}`);
  if (typeof maximum === 'number' && value > maximum) fail(`must be <= ${maximum}, got ${value}`);
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) {
    fail(`must be > ${exclusiveMinimum}, got ${value}`);
  }
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) {
    fail(`must be < ${exclusiveMaximum}, got ${value}`);
  }
}

function validateString(schema: Record<string, unknown>, value: string, fail: Fail): void {
  const { minLength, maxLength, pattern } = schema;
  // JSON Schema 2020-12 §6.3.1: "The length of a string instance is defined as the number of
  // its characters as defined by RFC 8259" — code points, not UTF-16 units. A string has at
  // least length/2 and at most length code points, so counting is often unnecessary.
  if (typeof minLength === 'number' && value.length < minLength * 2) {
    const length = codePointLength(value);
    if (length < minLength)
      fail(`must be at least ${plural(minLength, 'character')} long, got ${length}`);
  }
  if (typeof maxLength === 'number' && value.length > maxLength) {
    const length = codePointLength(value);
    if (length > maxLength)
      fail(`must be at most ${plural(maxLength, 'character')} long, got ${length}`);
  }
  if (typeof pattern === 'string' && !patternOf(schema, pattern).test(value)) {
    fail(`must match /${pattern}/, got ${describe(value)}`);
  }
}

function validateArray(
  schema: Record<string, unknown>,
  value: unknown[],
  at: string,
  errors: string[],
  fail: Fail,
): void {
  const { minItems, maxItems, items } = schema;
  if (typeof minItems === 'number' && value.length < minItems) {
    fail(`must have at least ${plural(minItems, 'item')}, got ${value.length}`);
  }
  if (typeof maxItems === 'number' && value.length > maxItems) {
    fail(`must have at most ${plural(maxItems, 'item')}, got ${value.length}`);
  }
  if (items !== undefined) {
    value.forEach((item, index) => validateNode(items, item, appendPointer(at, index), errors));
  }
}

function validateObject(
  schema: Record<string, unknown>,
  value: Record<string, unknown>,
  at: string,
  errors: string[],
  fail: Fail,
): void {
  const { required, additionalProperties } = schema;
  const properties = isRecord(schema.properties) ? schema.properties : undefined;
  if (Array.isArray(required)) {
    for (const name of required) {
      if (typeof name === 'string' && !Object.hasOwn(value, name))
        fail(`missing required property ${JSON.stringify(name)}`);
    }
  }
  for (const [name, item] of Object.entries(value)) {
    // `hasOwn`, not `in`: a property called "constructor" or "__proto__" is just a name.
    if (properties !== undefined && Object.hasOwn(properties, name)) {
      validateNode(properties[name], item, appendPointer(at, name), errors);
    } else if (additionalProperties === false) {
      fail(`unexpected property ${JSON.stringify(name)}`);
    } else if (additionalProperties !== undefined) {
      validateNode(additionalProperties, item, appendPointer(at, name), errors);
    }
  }
}

function matchesType(type: unknown, value: unknown): boolean {
  if (Array.isArray(type)) return type.some((name) => matchesType(name, value));
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    default:
      return false;
  }
}

function formatTypes(type: unknown): string {
  if (!Array.isArray(type)) return String(type);
  const names = type.map(String);
  return names.length === 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function patternOf(schema: Record<string, unknown>, pattern: string): RegExp {
  let regExp = patterns.get(schema);
  if (regExp === undefined) {
    // Checked by `checkJsonSchema`; the fallback only satisfies the type.
    regExp = compilePattern(pattern) ?? /(?:)/u;
    patterns.set(schema, regExp);
  }
  return regExp;
}

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts alone.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

const PREVIEW_LENGTH = 40;

/** Scalars are shown (long strings shortened); objects and arrays only by kind. */
function describe(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length <= PREVIEW_LENGTH) return JSON.stringify(value);
    // Cut before a high surrogate whose low half would be lost.
    const last = value.charCodeAt(PREVIEW_LENGTH - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? PREVIEW_LENGTH - 1 : PREVIEW_LENGTH;
    return JSON.stringify(`${value.slice(0, end)}…`);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return kindOf(value);
}

/** Schema values (enum, const) are JSON in practice; anything else is shown by kind. */
function formatJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? kindOf(value);
  } catch {
    return kindOf(value);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
