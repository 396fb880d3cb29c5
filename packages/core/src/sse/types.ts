/**
 * One dispatched Server-Sent Event, the plain-object counterpart of the `MessageEvent` the
 * WHATWG rules create: "Initialize event's type attribute to "message", its data attribute to
 * data, … and its lastEventId attribute to the last event ID string of the event source."
 */
export interface ServerSentEvent {
  /** The `event:` field of the event's block, or `'message'` when it was absent or empty. */
  event: string;
  /** The `data:` lines of the event's block joined with `'\n'`. */
  data: string;
  /**
   * The last event ID in effect when the event was dispatched. Per the spec the last event ID
   * buffer "does not get reset", so an `id:` persists onto later events until another `id:`
   * changes it; absent while that buffer is empty (never set, or set by an empty `id:`).
   */
  id?: string;
}

export interface SSEParserHandlers {
  /** Called synchronously, in stream order, for every event with a non-empty data buffer. */
  onEvent(event: ServerSentEvent): void;
  /** A `:` comment line: the text after the colon, with one leading space removed. */
  onComment?(text: string): void;
  /** A `retry:` field whose value is one or more ASCII digits, as a number of milliseconds. */
  onRetry?(ms: number): void;
}

export interface SSEParserOptions {
  /**
   * The longest event accepted: all its lines (fields, comments) up to its blank line, line
   * ends not counted, in UTF-16 code units (never more than their UTF-8 bytes). Past it the
   * parser throws EdgechatError `stream_too_large` rather than hold more. Default 1 MiB
   * (`DEFAULT_MAX_EVENT_BYTES`); `Infinity` turns the cap off.
   */
  maxEventBytes?: number;
}

export interface SSEParser {
  /**
   * Feed the next piece of already-decoded text; pieces may be cut anywhere. Throws
   * `stream_too_large` (see `SSEParserOptions.maxEventBytes`), the parser then as new.
   */
  feed(text: string): void;
  /**
   * End of stream: an incomplete last line is processed as a line, a pending event is
   * dispatched even without its trailing blank line, then the parser is as new.
   */
  end(): void;
  /** Forget everything (pending line, pending event, last event ID, BOM and CR state). */
  reset(): void;
}
