import fc from 'fast-check';
import { hostileValue, MEANINGFUL_STRINGS, PROTOTYPE_KEYS } from './hostile-values.js';

// Structure-aware mutation: a valid value with a few of its slots changed, so a case fails (or
// passes) deep inside a validator instead of at its first check. A mutation names its slot by
// a number taken modulo the count of slots in the value as it is at that moment, so any number
// is valid and shrinking stays meaningful.

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'to-array'; at: number }
  | { kind: 'wrap'; at: number }
  | { kind: 'duplicate'; at: number; times: number };

const at = fc.nat();
const key = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS, 'type', 'role', 'parts', 'content', 'text', 'id', 'state'),
  fc.constantFrom(...MEANINGFUL_STRINGS),
  fc.string({ maxLength: 6 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add-key' as const), at, key, value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('to-array' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      at,
      // 120: past the worker's default of 100 messages.
      times: fc.constantFrom(1, 2, 120),
    }),
  },
);

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, {
  minLength: 1,
  maxLength: 4,
});

/** `value` with the mutations applied in order, on a copy: `value` itself is left as it was. */
export function mutate(value: unknown, list: readonly Mutation[]): unknown {
  const root: { value: unknown } = { value: copy(value) };
  for (const change of list) apply(root, change);
  return root.value;
}

type Container = Record<string, unknown> | unknown[];
interface Slot {
  container: Container;
  key: string | number;
}

function apply(root: { value: unknown }, change: Mutation): void {
  const slots = slotsOf(root);
  const slot = slots[change.at % slots.length] as Slot;
  const current = read(slot);
  switch (change.kind) {
    case 'replace':
      return write(slot, copy(change.value));
    case 'delete':
      if (slot.container === root) return write(slot, undefined);
      if (Array.isArray(slot.container)) slot.container.splice(Number(slot.key), 1);
      else delete slot.container[slot.key];
      return;
    case 'add-key': {
      const target = isObject(current) ? current : {};
      // An own property, even for "__proto__": what JSON.parse makes of `{"__proto__": …}`.
      define(target, change.key, copy(change.value));
      return write(slot, target);
    }
    case 'to-array':
      // An array where an object is expected (and the other way round).
      if (isObject(current)) return write(slot, Object.values(current));
      if (Array.isArray(current)) return write(slot, { ...current });
      return write(slot, [current]);
    case 'wrap':
      return write(slot, [current]);
    case 'duplicate':
      // 120 copies of a megabyte string make a body no test needs; one past the limit will do.
      if (change.times > 2 && sizeOf(current, SIZE_BUDGET) >= SIZE_BUDGET) return;
      if (Array.isArray(slot.container)) {
        const index = Number(slot.key);
        const copies = Array.from({ length: change.times }, () => copy(current));
        slot.container.splice(index, 0, ...copies);
      } else
        write(
          slot,
          Array.from({ length: change.times }, () => copy(current)),
        );
      return;
  }
}

const SIZE_BUDGET = 16 * 1024;

/** About the JSON size of `value`, counted until `cap`. */
function sizeOf(value: unknown, cap: number): number {
  let size = 0;
  const stack = [value];
  while (stack.length > 0 && size < cap) {
    const item = stack.pop();
    if (typeof item === 'string') size += item.length + 2;
    else if (typeof item === 'object' && item !== null) {
      for (const [k, v] of Object.entries(item)) {
        size += k.length + 4;
        stack.push(v);
      }
      size += 2;
    } else size += 8;
  }
  return size;
}

/** Every place a value sits, the root included, in a fixed (depth-first) order. */
function slotsOf(root: { value: unknown }): Slot[] {
  const slots: Slot[] = [];
  const stack: Slot[] = [{ container: root, key: 'value' }];
  while (stack.length > 0) {
    const slot = stack.pop() as Slot;
    slots.push(slot);
    const value = read(slot);
    // Deep values are mutated as a whole: walking a 1,000-level nesting slot by slot adds nothing.
    if (slots.length > 2000) continue;
    if (Array.isArray(value))
      value.forEach((_, index) => stack.push({ container: value, key: index }));
    else if (isObject(value))
      Object.keys(value).forEach((k) => stack.push({ container: value, key: k }));
  }
  return slots;
}

function read(slot: Slot): unknown {
  return (slot.container as Record<string | number, unknown>)[slot.key];
}

function write(slot: Slot, value: unknown): void {
  define(slot.container as Record<string, unknown>, String(slot.key), value);
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy that keeps own "__proto__" keys as keys (a spread or structuredClone may not). */
export function copy<T>(value: T): T {
  // Iterative, so deep values copy as safely as they are made. Keys keep their order: each is
  // defined (as a placeholder if need be) before its children are copied.
  const out: Record<string, unknown> = {};
  const stack: [unknown, Record<string, unknown>, string][] = [[value, out, 'value']];
  while (stack.length > 0) {
    const [source, target, key] = stack.pop() as [unknown, Record<string, unknown>, string];
    if (Array.isArray(source) || isObject(source)) {
      const clone: Record<string, unknown> = Array.isArray(source)
        ? ([] as unknown as Record<string, unknown>)
        : {};
      define(target, key, clone);
      for (const name of Object.keys(source)) {
        define(clone, name, undefined);
        stack.push([(source as Record<string, unknown>)[name], clone, name]);
      }
    } else define(target, key, source);
  }
  return out.value as T;
}

/**
 * Whether two values are the same tree: own enumerable keys in the same order, primitives equal
 * by `Object.is`. Iterative, unlike node's and vitest's deep equality, which overflow the
 * stack on the deep values these tests make.
 */
export function sameTree(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [unknown, unknown];
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      if (!Object.is(x, y)) return false;
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.join('\u0000') !== Object.keys(y).join('\u0000')) return false;
    for (const key of keys) {
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
