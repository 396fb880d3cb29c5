import { DEFAULT_MAX_EVENT_BYTES, limitOption, tooLargeError } from '../base/limits.js';
import type { ServerSentEvent, SSEParser, SSEParserHandlers, SSEParserOptions } from './types.js';

// Implements https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
// over already-decoded text. Quotes below are from that section.

const LF = 0x0a;
const SPACE = 0x20;
const COLON = 0x3a;
const BOM = 0xfeff;

/**
 * Creates an incremental Server-Sent Events parser. Text may be fed in pieces cut anywhere;
 * handlers are called synchronously from `feed()` / `end()`.
 *
 * Work is linear in the input: each piece is scanned once with `indexOf`, and only the
 * incomplete tail of the last line is kept between pieces (and never re-scanned).
 *
 * An event longer than `maxEventBytes` (see `SSEParserOptions`) makes `feed()` / `end()`
 * throw EdgechatError `stream_too_large`, after dropping what was held.
 */
export function createSSEParser(
  handlers: SSEParserHandlers,
  options: SSEParserOptions = {},
): SSEParser {
  const maxEventBytes = limitOption(
    'maxEventBytes',
    options.maxEventBytes,
    DEFAULT_MAX_EVENT_BYTES,
  );
  // Handlers are called as methods (handlers.onEvent(…)), so a class instance keeps its `this`.

  // The incomplete last line seen so far. Appended to, never searched: a piece is only
  // searched for line ends on its own.
  let tail = '';
  // The length of the complete lines since the last blank line: with the tail, the size of
  // the event being read. Counted per line (O(1)), so the cap costs no scan.
  let eventLength = 0;
  // The previous piece ended in a CR, which we already took as a line end; an LF opening the
  // next piece is the second half of that CRLF, not a blank line.
  let pendingCR = false;
  let atStreamStart = true;

  // "the data buffer, the event type buffer, and the last event ID buffer … must be
  // initialized to the empty string." The data buffer is kept as its lines joined by LF plus
  // `hasData`, which is the spec's buffer after "remove the last character" — without
  // building the trailing LF only to strip it again.
  let data = '';
  let hasData = false;
  let eventType = '';
  let lastEventId = '';

  function feed(text: string): void {
    if (text.length === 0) return;
    let pos = 0;
    if (atStreamStart) {
      atStreamStart = false;
      // "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any."
      // Our input is text, so that one leading U+FEFF is stripped here, once per stream; a
      // later U+FEFF is an ordinary character.
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (pendingCR) {
      pendingCR = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    // Server streams almost never contain a CR, so that case gets a loop with one indexOf.
    if (text.indexOf('\r', pos) === -1) feedLF(text, pos);
    else feedMixed(text, pos);
  }

  function feedLF(text: string, pos: number): void {
    let lf = text.indexOf('\n', pos);
    if (lf === -1) {
      tail += pos === 0 ? text : text.slice(pos);
      checkTail();
      return;
    }
    if (tail !== '') {
      completeTail(text, pos, lf);
      pos = lf + 1;
      lf = text.indexOf('\n', pos);
    }
    while (lf !== -1) {
      // A blank line (the commonest line after "data:") skips processLine's checks.
      if (lf === pos) dispatch();
      else processLine(text, pos, lf);
      pos = lf + 1;
      lf = text.indexOf('\n', pos);
    }
    if (pos < text.length) {
      tail = text.slice(pos);
      checkTail();
    }
  }

  // "a U+000D CARRIAGE RETURN U+000A LINE FEED (CRLF) character pair, a single U+000A LINE
  // FEED (LF) character not preceded by a U+000D CARRIAGE RETURN (CR) character, and a single
  // U+000D CARRIAGE RETURN (CR) character not followed by a U+000A LINE FEED (LF) character
  // being the ways in which a line can end."
  function feedMixed(text: string, pos: number): void {
    const length = text.length;
    // Next CR / LF at or after pos; each is searched again only once passed, so the whole
    // piece is scanned at most once for each character.
    let cr = text.indexOf('\r', pos);
    let lf = text.indexOf('\n', pos);
    while (cr !== -1 || lf !== -1) {
      const end = cr === -1 ? lf : lf === -1 ? cr : cr < lf ? cr : lf;
      if (tail !== '') completeTail(text, pos, end);
      else processLine(text, pos, end);
      if (end === cr) {
        if (end + 1 === length) {
          // A CR ending the piece ends the line now; the LF of a CRLF may open the next piece.
          pendingCR = true;
          return;
        }
        pos = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      } else {
        pos = end + 1;
      }
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
    }
    if (pos < length) {
      tail = text.slice(pos);
      checkTail();
    }
  }

  // The tail is a prefix of a line of the event, so the event would be over the cap too:
  // it is refused now, before more of it is held.
  function checkTail(): void {
    if (eventLength + tail.length > maxEventBytes) tooLarge();
  }

  function tooLarge(): never {
    reset();
    throw tooLargeError('a server-sent event', 'maxEventBytes', maxEventBytes);
  }

  function completeTail(text: string, start: number, end: number): void {
    const line = tail + text.slice(start, end);
    tail = '';
    processLine(line, 0, line.length);
  }

  // Reads the line text[start, end). The character at `end` is the line's CR/LF or past the
  // string, so the prefix and one-space checks below may peek at it: it never matches.
  function processLine(text: string, start: number, end: number): void {
    // "If the line is empty (a blank line) → Dispatch the event"
    if (start === end) {
      dispatch();
      return;
    }
    eventLength += end - start;
    if (eventLength > maxEventBytes) tooLarge();
    const first = text.charCodeAt(start);
    // Hot path: "data:" / "data: ", without slicing the field name.
    if (
      first === 0x64 /* d */ &&
      text.charCodeAt(start + 1) === 0x61 /* a */ &&
      text.charCodeAt(start + 2) === 0x74 /* t */ &&
      text.charCodeAt(start + 3) === 0x61 /* a */ &&
      text.charCodeAt(start + 4) === COLON
    ) {
      appendData(text.slice(text.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, end));
      return;
    }
    // "If the line starts with a U+003A COLON character (:) → Ignore the line."
    // We surface it to onComment (keep-alives are comments), removing one leading space like
    // eventsource-parser does, so ": ping" reports "ping".
    if (first === COLON) {
      if (handlers.onComment !== undefined) {
        handlers.onComment(
          text.slice(text.charCodeAt(start + 1) === SPACE ? start + 2 : start + 1, end),
        );
      }
      return;
    }
    // "If the line contains a U+003A COLON character (:) → Collect the characters on the line
    // before the first U+003A COLON character (:), and let field be that string. Collect the
    // characters on the line after the first U+003A COLON character (:), and let value be that
    // string. If value starts with a U+0020 SPACE character, remove it from value."
    // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:) →
    // Process the field using … the whole line as the field name, and the empty string as the
    // field value."
    // A bounded loop rather than indexOf(':'), which could run past `end` to the piece's end
    // on every colon-less line.
    let colon = start + 1;
    while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
    if (colon === end) {
      processField(text.slice(start, end), '');
    } else {
      const valueStart = text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
      processField(text.slice(start, colon), text.slice(valueStart, end));
    }
  }

  function processField(field: string, value: string): void {
    switch (field) {
      // "If the field name is "event" → Set the event type buffer to field value."
      case 'event':
        eventType = value;
        return;
      // "If the field name is "data" → Append the field value to the data buffer, then append
      // a single U+000A LINE FEED (LF) character to the data buffer."
      case 'data':
        appendData(value);
        return;
      // "If the field name is "id" → If the field value does not contain U+0000 NULL, then set
      // the last event ID buffer to the field value. Otherwise, ignore the field."
      case 'id':
        if (value.indexOf('\0') === -1) lastEventId = value;
        return;
      // "If the field name is "retry" → If the field value consists of only ASCII digits, then
      // interpret the field value as an integer in base ten, and set the event stream's
      // reconnection time to that integer. Otherwise, ignore the field."
      // An empty value is not a number, so it is ignored too (as eventsource-parser does).
      case 'retry':
        if (handlers.onRetry !== undefined && isAsciiDigits(value)) handlers.onRetry(Number(value));
        return;
      // "Otherwise → The field is ignored."
      default:
        return;
    }
  }

  function appendData(value: string): void {
    if (hasData) {
      data += '\n' + value;
    } else {
      data = value;
      hasData = true;
    }
  }

  function dispatch(): void {
    // "1. Set the last event ID string of the event source to the value of the last event ID
    // buffer. The buffer does not get reset, so the last event ID string of the event source
    // remains set to this value until the next time it is set by the server."
    // "2. If the data buffer is an empty string, set the data buffer and the event type buffer
    // to the empty string and return."
    eventLength = 0;
    if (!hasData) {
      eventType = '';
      return;
    }
    // "3. If the data buffer's last character is a U+000A LINE FEED (LF) character, then remove
    // the last character from the data buffer." — `data` never holds that final LF.
    // "5. Initialize event's type attribute to "message", its data attribute to data, … and its
    // lastEventId attribute to the last event ID string of the event source."
    // "6. If the event type buffer has a value other than the empty string, change the type of
    // the newly created event to equal the value of the event type buffer."
    const event = eventType === '' ? 'message' : eventType;
    const dispatched: ServerSentEvent =
      lastEventId === '' ? { event, data } : { event, data, id: lastEventId };
    // "7. Set the data buffer and the event type buffer to the empty string." — before calling
    // out, so a throwing handler leaves the parser consistent.
    data = '';
    hasData = false;
    eventType = '';
    handlers.onEvent(dispatched);
  }

  function end(): void {
    // The spec discards an incomplete event at end of file: "If the file ends in the middle of
    // an event, before the final empty line, the incomplete event is not dispatched." We
    // deliberately dispatch it (unlike openai-node#2725): OpenAI-compatible servers sometimes
    // close the body right after the last `data:` line, and that line is their final chunk.
    try {
      if (tail !== '') {
        const line = tail;
        tail = '';
        processLine(line, 0, line.length);
      }
      dispatch();
    } finally {
      reset();
    }
  }

  function reset(): void {
    tail = '';
    eventLength = 0;
    pendingCR = false;
    atStreamStart = true;
    data = '';
    hasData = false;
    eventType = '';
    lastEventId = '';
  }

  return { feed, end, reset };
}

function isAsciiDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
