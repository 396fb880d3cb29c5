const FALLBACK = 'Unknown error';

/**
 * A thrown value's message, for a tool result the model reads: the message only (no stack, no
 * error name when there is a message), never throwing itself — a tool may throw anything,
 * including objects whose getters or `toString` throw.
 */
export function errorMessage(thrown: unknown): string {
  try {
    const text = messageOf(thrown);
    return text === '' ? FALLBACK : text;
  } catch {
    return FALLBACK;
  }
}

function messageOf(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  if (typeof thrown !== 'object' || thrown === null) return String(thrown);
  const { message, name } = thrown as { message?: unknown; name?: unknown };
  if (typeof message === 'string' && message !== '') return message;
  if (thrown instanceof Error) return typeof name === 'string' ? name : '';
  try {
    const json = JSON.stringify(thrown);
    if (json !== undefined) return json;
  } catch {
    // A cycle or a BigInt inside: fall back to String().
  }
  return String(thrown);
}
