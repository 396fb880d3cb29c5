import type { DataUIMessageChunk, DataUIPart, UIMessage } from './types.js';

type Part = UIMessage['parts'][number];

/** The builder's `data-*` parts: one with an `id` is updated in place by later chunks. */
export interface DataParts {
  /** Remembers a part of a given message, so a later chunk with its type and id updates it. */
  adopt(part: Part): void;
  /** Folds a `data-*` chunk into `parts`. */
  push(parts: Part[], chunk: DataUIMessageChunk): void;
  clear(): void;
}

export function createDataParts(): DataParts {
  const byKey = new Map<string, DataUIPart>();
  return {
    adopt(part) {
      if (!isDataPart(part) || part.id === undefined) return;
      const key = dataKey(part.type, part.id);
      // The AI SDK updates the first part with that type and id.
      if (!byKey.has(key)) byKey.set(key, part);
    },
    push(parts, chunk) {
      if (chunk.transient === true) return;
      if (chunk.id === undefined) {
        parts.push({ type: chunk.type, data: chunk.data });
        return;
      }
      const key = dataKey(chunk.type, chunk.id);
      const existing = byKey.get(key);
      if (existing !== undefined) {
        existing.data = chunk.data;
        return;
      }
      const part: DataUIPart = { type: chunk.type, id: chunk.id, data: chunk.data };
      byKey.set(key, part);
      parts.push(part);
    },
    clear: () => byKey.clear(),
  };
}

function isDataPart(part: Part): part is DataUIPart {
  return part.type.startsWith('data-');
}

/** Unambiguous for any strings: the type's length says where the id starts. */
function dataKey(type: string, id: string): string {
  return `${type.length}:${type}${id}`;
}
