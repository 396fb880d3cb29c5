/**
 * Whether `obj[key] = value` could hit something on `Object.prototype` instead of creating an
 * own property: `__proto__` is a setter there (it would replace the object's prototype — the
 * classic pollution vector), and a frozen prototype turns assignment to e.g. `toString` into a
 * TypeError. JSON.parse uses CreateDataProperty, which does neither; `setOwnProperty` does the
 * same for such keys. Decided once per key, not once per push.
 */
export function needsDefineProperty(key: string): boolean {
  return key in Object.prototype;
}

/** Sets an own, enumerable, writable data property, like JSON.parse does. */
export function setOwnProperty(
  obj: Record<string, unknown>,
  key: string,
  value: unknown,
  define: boolean,
): void {
  if (define) {
    Object.defineProperty(obj, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}
