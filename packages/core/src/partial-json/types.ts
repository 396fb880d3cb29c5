/** What `parsePartialJson` makes of a possibly incomplete JSON text. */
export interface PartialJsonResult {
  /**
   * The best value so far: the value of the text with every open string, array and object
   * closed (see `createPartialJsonParser` for the exact rules). `undefined` when the text holds
   * no value yet (empty or whitespace only, `-`, or invalid from the first character).
   * When `failed`, the value of the longest prefix that was still valid.
   */
  value: unknown;
  /** The text is exactly one complete JSON value (surrounding whitespace allowed): `JSON.parse` would accept it. */
  complete: boolean;
  /** The text is not a prefix of any JSON text (e.g. `{]`, `abc`, `{"a":1}}`); no later text can make it valid. */
  failed: boolean;
}

/** An incremental parser of one JSON text that arrives in pieces. */
export interface PartialJsonParser {
  /**
   * Feeds the next piece of the text and returns the best value so far — deep-equal to
   * `parsePartialJson(allTextSoFar).value`.
   *
   * Objects and arrays are returned live: the same instances are mutated by later pushes
   * (that is what makes a push cost O(delta) instead of O(text)). Callers that keep a snapshot
   * must clone it (`structuredClone`); nobody may mutate it.
   */
  push(delta: string): unknown;
  /**
   * The value of the whole text. For a complete JSON text it deep-equals `JSON.parse(text)`;
   * otherwise it is the same best-effort value `push` returned. Never throws and does not reset.
   */
  finish(): unknown;
  /** The current best value (what the last `push` returned). */
  readonly value: unknown;
  /** The text so far is exactly one complete JSON value. */
  readonly complete: boolean;
  /** The text so far is not a prefix of any JSON text; later pushes are ignored. */
  readonly failed: boolean;
}
