import type { UIMessageChunk } from '@edgechat/core';

/** What the user sees when the model's output contained the key. */
export const KEY_IN_ANSWER_TEXT =
  'The answer was stopped: it contained this service’s credentials, which are never shown.';

// Held back at most this many characters of a possible key start: shorter prefixes of a key
// ("sk-proj") are public knowledge, and holding every trailing "s" would delay text for nothing.
const HOLD_FROM = 8;
// Shorter "keys" (a local server's "none") are not secrets worth guarding.
const MIN_KEY_LENGTH = 16;

type Delta = Extract<
  UIMessageChunk,
  { type: 'text-delta' | 'reasoning-delta' | 'tool-input-delta' }
>;

/**
 * An upstream that echoes the request's `Authorization` header (a hostile or broken
 * compatible server) must not get the key relayed to a browser. Every streamed part — text,
 * reasoning, tool input — is scanned as one string across its deltas: a delta that would
 * complete the key is never sent; the answer ends there with an `error` and `finish`, and the
 * run (and so the upstream request) is cancelled. A delta that ends in the first 8+ characters
 * of the key waits for the next one, so no client ever holds more of it than that.
 */
export function guardKey(
  chunks: ReadableStream<UIMessageChunk>,
  key: string | undefined,
): ReadableStream<UIMessageChunk> {
  if (key === undefined || key.length < MIN_KEY_LENGTH) return chunks;
  const secret = key;
  /**
   * Per part: the text sent lately (enough to see a key across deltas), what is held, and the
   * part's last delta, the shape the held text goes out in.
   */
  const parts = new Map<string, { tail: string; held: string; delta: Delta }>();
  const open = new Map<string, 'text' | 'reasoning'>();
  let leaked = false;

  return chunks.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        if (leaked) return;
        switch (chunk.type) {
          case 'text-start':
          case 'reasoning-start':
            open.set(chunk.id, chunk.type === 'text-start' ? 'text' : 'reasoning');
            break;
          case 'text-end':
          case 'reasoning-end':
            flushHeld(chunk.id, controller);
            open.delete(chunk.id);
            break;
          case 'tool-input-available':
          case 'tool-input-error':
            flushHeld(`tool:${chunk.toolCallId}`, controller);
            break;
          case 'text-delta':
          case 'reasoning-delta':
          case 'tool-input-delta': {
            const id = chunk.type === 'tool-input-delta' ? `tool:${chunk.toolCallId}` : chunk.id;
            const text = chunk.type === 'tool-input-delta' ? chunk.inputTextDelta : chunk.delta;
            const state = parts.get(id) ?? { tail: '', held: '', delta: chunk };
            parts.set(id, state);
            state.delta = chunk;
            const seen = state.tail + state.held + text;
            if (seen.includes(secret)) {
              leaked = true;
              endWithError(controller);
              return;
            }
            const hold = heldLength(seen);
            const ready = state.held + text;
            const send = ready.slice(0, Math.max(0, ready.length - hold));
            state.held = ready.slice(send.length);
            state.tail = (state.tail + send).slice(-(secret.length - 1));
            if (send !== '') controller.enqueue(withText(chunk, send));
            return;
          }
        }
        controller.enqueue(chunk);
      },
    }),
  );

  function flushHeld(
    id: string,
    controller: TransformStreamDefaultController<UIMessageChunk>,
  ): void {
    const state = parts.get(id);
    parts.delete(id);
    if (state !== undefined && state.held !== '') {
      controller.enqueue(withText(state.delta, state.held));
    }
  }

  function endWithError(controller: TransformStreamDefaultController<UIMessageChunk>): void {
    for (const [id, kind] of open)
      controller.enqueue({ type: kind === 'text' ? 'text-end' : 'reasoning-end', id });
    controller.enqueue({ type: 'error', errorText: KEY_IN_ANSWER_TEXT });
    controller.enqueue({ type: 'finish', finishReason: 'error' });
    // Erroring the writable side cancels the run upstream of us: the upstream request ends.
    controller.terminate();
  }

  /** The longest end of `text` that starts the key, if it is long enough to matter. */
  function heldLength(text: string): number {
    for (let length = Math.min(secret.length - 1, text.length); length >= HOLD_FROM; length--) {
      if (text.endsWith(secret.slice(0, length))) return length;
    }
    return 0;
  }
}

function withText(chunk: Delta, text: string): UIMessageChunk {
  return chunk.type === 'tool-input-delta'
    ? { ...chunk, inputTextDelta: text }
    : { ...chunk, delta: text };
}
