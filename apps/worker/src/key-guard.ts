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
 * Passes a chunk on with `emit` (zero, one or more chunks); `'end'` once the answer must stop
 * there: the caller cancels the run (and so the upstream request) and ends the stream.
 */
export type KeyGuardStep = (
  chunk: UIMessageChunk,
  emit: (chunk: UIMessageChunk) => void,
) => 'end' | undefined;

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
  const step = keyGuard(key);
  if (step === undefined) return chunks;
  return chunks.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        const emit = (out: UIMessageChunk): void => controller.enqueue(out);
        // Erroring the writable side cancels the run upstream of us: the upstream request ends.
        if (step(chunk, emit) === 'end') controller.terminate();
      },
    }),
  );
}

/**
 * `guardKey` as one step per chunk, for a stream stage that already exists (the encoder):
 * a stage of its own would cost a hop per chunk. `undefined` when there is nothing to guard.
 * After `'end'` every chunk is dropped.
 */
export function keyGuard(key: string | undefined): KeyGuardStep | undefined {
  if (key === undefined || key.length < MIN_KEY_LENGTH) return undefined;
  const secret = key;
  /**
   * Per part: the text sent lately (enough to see a key across deltas), what is held, and the
   * part's last delta, the shape the held text goes out in.
   */
  const parts = new Map<string, { tail: string; held: string; delta: Delta }>();
  const open = new Map<string, 'text' | 'reasoning'>();
  let leaked = false;

  return (chunk, emit) => {
    if (leaked) return 'end';
    switch (chunk.type) {
      case 'text-start':
      case 'reasoning-start':
        open.set(chunk.id, chunk.type === 'text-start' ? 'text' : 'reasoning');
        break;
      case 'text-end':
      case 'reasoning-end':
        flushHeld(chunk.id, emit);
        open.delete(chunk.id);
        break;
      case 'tool-input-available':
      case 'tool-input-error':
        flushHeld(`tool:${chunk.toolCallId}`, emit);
        break;
      case 'text-delta':
      case 'reasoning-delta':
      case 'tool-input-delta': {
        const id = chunk.type === 'tool-input-delta' ? `tool:${chunk.toolCallId}` : chunk.id;
        const text = chunk.type === 'tool-input-delta' ? chunk.inputTextDelta : chunk.delta;
        let state = parts.get(id);
        if (state === undefined) {
          state = { tail: '', held: '', delta: chunk };
          parts.set(id, state);
        }
        state.delta = chunk;
        const ready = state.held === '' ? text : state.held + text;
        const seen = state.tail + ready;
        if (seen.includes(secret)) {
          leaked = true;
          endWithError(emit);
          return 'end';
        }
        const hold = heldLength(seen);
        if (hold === 0 && state.held === '') {
          // The common case: nothing held, nothing to hold — the chunk goes out as it is.
          state.tail = tailOf(state.tail, text);
          emit(chunk);
          return undefined;
        }
        const send = ready.slice(0, Math.max(0, ready.length - hold));
        state.held = ready.slice(send.length);
        state.tail = tailOf(state.tail, send);
        if (send !== '') emit(withText(chunk, send));
        return undefined;
      }
    }
    emit(chunk);
    return undefined;
  };

  /** What must be kept of the text sent to see a key that starts in it. */
  function tailOf(tail: string, sent: string): string {
    const keep = secret.length - 1;
    if (sent.length >= keep) return sent.slice(-keep);
    const joined = tail + sent;
    return joined.length > keep ? joined.slice(-keep) : joined;
  }

  function flushHeld(id: string, emit: (chunk: UIMessageChunk) => void): void {
    const state = parts.get(id);
    parts.delete(id);
    if (state !== undefined && state.held !== '') emit(withText(state.delta, state.held));
  }

  function endWithError(emit: (chunk: UIMessageChunk) => void): void {
    for (const [id, kind] of open)
      emit({ type: kind === 'text' ? 'text-end' : 'reasoning-end', id });
    emit({ type: 'error', errorText: KEY_IN_ANSWER_TEXT });
    emit({ type: 'finish', finishReason: 'error' });
  }

  /** The longest end of `text` that starts the key, if it is long enough to matter. */
  function heldLength(text: string): number {
    // Such an end starts with the key's first HOLD_FROM characters: look only where those
    // are, instead of trying every length (a real key is ~160 characters, so ~150 tries).
    const start = secret.slice(0, HOLD_FROM);
    for (
      let at = text.indexOf(start, Math.max(0, text.length - (secret.length - 1)));
      at !== -1;
      at = text.indexOf(start, at + 1)
    ) {
      if (secret.startsWith(text.slice(at))) return text.length - at;
    }
    return 0;
  }
}

function withText(chunk: Delta, text: string): UIMessageChunk {
  return chunk.type === 'tool-input-delta'
    ? { ...chunk, inputTextDelta: text }
    : { ...chunk, delta: text };
}
