// Error messages name where the problem is as a JSON Pointer (RFC 6901), so a model can find
// the offending argument: `/location/city: expected string, got number`.

/**
 * Appends one reference token to a pointer. RFC 6901 §3: "'~' needs to be encoded as '~0' and
 * '/' needs to be encoded as '~1'" — `~` first, so an encoded `/` is not encoded again.
 */
export function appendPointer(pointer: string, token: string | number): string {
  const text = String(token);
  return `${pointer}/${text.includes('~') || text.includes('/') ? text.replaceAll('~', '~0').replaceAll('/', '~1') : text}`;
}

/**
 * The pointer as shown in messages. The whole document is the empty pointer `""` (RFC 6901 §5);
 * in a message that reads as nothing, so it is shown as `/`.
 */
export function displayPointer(pointer: string): string {
  return pointer === '' ? '/' : pointer;
}
