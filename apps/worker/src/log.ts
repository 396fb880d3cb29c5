// The key must never appear in a response, log line or error. Every log line of the
// worker goes through here, and every secret the config reads is registered, so a message that
// echoes a key (an SDK error quoting the upstream's answer, say) is printed redacted.

const secrets = new Set<string>();

export const REDACTED = '[redacted]';

/** Remember a value that must never be printed. Short values are ignored (too many false hits). */
export function registerSecret(secret: string | undefined): void {
  if (secret !== undefined && secret.length >= 8) secrets.add(secret);
}

export function redact(text: string): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  return result;
}

/** An error as one line: name, code and status when present, message — never `cause` or stack. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redact(String(error));
  const fields = error as Error & { code?: unknown; status?: unknown };
  // DOMException has a numeric legacy `code`: only string codes say something.
  const tags = [fields.code, fields.status].filter((tag, index) =>
    index === 0 ? typeof tag === 'string' : typeof tag === 'number',
  );
  return redact(`${error.name}${tags.length > 0 ? ` [${tags.join(' ')}]` : ''}: ${error.message}`);
}

export const logger = {
  warn(message: string, error?: unknown): void {
    console.warn(redact(error === undefined ? message : `${message}: ${describeError(error)}`));
  },
  error(message: string, error?: unknown): void {
    console.error(redact(error === undefined ? message : `${message}: ${describeError(error)}`));
  },
};
