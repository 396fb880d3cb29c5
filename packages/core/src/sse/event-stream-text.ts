/** Bytes (or text) of an event stream → the text the SSE parser is fed. */
export interface EventStreamText {
  /** The text of the next piece; a multi-byte character cut at its end waits for the next. */
  decode(piece: Uint8Array | string): string;
  /** End of stream: what the decoder still holds (an incomplete sequence becomes U+FFFD). */
  flush(): string;
}

/**
 * "Streams must be decoded using the UTF-8 decode algorithm": one streaming TextDecoder, so a
 * character cut between reads is decoded whole and invalid bytes become U+FFFD. Every reader
 * of an event stream in the core (SSEDecoderStream, the Chat Completions and UI message
 * stream readers) decodes through this, so they agree on every byte.
 */
export function createEventStreamText(): EventStreamText {
  // ignoreBOM: true keeps a leading BOM in the text so the SSE parser strips exactly one; with
  // the default, TextDecoder would strip one and the parser a second.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return {
    decode(piece) {
      if (typeof piece !== 'string') return decoder.decode(piece, { stream: true });
      // Bytes before this text come first: flush what the decoder holds.
      const pending = decoder.decode();
      return pending === '' ? piece : pending + piece;
    },
    flush() {
      return decoder.decode();
    },
  };
}
