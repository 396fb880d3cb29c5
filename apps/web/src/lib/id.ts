/**
 * A random id (messages, conversations): 16 random bytes as 22 characters of base64url, no
 * padding. A conversation's id is also its chat id on the worker, where it is the only key to
 * read or stop the answer: it must be unguessable (≥ 128 bits; `randomUUID` has 122) and fit
 * the worker's `[A-Za-z0-9_-]{16,128}`. Ids saved by earlier versions (UUIDs) fit it too.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The worker's rule for a chat id (16–128 characters of `[A-Za-z0-9_-]`). */
export function isChatId(value: string): boolean {
  return /^[A-Za-z0-9_-]{16,128}$/.test(value);
}
