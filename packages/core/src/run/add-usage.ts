import type { CompletionUsage } from '../openai/types.js';

/**
 * Sums two OpenAI usage objects and keeps OpenAI's shape: numbers add, nested objects such as
 * `prompt_tokens_details` are summed field by field, and anything else (a `null`, a string)
 * keeps the latest value. A field only one side has is kept as it is.
 */
export function addUsage(
  total: CompletionUsage | undefined,
  usage: CompletionUsage | undefined,
): CompletionUsage | undefined {
  if (usage === undefined) return total;
  if (total === undefined) return usage;
  return addFields(total, usage) as CompletionUsage;
}

type Fields = Record<string, unknown>;

function addFields(a: Fields, b: Fields): Fields {
  const sum: Fields = { ...a };
  for (const key of Object.keys(b)) {
    const left = a[key];
    const right = b[key];
    if (typeof left === 'number' && typeof right === 'number') sum[key] = left + right;
    else if (isFields(left) && isFields(right)) sum[key] = addFields(left, right);
    else if (right !== undefined) sum[key] = right;
  }
  return sum;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
