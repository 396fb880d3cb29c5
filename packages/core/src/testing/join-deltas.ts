import type { UIMessageChunk } from '../ui-stream/types.js';

/**
 * Joins consecutive `text-delta` / `reasoning-delta` / `tool-input-delta` chunks of the same
 * part into one.
 * `runChat` sends the deltas of one part that arrive in one network read as one chunk, so
 * how many delta chunks a stream has depends on how the upstream bytes were cut; compare
 * streams joined when the cuts are not yours to choose (real sockets, random splits).
 */
export function joinDeltas(chunks: readonly UIMessageChunk[]): UIMessageChunk[] {
  const joined: UIMessageChunk[] = [];
  for (const chunk of chunks) {
    const last = joined[joined.length - 1];
    if (chunk.type === 'text-delta' && last?.type === 'text-delta' && last.id === chunk.id) {
      joined[joined.length - 1] = { ...last, delta: last.delta + chunk.delta };
    } else if (
      chunk.type === 'reasoning-delta' &&
      last?.type === 'reasoning-delta' &&
      last.id === chunk.id
    ) {
      joined[joined.length - 1] = { ...last, delta: last.delta + chunk.delta };
    } else if (
      chunk.type === 'tool-input-delta' &&
      last?.type === 'tool-input-delta' &&
      last.toolCallId === chunk.toolCallId
    ) {
      joined[joined.length - 1] = {
        ...last,
        inputTextDelta: last.inputTextDelta + chunk.inputTextDelta,
      };
    } else {
      joined.push(chunk);
    }
  }
  return joined;
}
