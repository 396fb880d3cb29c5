import { appendPointer, displayPointer } from './json-pointer.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/**
 * Standard Schema issues in the same form as `validateJsonSchema`'s errors:
 * `/location/city: Invalid input: expected string, received number`.
 */
export function formatStandardSchemaIssues(
  issues: ReadonlyArray<StandardSchemaV1.Issue>,
): string[] {
  return issues.map((issue) => `${displayPointer(pointerOf(issue.path ?? []))}: ${issue.message}`);
}

function pointerOf(path: ReadonlyArray<PropertyKey | StandardSchemaV1.PathSegment>): string {
  let pointer = '';
  for (const segment of path) {
    // The spec allows a key or a `{ key }` segment.
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    pointer = appendPointer(pointer, typeof key === 'symbol' ? (key.description ?? '') : key);
  }
  return pointer;
}
