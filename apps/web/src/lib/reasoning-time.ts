// A reasoning part's time lives in the same per-conversation record as the tool calls' times,
// so it is stored, restored and replaced with them. Reasoning ids repeat from answer to answer
// (`reasoning-1` in each), so the key carries the answer's id; the prefix keeps it apart from
// any tool call id.

/** The key of a reasoning part's time in a conversation's `toolTimes`. */
export function reasoningTimeKey(messageId: string, reasoningId: string): string {
  return `reasoning:${messageId}:${reasoningId}`;
}
