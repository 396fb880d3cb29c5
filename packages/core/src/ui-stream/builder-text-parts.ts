import type { ReasoningUIPart, TextUIPart, UIMessage } from './types.js';

type StreamedPart = TextUIPart | ReasoningUIPart;

/** The text or reasoning parts still open, by their stream id. */
export type OpenParts = Map<string, StreamedPart>;

/** Opens `part` under `id` and appends it to `parts`. */
export function openPart(
  open: OpenParts,
  parts: UIMessage['parts'],
  id: string,
  part: StreamedPart,
) {
  open.set(id, part);
  parts.push(part);
}

/** A delta for an id that is not open starts a new part rather than losing the text. */
export function appendToPart(
  open: OpenParts,
  parts: UIMessage['parts'],
  id: string,
  delta: string,
  create: () => StreamedPart,
): void {
  let part = open.get(id);
  if (part === undefined) {
    part = create();
    openPart(open, parts, id, part);
  }
  part.text += delta;
}

/** Marks the part done; an unknown id is ignored. */
export function endPart(open: OpenParts, id: string): void {
  const part = open.get(id);
  if (part === undefined) return;
  part.state = 'done';
  open.delete(id);
}
