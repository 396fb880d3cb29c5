/**
 * Deep merge of message metadata, as the AI SDK's `mergeObjects` does it for `start`,
 * `message-metadata` and `finish` chunks: plain objects merge key by key (recursively),
 * everything else — arrays, primitives, `null` — replaces; an `undefined` value in the update
 * keeps the old value. The inputs are not mutated (a merged object is new), and the
 * prototype-polluting keys `__proto__`, `constructor` and `prototype` are skipped because the
 * update comes from the network.
 */
export function mergeMetadata(base: unknown, update: unknown): unknown {
  if (update === undefined) return base;
  if (!isMergeable(base) || !isMergeable(update)) return update;
  const result: Record<string, unknown> = { ...base };
  for (const key of Object.keys(update)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = update[key];
    if (value === undefined) continue;
    result[key] =
      isMergeable(value) && isMergeable(result[key]) ? mergeMetadata(result[key], value) : value;
  }
  return result;
}

function isMergeable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  );
}
